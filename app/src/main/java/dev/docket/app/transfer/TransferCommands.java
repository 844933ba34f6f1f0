package dev.docket.app.transfer;

import picocli.CommandLine;

/**
 * Registers {@code docket export}, {@code import} and {@code copy} on the root command, before its
 * settings (default values, streams, handlers) are applied to the subcommands present.
 */
public final class TransferCommands {
  private TransferCommands() {}

  public static void register(CommandLine root, TransferContext context) {
    root.addSubcommand(new ExportCommand(context));
    root.addSubcommand(new ImportCommand(context));
    root.addSubcommand(new CopyCommand(context));
  }
}
