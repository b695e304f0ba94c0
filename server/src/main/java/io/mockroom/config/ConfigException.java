package io.mockroom.config;

/** A configuration value that cannot be used; the message names the key and says why. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String key, String why) {
    super(key + ": " + why);
  }
}
