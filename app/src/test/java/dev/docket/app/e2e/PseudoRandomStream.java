package dev.docket.app.e2e;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * {@code size} deterministic pseudo-random bytes (xorshift64*), made as they are read and hashed on
 * the way out, so a test can upload any size in constant memory and still know the SHA-256.
 */
final class PseudoRandomStream extends InputStream {
  private final long size;
  private final MessageDigest sha = Bytes.digest();
  private long state;
  private long produced;

  PseudoRandomStream(long seed, long size) {
    this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    this.size = size;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (produced == size) {
      return -1;
    }
    int n = (int) Math.min(len, size - produced);
    for (int i = 0; i < n; i++) {
      if ((produced + i) % 8 == 0) {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
      }
      b[off + i] = (byte) ((state * 0x2545F4914F6CDD1DL) >>> (8 * ((produced + i) % 8)));
    }
    sha.update(b, off, n);
    produced += n;
    return n;
  }

  /** Bytes handed out so far. */
  long produced() {
    return produced;
  }

  /** The SHA-256 of everything read; only meaningful once the stream is exhausted. */
  String sha256() {
    return HexFormat.of().formatHex(sha.digest());
  }
}
