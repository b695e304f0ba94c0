package io.mockroom;

/** The version of this build, from the jar manifest (or "dev" when run from classes). */
public final class Version {
  public static final String VERSION = read();

  private Version() {}

  private static String read() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
