package dev.docket.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.client.model.Artifact;
import dev.docket.client.model.Job;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Artifacts of several MiB go both ways through streams: the bytes are generated as they are read
 * and digested as they are written, so no test copy of them exists in memory.
 */
class ArtifactStreamTest {
  private static final long SIZE = 8L * 1024 * 1024 + 17;
  private static final TestServer server = TestServer.start();

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anArtifactStreamsUpFromAnInputStreamAndDownToAnOutputStream() throws Exception {
    DocketClient admin = server.admin();
    String queue = TestServer.newQueue();
    Job job = admin.jobs().submit(NewJob.builder("k").queue(queue).build());
    String token = admin.worker().claim(queue, Claim.by("w")).get(0).leaseToken();

    Generated source = new Generated(SIZE);
    Artifact up =
        admin.artifacts().upload(job.id(), token, "big.bin", "application/octet-stream", source);
    assertThat(up.size()).isEqualTo(SIZE);
    assertThat(up.sha256()).isEqualTo(source.sha256());

    Digesting sink = new Digesting();
    assertThat(admin.artifacts().download(job.id(), "big.bin", sink)).isEqualTo(SIZE);
    assertThat(sink.sha256()).isEqualTo(up.sha256());
  }

  @Test
  void anArtifactStreamsUpFromAFileAndDownAsAnInputStream() throws Exception {
    DocketClient admin = server.admin();
    String queue = TestServer.newQueue();
    Job job = admin.jobs().submit(NewJob.builder("k").queue(queue).build());
    String token = admin.worker().claim(queue, Claim.by("w")).get(0).leaseToken();
    Path file = Files.createTempFile("artifact", ".bin");
    try {
      Generated source = new Generated(SIZE);
      try (OutputStream out = Files.newOutputStream(file)) {
        source.transferTo(out);
      }
      Artifact up = admin.artifacts().upload(job.id(), token, "file.bin", null, file);
      assertThat(up.sha256()).isEqualTo(source.sha256());

      Digesting sink = new Digesting();
      try (InputStream in = admin.artifacts().open(job.id(), "file.bin")) {
        in.transferTo(sink);
      }
      assertThat(sink.count).isEqualTo(SIZE);
      assertThat(sink.sha256()).isEqualTo(up.sha256());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** {@code size} pseudo-random bytes made as they are read, digested on the way. */
  private static final class Generated extends InputStream {
    private final MessageDigest digest = sha256Digest();
    private long left;
    private int x = 12345;

    Generated(long size) {
      left = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      for (int i = 0; i < n; i++) {
        x = x * 1103515245 + 12345;
        b[off + i] = (byte) (x >>> 16);
      }
      digest.update(b, off, n);
      left -= n;
      return n;
    }

    String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  /** Counts and digests what is written, keeping nothing. */
  private static final class Digesting extends OutputStream {
    private final MessageDigest digest = sha256Digest();
    long count;

    @Override
    public void write(int b) {
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      digest.update(b, off, len);
      count += len;
    }

    String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
