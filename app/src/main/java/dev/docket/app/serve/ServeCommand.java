package dev.docket.app.serve;

import dev.docket.app.CliContext;
import dev.docket.app.DocketCommand;
import dev.docket.app.ExitCode;
import dev.docket.app.UsageException;
import dev.docket.app.output.CliTimes;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code docket serve}: the HTTP server, until SIGTERM or Ctrl-C. */
@Command(
    name = "serve",
    description =
        "Run the HTTP server. Migrates the schema on start; stops gracefully on SIGTERM."
            + " The first start on an empty store creates the admin user and prints its key once"
            + " (or uses DOCKET_BOOTSTRAP_ADMIN_KEY). Webhooks are signed with"
            + " DOCKET_WEBHOOK_SECRET (else a secret generated on the first start, printed once and"
            + " kept in the database); private, loopback and link-local destinations are refused"
            + " unless DOCKET_WEBHOOK_ALLOW_PRIVATE=true or the host is in"
            + " DOCKET_WEBHOOK_ALLOW_HOSTS=host1,host2.")
public final class ServeCommand implements Callable<Integer> {
  static final String BOOTSTRAP_KEY = "DOCKET_BOOTSTRAP_ADMIN_KEY";

  @ParentCommand DocketCommand parent;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description =
          "Port to listen on, 0 for any free one (env DOCKET_PORT; default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "HOST",
      description = "Address to listen on (env DOCKET_HOST; default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--retention",
      paramLabel = "AGE",
      description =
          "Prune terminal jobs finished more than AGE ago (e.g. 30d), 5 s after start and every"
              + " 10 minutes (env DOCKET_RETENTION; default: keep every job).")
  String retention;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0 to 65535, not " + port);
    }
    CliContext ctx = parent.context();
    Duration keep = retention(ctx);
    String key = ctx.env(BOOTSTRAP_KEY);
    Server server =
        Server.start(
            ctx.database(),
            host,
            port,
            key == null || key.isEmpty() ? null : key,
            ctx.out(),
            keep,
            WebhookOptions.fromEnv(ctx::env));
    CountDownLatch signalled = new CountDownLatch(1);
    Termination.onTermination(signalled::countDown, server::stop);
    signalled.await();
    server.stop();
    return ExitCode.OK;
  }

  private Duration retention(CliContext ctx) {
    String value = retention != null ? retention : ctx.env(Retention.ENV);
    if (value == null || value.isBlank()) {
      return null;
    }
    String option = retention != null ? "--retention" : Retention.ENV;
    Duration keep = CliTimes.duration(option, value);
    if (keep.isZero()) {
      throw new UsageException(option + " must be longer than 0 (leave it out to keep every job)");
    }
    return keep;
  }
}
