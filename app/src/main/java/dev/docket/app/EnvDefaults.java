package dev.docket.app;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options that fall back to an environment variable before their built-in default, e.g. {@code
 * --db} to {@code DOCKET_DB}. Reads the environment through {@link CliContext} so tests can set it.
 */
final class EnvDefaults implements IDefaultValueProvider {
  private static final Map<String, String> VARIABLES =
      Map.of("--db", "DOCKET_DB", "--port", "DOCKET_PORT", "--host", "DOCKET_HOST");

  private final CliContext context;

  EnvDefaults(CliContext context) {
    this.context = context;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg instanceof OptionSpec option) {
      String variable = VARIABLES.get(option.longestName());
      String value = variable == null ? null : context.env(variable);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
