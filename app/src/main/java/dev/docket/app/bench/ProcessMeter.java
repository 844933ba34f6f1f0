package dev.docket.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's CPU time and resident memory, where the platform tells them. */
final class ProcessMeter {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessMeter() {}

  /** CPU time used by the whole process so far, in nanoseconds; -1 when unknown. */
  static long cpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  /** The resident set size from {@code /proc/self/status} ({@code VmRSS}); -1 when unknown. */
  static long rssBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).strip().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or a format we do not know: report it as unknown
    }
    return -1;
  }
}
