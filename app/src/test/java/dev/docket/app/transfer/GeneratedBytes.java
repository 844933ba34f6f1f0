package dev.docket.app.transfer;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * Deterministic pseudo-random bytes made as they are read, so a test never holds a big artifact in
 * memory; {@link Checker} compares bytes written to it with the same sequence.
 */
final class GeneratedBytes extends InputStream {
  private final SplittableRandom random;
  private long remaining;

  GeneratedBytes(long seed, long size) {
    this.random = new SplittableRandom(seed);
    this.remaining = size;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (remaining == 0) {
      return -1;
    }
    int n = (int) Math.min(len, remaining);
    for (int i = 0; i < n; i++) {
      b[off + i] = (byte) random.nextInt(256);
    }
    remaining -= n;
    return n;
  }

  /** Counts bytes and remembers the first that differs from the sequence of {@code seed}. */
  static final class Checker extends OutputStream {
    private final SplittableRandom random;
    private long count;
    private long firstMismatch = -1;

    Checker(long seed) {
      this.random = new SplittableRandom(seed);
    }

    @Override
    public void write(int b) {
      if (firstMismatch < 0 && (byte) random.nextInt(256) != (byte) b) {
        firstMismatch = count;
      }
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        write(b[off + i]);
      }
    }

    long count() {
      return count;
    }

    long firstMismatch() {
      return firstMismatch;
    }
  }
}
