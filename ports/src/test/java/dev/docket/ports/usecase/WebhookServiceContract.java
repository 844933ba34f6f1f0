package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docket.domain.Backoff;
import dev.docket.domain.FieldError;
import dev.docket.domain.Job;
import dev.docket.domain.JobSpec;
import dev.docket.domain.ValidationException;
import dev.docket.domain.WebhookDelivery;
import dev.docket.domain.WebhookStatus;
import dev.docket.ports.NotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as a user sees them: where a submitted URL may point, which deliveries a job's owner can
 * read, and what the sender POSTs (signed, in order per job, retried with backoff, given up after
 * the window, refused destinations never contacted).
 */
public abstract class WebhookServiceContract extends ServiceContract {
  private static final String SECRET = "whsec_contract-secret";
  private static final String URL = "https://hooks.example.test/docket";
  private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
  private static final Backoff SLOW = new Backoff(Duration.ofHours(1), Duration.ofHours(1), 0);
  private static final Backoff NONE = new Backoff(Duration.ZERO, Duration.ZERO, 0);

  /** Names the test resolver answers; anything else does not resolve. */
  private static InetAddress[] resolve(String host) throws UnknownHostException {
    return switch (host) {
      case "hooks.example.test" -> new InetAddress[] {InetAddress.getByName("93.184.215.14")};
      case "moved.example.test" -> new InetAddress[] {InetAddress.getByName("10.9.8.7")};
      default -> {
        if (host.matches("[0-9.]+")) {
          yield new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
      }
    };
  }

  private static final AddressPolicy POLICY =
      new AddressPolicy(false, Set.of(), WebhookServiceContract::resolve);

  @Override
  protected DocketConfig config() {
    return DocketConfig.DEFAULT.withWebhookAddresses(POLICY);
  }

  private final RecordingTransport transport = new RecordingTransport();

  private WebhookSender sender(Backoff backoff, Duration giveUpAfter) {
    return new WebhookSender(
        store.webhooks(),
        transport,
        POLICY,
        SECRET,
        new WebhookSettings(backoff, giveUpAfter, Duration.ofMinutes(1), 10),
        Clock.systemUTC());
  }

  private static JobSpec hooked(String url) {
    return new JobSpec("build", "ci", "{\"n\":1}", null, null, null, null, null, url);
  }

  private List<WebhookDelivery> deliveries(Job job) {
    return docket.webhooks().list(submitter, job.id());
  }

  private static String hmac(String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  // ---- submit ----------------------------------------------------------------------------

  @Test
  void submitRefusesLoopbackAndPrivateDestinationsNamingTheField() {
    for (String url :
        List.of("http://127.0.0.1/x", "http://10.0.0.1/", "https://moved.example.test/")) {
      assertThatThrownBy(() -> submit(submitter, hooked(url)))
          .as(url)
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.errors())
                      .extracting(FieldError::field)
                      .containsExactly("webhook_url"));
    }
  }

