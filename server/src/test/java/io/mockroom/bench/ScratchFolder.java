package io.mockroom.bench;

import io.mockroom.testing.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's data folder (its embedded Postgres: hundreds of MB after a load), deleted when the run
 * ends. Declared before the server in a try-with-resources, so the server has stopped (and its
 * Postgres with it) before the folder goes.
 */
record ScratchFolder(Path path) implements AutoCloseable {
  static ScratchFolder create(String prefix) throws IOException {
    return new ScratchFolder(Files.createTempDirectory(prefix));
  }

  /** In {@code parent} (e.g. a disk to measure) rather than the JVM's temp folder. */
  static ScratchFolder create(Path parent, String prefix) throws IOException {
    return new ScratchFolder(Files.createTempDirectory(parent, prefix));
  }

  @Override
  public void close() {
    Folders.delete(path);
  }
}
