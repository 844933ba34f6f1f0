package dev.docket.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.adapter.sqlite.SqliteStoreAdmin;
import dev.docket.ports.Store;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimedStoreTest {
  private static final String ADMIN_KEY = "dk_test-timed-store-admin-key-0123456789abcdef";
  private static final Pattern LISTENING = Pattern.compile("Docket listening on (http://\\S+)");

  @TempDir Path dir;

  /** Every call that reached the fake store or one of its repositories, as {@code jobs.claim}. */
  private final List<String> reached = new ArrayList<>();

  /**
   * Reflection over {@link Store}, so a method added to the port later fails here until the
   * decorator forwards it (a default that throws "unsupported" would otherwise hide it).
   */
  @Test
  void forwardsEveryMethodOfTheStoreAndEveryMethodOfItsRepositories() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Store timed = TimedStore.wrap(fake(Store.class, ""), registry);
    List<String> checked = new ArrayList<>();
    for (Method m : Store.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      reached.clear();
      Object result = m.invoke(timed, defaults(m));
      if (reached.contains(m.getName())) {
        checked.add(m.getName());
        continue;
      }
      // a timed repository: built once from the store, then every call goes through to it
      assertThat(result).as("%s() answers a repository", m.getName()).isNotNull();
      for (Method op : m.getReturnType().getMethods()) {
        if (Modifier.isStatic(op.getModifiers())) {
          continue;
        }
        reached.clear();
        op.invoke(result, defaults(op));
        String operation = m.getName() + "." + op.getName();
        assertThat(reached).as("%s reaches the store", operation).containsExactly(operation);
        assertThat(registry.find("docket.store.latency").tag("operation", operation).timer())
            .as("%s is timed", operation)
            .isNotNull();
        checked.add(operation);
      }
    }
    assertThat(checked).contains("transfer", "signals", "ping", "close", "jobs.claim");
    assertThat(checked).anyMatch(operation -> operation.startsWith("webhooks."));
  }

  /** Moved from adapter-http's OpsApiTest when the decorator moved here: the store's latency. */
  @Test
  void metricsOfAServerShowStoreLatencyByOperation() throws Exception {
    StringWriter out = new StringWriter();
    Server server =
        Server.start(
            new SqliteStoreAdmin(dir.resolve("docket.db").toString()),
            "127.0.0.1",
            0,
            ADMIN_KEY,
            new PrintWriter(out, true),
            null);
    try {
      Matcher m = LISTENING.matcher(out.toString());
      assertThat(m.find()).as(out.toString()).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> submitted =
          http.send(
              HttpRequest.newBuilder(URI.create(m.group(1) + "/v1/jobs"))
                  .header("Authorization", "Bearer " + ADMIN_KEY)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"k\",\"queue\":\"q\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
      String text =
          http.send(
                  HttpRequest.newBuilder(URI.create(m.group(1) + "/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(text)
          .containsPattern(
              "docket_store_latency_seconds_count\\{operation=\"jobs.insert\",outcome=\"ok\"} \\d");
    } finally {
      server.stop();
    }
  }

  /** A port whose every method records its name and answers a default (another fake for ports). */
  private <T> T fake(Class<T> port, String prefix) {
    Object proxy =
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(self);
                  case "equals" -> self == args[0];
                  default -> port.getSimpleName();
                };
              }
              reached.add(prefix + method.getName());
              Class<?> type = method.getReturnType();
              if (prefix.isEmpty()
                  && type.isInterface()
                  && type.getPackageName().startsWith("dev")) {
                return fake(type, method.getName() + ".");
              }
              return defaultValue(type);
            });
    return port.cast(proxy);
  }

  private static Object[] defaults(Method m) {
    return Arrays.stream(m.getParameterTypes()).map(TimedStoreTest::defaultValue).toArray();
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == double.class) {
      return 0.0;
    }
    return null;
  }
}
