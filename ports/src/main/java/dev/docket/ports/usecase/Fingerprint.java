package dev.docket.ports.usecase;

import dev.docket.domain.JobSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes: request fingerprints for idempotency, and API key secrets. */
public final class Fingerprint {
  private Fingerprint() {}

  /** Equal for two submissions that ask for the same job (JSON text must be normalized). */
  static String of(JobSpec s) {
    String text =
        String.join(
            "\u0000",
            s.kind(),
            s.queueOrDefault(),
            String.valueOf(s.payload()),
            String.valueOf(s.metadata()),
            String.valueOf(s.priority()),
            String.valueOf(s.runAt()),
            String.valueOf(s.maxAttemptsOrDefault()),
            String.valueOf(s.webhookUrl()));
    return sha256(text);
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
