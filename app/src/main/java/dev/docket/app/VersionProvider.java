package dev.docket.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, when running from the built jar. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"docket " + (version == null ? "(development build)" : version)};
  }
}
