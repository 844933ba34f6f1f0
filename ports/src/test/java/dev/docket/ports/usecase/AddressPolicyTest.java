package dev.docket.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhooks may point, with a resolver that answers from a table (no DNS in tests). */
class AddressPolicyTest {
  private static final Map<String, String> DNS =
      Map.of(
          "public.example.test", "93.184.215.14",
          "inside.example.test", "10.1.2.3",
          "metadata.example.test", "169.254.169.254",
          "v6.example.test", "2606:4700::1111",
          "ula.example.test", "fd12:3456::1");

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String ip = DNS.get(host);
    if (ip == null) {
      // literals resolve to themselves without DNS
      if (host.matches("[0-9.]+") || host.contains(":")) {
        return new InetAddress[] {InetAddress.getByName(host)};
      }
      throw new UnknownHostException(host);
    }
    return new InetAddress[] {InetAddress.getByName(ip)};
  }

  private static final AddressPolicy STRICT =
      new AddressPolicy(false, Set.of(), AddressPolicyTest::resolve);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/x",
        "http://127.8.9.10:8080/x",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://0.0.0.0/",
        "http://100.64.1.1/",
        "http://224.0.0.1/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://[::ffff:10.0.0.1]/",
        "https://inside.example.test/hook",
        "https://metadata.example.test/",
        "https://ula.example.test/"
      })
  void privateLoopbackAndLinkLocalDestinationsAreRefusedAtSubmitAndDelivery(String url) {
    assertThat(STRICT.refusalAtSubmit(url)).isPresent();
    assertThat(STRICT.refusalAtDelivery(URI.create(url))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://public.example.test/hook",
        "http://v6.example.test:8443/x",
        "http://93.184.215.14/",
        "http://[2606:4700::1111]/"
      })
  void publicDestinationsAreAllowed(String url) {
    assertThat(STRICT.refusalAtSubmit(url)).isEmpty();
    assertThat(STRICT.refusalAtDelivery(URI.create(url))).isEmpty();
  }

  @Test
  void aHostThatDoesNotResolveYetPassesAtSubmitButNotAtDelivery() {
    String url = "https://later.example.test/hook";

    assertThat(STRICT.refusalAtSubmit(url)).isEmpty();
    assertThat(STRICT.refusalAtDelivery(URI.create(url)))
        .hasValueSatisfying(r -> assertThat(r).contains("does not resolve"));
  }

  @Test
  void theReasonNamesTheHostAndTheAddressItResolvedTo() {
    assertThat(STRICT.refusalAtSubmit("https://inside.example.test/hook"))
        .hasValueSatisfying(r -> assertThat(r).contains("inside.example.test", "10.1.2.3"));
  }

  @Test
  void theOperatorMayAllowPrivateDestinations() {
    AddressPolicy open = new AddressPolicy(true, Set.of(), AddressPolicyTest::resolve);

    assertThat(open.refusalAtSubmit("http://127.0.0.1:9/x")).isEmpty();
    assertThat(open.refusalAtDelivery(URI.create("http://10.0.0.1/"))).isEmpty();
  }

  @Test
  void allowListedHostsPassWhateverTheyResolveToAndOnlyThey() {
    AddressPolicy listed =
        new AddressPolicy(
            false, Set.of("Inside.Example.Test", "127.0.0.1", "::1"), AddressPolicyTest::resolve);

    assertThat(listed.refusalAtSubmit("https://inside.example.test/hook")).isEmpty();
    assertThat(listed.refusalAtDelivery(URI.create("http://127.0.0.1:8080/x"))).isEmpty();
    assertThat(listed.refusalAtDelivery(URI.create("http://[::1]:8080/x"))).isEmpty();
    assertThat(listed.refusalAtSubmit("https://metadata.example.test/")).isPresent();
    assertThat(listed.refusalAtSubmit("http://10.0.0.1/")).isPresent();
  }

  @Test
  void aHostResolvingToAnyRefusedAddressIsRefused() {
    AddressPolicy mixed =
        new AddressPolicy(
            false,
            Set.of(),
            host ->
                new InetAddress[] {
                  InetAddress.getByName("93.184.215.14"), InetAddress.getByName("192.168.0.10")
                });

    assertThat(mixed.refusalAtDelivery(URI.create("https://two.example.test/"))).isPresent();
  }
}
