package dev.docket.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The newest Flyway migration an adapter ships ({@code V<n>__<what>.sql} under a classpath folder),
 * found by listing that folder in the jar or directory that holds it.
 */
final class BundledMigrations {
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[^/]*\\.sql");

  private BundledMigrations() {}

  /**
   * @param folder a classpath folder such as {@code db/migration/sqlite}
   * @return the highest version found, 0 when there are none
   */
  static int latest(String folder) {
    try {
      int max = 0;
      Enumeration<URL> roots = BundledMigrations.class.getClassLoader().getResources(folder);
      while (roots.hasMoreElements()) {
        max = Math.max(max, latestIn(roots.nextElement(), folder));
      }
      return max;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the migrations in " + folder, e);
    }
  }

  private static int latestIn(URL root, String folder) throws IOException {
    if ("jar".equals(root.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) root.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        int max = 0;
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          if (name.startsWith(folder + "/")) {
            max = Math.max(max, version(name.substring(folder.length() + 1)));
          }
        }
        return max;
      }
    }
    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
      return files.mapToInt(p -> version(p.getFileName().toString())).max().orElse(0);
    } catch (URISyntaxException e) {
      throw new IOException("not a folder: " + root, e);
    }
  }

  private static int version(String fileName) {
    Matcher m = VERSIONED.matcher(fileName);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }
}
