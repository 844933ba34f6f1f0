package dev.docket.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.ports.JobSignals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two stores on one schema stand for two server instances: a signal given through one wakes the
 * other's waiters through LISTEN/NOTIFY, within a second, and survives a lost listener connection.
 */
class PostgresCrossInstanceSignalsTest {
  @RegisterExtension static final PostgresFixture PG = new PostgresFixture();

  /** Each store's sessions carry a name of their own, so a test can kill exactly them. */
  private final String appA = "docket-sig-a-" + UUID.randomUUID();

  private PostgresStore a;
  private PostgresStore b;

  @BeforeEach
  void open() {
    a = PostgresStore.open(PostgresFixture.serverUrl(), PG.options().withApplicationName(appA));
    b = PostgresStore.open(PostgresFixture.serverUrl(), PG.options());
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  @Test
  void aQueueWaiterOnOneInstanceIsWokenWithinASecondByQueueReadyOnTheOther() throws Exception {
    CountDownLatch woken = new CountDownLatch(1);
    try (JobSignals.Subscription s = a.signals().onQueue("builds", woken::countDown)) {
      long sent = System.nanoTime();
      b.signals().queueReady("builds");

      assertThat(woken.await(1, TimeUnit.SECONDS)).as("woken within 1 s").isTrue();
      System.out.printf("cross-instance queue wake: %d ms%n", millisSince(sent));
    }
  }

  @Test
  void aJobWaiterOnOneInstanceIsWokenWithinASecondByJobChangedOnTheOther() throws Exception {
    UUID job = UUID.randomUUID();
    CountDownLatch woken = new CountDownLatch(1);
    try (JobSignals.Subscription s = a.signals().onJob(job, woken::countDown)) {
      long sent = System.nanoTime();
      b.signals().jobChanged(job);

      assertThat(woken.await(1, TimeUnit.SECONDS)).as("woken within 1 s").isTrue();
      System.out.printf("cross-instance job wake: %d ms%n", millisSince(sent));
    }
  }

  @Test
  void anInstanceWakesItsOwnWaitersOnceNotAgainWhenItsNotificationComesBack() throws Exception {
    AtomicInteger ownWakes = new AtomicInteger();
    CountDownLatch bSawIt = new CountDownLatch(1);
    CountDownLatch marker = new CountDownLatch(1);
    try (JobSignals.Subscription own = a.signals().onQueue("q", ownWakes::incrementAndGet);
        JobSignals.Subscription atB = b.signals().onQueue("q", bSawIt::countDown);
        JobSignals.Subscription mark = a.signals().onQueue("marker", marker::countDown)) {
      a.signals().queueReady("q");
      assertThat(ownWakes).as("local waiters wake at once").hasValue(1);
      assertThat(bSawIt.await(5, TimeUnit.SECONDS)).isTrue();

      // B signals only after A's notification reached it, so A's listener sees A's own first
      b.signals().queueReady("marker");
      assertThat(marker.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ownWakes).hasValue(1);
  }

  @Test
  void aStoreInAnotherSchemaOfTheSameDatabaseIsNotWoken() throws Exception {
    String otherSchema = PostgresFixture.newSchemaName();
    AtomicInteger elsewhere = new AtomicInteger();
    CountDownLatch here = new CountDownLatch(1);
    CountDownLatch marker = new CountDownLatch(1);
    try (PostgresStore other =
            PostgresStore.open(PostgresFixture.serverUrl(), PG.options().withSchema(otherSchema));
        PostgresStore otherPeer =
            PostgresStore.open(PostgresFixture.serverUrl(), PG.options().withSchema(otherSchema));
        JobSignals.Subscription o =
            other.signals().onQueue("shared-name", elsewhere::incrementAndGet);
        JobSignals.Subscription m = other.signals().onQueue("marker", marker::countDown);
        JobSignals.Subscription h = a.signals().onQueue("shared-name", here::countDown)) {
      b.signals().queueReady("shared-name");
      assertThat(here.await(5, TimeUnit.SECONDS)).isTrue();

      // sent after B's notification was delivered, so the other schema's listener saw B's first
      otherPeer.signals().queueReady("marker");
      assertThat(marker.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      dropSchema(otherSchema);
    }
    assertThat(elsewhere).hasValue(0);
  }

  @Test
  void afterItsConnectionIsKilledTheListenerReconnectsWakesEveryWaiterAndCarriesSignalsAgain()
      throws Exception {
    UUID job = UUID.randomUUID();
    AtomicInteger wakes = new AtomicInteger();
    try (JobSignals.Subscription s = a.signals().onJob(job, wakes::incrementAndGet)) {
      assertThat(terminateBackends(appA)).as("backends of A killed").isPositive();

      // notifications sent while it was away are lost, so the reconnect wakes everyone once
      awaitTrue(() -> wakes.get() >= 1, Duration.ofSeconds(10));
      awaitTrue(() -> listeningBackends(appA) == 1, Duration.ofSeconds(10));
      int before = wakes.get();
      long sent = System.nanoTime();
      b.signals().jobChanged(job);

      awaitTrue(() -> wakes.get() > before, Duration.ofSeconds(1));
      System.out.printf("wake after listener reconnect: %d ms%n", millisSince(sent));
    }
  }

  @Test
  void closingTheStoreClosesItsListenerConnection() throws Exception {
    String app = "docket-sig-close-" + UUID.randomUUID();
    PostgresStore c =
        PostgresStore.open(PostgresFixture.serverUrl(), PG.options().withApplicationName(app));
    assertThat(listeningBackends(app)).isEqualTo(1);

    long closing = System.nanoTime();
    c.close();

    assertThat(millisSince(closing)).as("close does not wait out a poll").isLessThan(1_000);
    awaitTrue(() -> backends(app) == 0, Duration.ofSeconds(5));
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void awaitTrue(Check check, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      assertThat(System.nanoTime()).as("condition within %s", timeout).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static int terminateBackends(String app) throws SQLException {
    return count(
        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
            + " WHERE application_name = ?",
        app);
  }

  /** Sessions of {@code app} whose last statement was a LISTEN: the listener's connection. */
  private static int listeningBackends(String app) throws SQLException {
    return count(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
            + " AND query LIKE 'LISTEN %'",
        app);
  }

  private static int backends(String app) throws SQLException {
    return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?", app);
  }

  private static int count(String sql, String app) throws SQLException {
    try (Connection c = PostgresFixture.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, app);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static void dropSchema(String schema) throws SQLException {
    try (Connection c = PostgresFixture.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
