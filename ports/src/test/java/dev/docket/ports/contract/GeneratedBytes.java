package dev.docket.ports.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * A deterministic stream of pseudo-random bytes, generated as it is read so that a test never holds
 * the whole artifact in memory, and a sink that checks bytes against the same sequence.
 */
final class GeneratedBytes extends InputStream {
  private final SplittableRandom random;
  private long remaining;
  private final IOException failAtEnd;

  GeneratedBytes(long seed, long size) {
    this(seed, size, null);
  }

  /** Fails with {@code failAtEnd} instead of reporting the end of the stream. */
  GeneratedBytes(long seed, long size, IOException failAtEnd) {
    this.random = new SplittableRandom(seed);
    this.remaining = size;
    this.failAtEnd = failAtEnd;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (remaining == 0) {
      if (failAtEnd != null) {
        throw failAtEnd;
      }
      return -1;
    }
    int n = (int) Math.min(len, remaining);
    for (int i = 0; i < n; i++) {
      b[off + i] = (byte) random.nextInt(256);
    }
    remaining -= n;
    return n;
  }

  /** An output stream that checks every byte written against the sequence of {@code seed}. */
  static final class Checker extends OutputStream {
    private final SplittableRandom random;
    private long count;
    private long firstMismatch = -1;

    Checker(long seed) {
      this.random = new SplittableRandom(seed);
    }

    @Override
    public void write(int b) {
      byte expected = (byte) random.nextInt(256);
      if (firstMismatch < 0 && expected != (byte) b) {
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

    /** Offset of the first wrong byte, or -1. */
    long firstMismatch() {
      return firstMismatch;
    }
  }
}
