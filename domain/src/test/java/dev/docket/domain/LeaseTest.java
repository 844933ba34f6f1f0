package dev.docket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeaseTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00.000Z");

  @Test
  void limitsFollowTheContract() {
    assertThat(Lease.MIN).isEqualTo(Duration.ofSeconds(5));
    assertThat(Lease.MAX).isEqualTo(Duration.ofSeconds(3600));
    assertThat(Lease.DEFAULT).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void expiresAtIsNowPlusTheLength() {
    assertThat(Lease.expiresAt(NOW, Duration.ofSeconds(90))).isEqualTo(NOW.plusSeconds(90));
  }

  @Test
  void aLeaseIsHeldStrictlyBeforeItsExpiry() {
    Instant expiry = NOW.plusSeconds(60);

    assertThat(Lease.isExpired(expiry, expiry.minusMillis(1))).isFalse();
    assertThat(Lease.isExpired(expiry, expiry)).isTrue();
    assertThat(Lease.isExpired(expiry, expiry.plusMillis(1))).isTrue();
  }

  @Test
  void noExpiryIsNeverExpired() {
    assertThat(Lease.isExpired(null, NOW)).isFalse();
  }

  @Test
  void tokensAre128RandomBitsInBase64UrlWithAPrefix() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String token = Lease.newToken();
      assertThat(token).matches("lt_[A-Za-z0-9_-]{22}");
      assertThat(seen.add(token)).isTrue();
    }
  }
}
