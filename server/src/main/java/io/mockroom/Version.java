package io.mockroom;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build this is, as the build wrote it into {@code io/mockroom/build.properties} (the
 * antrun step of server/pom.xml): operators tell two builds of one version apart by the commit.
 * Classes compiled without Maven (an IDE) have no such file: "dev", commit and time unknown.
 */
public final class Version {
  private static final Properties BUILD = read();

  /** The Maven version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION = BUILD.getProperty("version", "dev");
  /**
   * The commit the build was made from: its short hash, with {@code -dirty} when tracked files
   * had changes not committed; {@code unknown} for a build outside a git checkout (a tarball).
   */
  public static final String COMMIT = BUILD.getProperty("commit", "unknown");
  /** When the build was made (UTC, ISO 8601), or {@code unknown}. */
  public static final String BUILT = BUILD.getProperty("built", "unknown");

  private Version() {}

  /** {@code 0.1.0-SNAPSHOT (commit 1a2b3c4, built 2026-12-02T10:00:00Z)}, or {@code … (unknown commit, …)}. */
  public static String describe() {
    return VERSION + " (" + ("unknown".equals(COMMIT) ? "unknown commit" : "commit " + COMMIT) + ", built " + BUILT + ")";
  }

  private static Properties read() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // not this build's: the defaults say "dev" and "unknown"
    }
    return p;
  }
}
