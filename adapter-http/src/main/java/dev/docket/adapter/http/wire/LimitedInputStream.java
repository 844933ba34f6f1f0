package dev.docket.adapter.http.wire;

import dev.docket.adapter.http.problem.BodyTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through until more than {@code limit} have been read, then fails the read. */
public final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private long count;

  public LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) throws BodyTooLargeException {
    count += n;
    if (count > limit) {
      throw new BodyTooLargeException(limit);
    }
  }
}