  @Test
  void aBatchNamesTheIndexOfTheRefusedWebhook() {
    assertThatThrownBy(
            () ->
                docket
                    .jobs()
                    .submitBatch(submitter, List.of(hooked(URL), hooked("http://192.168.0.1/"))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("jobs[1].webhook_url"));
  }

  @Test
  void submitAcceptsPublicAndNotYetResolvableHostsAndOtherSchemesStayInvalid() {
    assertThat(submit(submitter, hooked(URL)).webhookUrl()).isEqualTo(URL);
    assertThat(submit(submitter, hooked("https://not-yet.example.test/")).webhookUrl()).isNotNull();
    assertThatThrownBy(() -> submit(submitter, hooked("ftp://hooks.example.test/")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("webhook_url");
  }

  @Test
  void anOperatorAllowingPrivateDestinationsLetsThemThrough() {
    Docket open =
        Docket.create(
            store,
            DocketConfig.DEFAULT.withWebhookAddresses(
                new AddressPolicy(true, Set.of(), WebhookServiceContract::resolve)),
            dev.docket.ports.JobListener.NONE);

    Job job = open.jobs().submit(submitter, hooked("http://127.0.0.1:9999/x")).job();

    assertThat(job.webhookUrl()).isEqualTo("http://127.0.0.1:9999/x");
  }

  // ---- listing ---------------------------------------------------------------------------

  @Test
  void theOwnerAndAnAdminSeeTheDeliveriesNewestFirstAndOthersSeeNoJob() throws Exception {
    Job job = submit(submitter, hooked(URL));
    claimOne(worker, "ci");

    assertThat(deliveries(job)).extracting(WebhookDelivery::seq).containsExactly(1L, 0L);
    assertThat(docket.webhooks().list(admin, job.id())).hasSize(2);
    Actor stranger = actor(dev.docket.domain.Role.SUBMITTER);
    assertThatThrownBy(() -> docket.webhooks().list(stranger, job.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.webhooks().list(worker, job.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docket.webhooks().list(admin, dev.docket.domain.Ids.newId()))
        .isInstanceOf(NotFoundException.class);
  }

  // ---- sending ---------------------------------------------------------------------------

  @Test
  void everyTransitionIsPostedInOrderSignedWithTheSecret() throws Exception {
    Job job = submit(submitter, hooked(URL));
    Job running = claimOne(worker, "ci");
    docket.workers().complete(worker, job.id(), running.leaseToken(), "{\"ok\":true}");

    int attempts = sender(SLOW, Duration.ofHours(24)).deliverDue();

    assertThat(attempts).isEqualTo(3);
    assertThat(transport.sent)
        .extracting(s -> s.body().replaceAll(".*\"status\":\"([a-z]+)\".*", "$1"))
        .containsExactly("queued", "running", "succeeded");
    for (RecordingTransport.Sent s : transport.sent) {
      assertThat(s.url()).isEqualTo(URI.create(URL));
      assertThat(s.body()).startsWith("{\"event\":\"job.status\",\"job\":{\"id\":\"" + job.id());
      assertThat(s.headers()).containsEntry("Content-Type", "application/json; charset=utf-8");
      Matcher m = SIGNATURE.matcher(s.headers().get(WebhookSender.SIGNATURE_HEADER));
      assertThat(m.matches()).isTrue();
      long t = Long.parseLong(m.group(1));
      assertThat(t)
          .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
      assertThat(m.group(2)).isEqualTo(hmac(t + "." + s.body()));
    }
    assertThat(deliveries(job))
        .allSatisfy(
            d -> {
              assertThat(d.status()).isEqualTo(WebhookStatus.DELIVERED);
              assertThat(d.attempts()).isEqualTo(1);
              assertThat(d.lastStatusCode()).isEqualTo(200);
              assertThat(d.deliveredAt()).isNotNull();
            });
  }

  @Test
  void aNon2xxAnswerIsRecordedAndRetriedAfterTheBackoff() {
    Job job = submit(submitter, hooked(URL));
    transport.then(500);
    Instant before = store.webhooks().now();

    sender(SLOW, Duration.ofHours(24)).deliverDue();

    WebhookDelivery d = deliveries(job).get(0);
    assertThat(d.status()).isEqualTo(WebhookStatus.PENDING);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastStatusCode()).isEqualTo(500);
    assertThat(d.lastError()).contains("500");
    assertThat(d.nextAttemptAt())
        .isBetween(before.plus(Duration.ofMinutes(59)), before.plus(Duration.ofMinutes(61)));
    assertThat(transport.sent).hasSize(1);
  }

  @Test
  void failuresAreRetriedUntilDeliveredAndKeepTheirCount() {
    Job job = submit(submitter, hooked(URL));
    transport.then(500, new IOException("connection reset"), 503);

    sender(NONE, Duration.ofHours(24)).deliverDue();

    WebhookDelivery d = deliveries(job).get(0);
    assertThat(d.status()).isEqualTo(WebhookStatus.DELIVERED);
    assertThat(d.attempts()).isEqualTo(4);
    assertThat(d.lastStatusCode()).isEqualTo(200);
    assertThat(d.lastError()).isNull();
  }

  @Test
  void noAnswerIsRecordedAsAnErrorWithoutAStatusCode() {
    Job job = submit(submitter, hooked(URL));
    transport.then(new IOException("connect timed out"));

    sender(SLOW, Duration.ofHours(24)).deliverDue();

    WebhookDelivery d = deliveries(job).get(0);
    assertThat(d.lastStatusCode()).isNull();
    assertThat(d.lastError()).contains("connect timed out");
  }

  @Test
  void aJobsLaterDeliveriesWaitWhileAnEarlierOneIsRetriedAndOtherJobsGoOn() {
    String failingUrl = "https://hooks.example.test/failing";
    Job job = submit(submitter, hooked(failingUrl));
    Job other = submit(submitter, hooked(URL));
    docket.jobs().cancel(submitter, job.id());
    docket.jobs().cancel(submitter, other.id());
    transport.failAlways(URI.create(failingUrl));

    sender(SLOW, Duration.ofHours(24)).deliverDue();

    assertThat(transport.sent)
        .filteredOn(s -> s.url().toString().equals(failingUrl))
        .singleElement()
        .satisfies(s -> assertThat(s.body()).contains("\"status\":\"queued\""));
    assertThat(deliveries(job))
        .extracting(WebhookDelivery::status, WebhookDelivery::attempts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WebhookStatus.PENDING, 0),
            org.assertj.core.groups.Tuple.tuple(WebhookStatus.PENDING, 1));
    assertThat(deliveries(other))
        .extracting(WebhookDelivery::status)
        .containsOnly(WebhookStatus.DELIVERED);
  }

  @Test
  void afterTheWindowADeliveryIsGivenUpAndTheJobsNextOneGoesOut() {
    Job job = submit(submitter, hooked(URL));
    docket.jobs().cancel(submitter, job.id());
    transport.then(500);

    sender(SLOW, Duration.ZERO).deliverDue();

    List<WebhookDelivery> all = deliveries(job);
    assertThat(all.get(1).status()).isEqualTo(WebhookStatus.FAILED);
    assertThat(all.get(1).lastStatusCode()).isEqualTo(500);
    assertThat(all.get(0).status()).isEqualTo(WebhookStatus.DELIVERED);
    assertThat(transport.sent).hasSize(2);
    assertThat(transport.sent.get(1).body()).contains("\"status\":\"cancelled\"");
  }

  @Test
  void aHostThatNowResolvesToAPrivateAddressIsNeverContacted() {
    Job job = submit(submitter, hooked("https://moved-later.example.test/x"));
    AddressPolicy moved =
        new AddressPolicy(
            false, Set.of(), host -> new InetAddress[] {InetAddress.getByName("10.0.0.5")});
    WebhookSender sender =
        new WebhookSender(
            store.webhooks(),
            transport,
            moved,
            SECRET,
            new WebhookSettings(SLOW, Duration.ofHours(24), Duration.ofMinutes(1), 10),
            Clock.systemUTC());

    sender.deliverDue();

    assertThat(transport.sent).isEmpty();
    WebhookDelivery d = deliveries(job).get(0);
    assertThat(d.status()).isEqualTo(WebhookStatus.PENDING);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastError()).startsWith("refused").contains("10.0.0.5");
  }

  @Test
  void nothingDueMeansNoRequest() {
    submit(submitter, spec("ci", "build"));

    assertThat(sender(SLOW, Duration.ofHours(24)).deliverDue()).isZero();
    assertThat(transport.sent).isEmpty();
  }
}
