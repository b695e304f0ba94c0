package io.mockroom.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder where Vert.x unpacks the browser app from the jar ({@code <dataDir>/cache/<pid>}).
 * Vert.x deletes what it unpacked when it closes, but a process killed outright (kill -9, the
 * kernel's OOM killer) leaves it behind, a few MB a time. So each process unpacks into a folder
 * named by its pid, and at start the folders of processes that are gone are deleted, as is
 * whatever this pid's own folder holds: it was left by an earlier process with the same pid
 * (a container's process is pid 1 at every start). A folder of a live process is left alone.
 */
public final class FileCacheFolder {
  private static final Logger log = LoggerFactory.getLogger(FileCacheFolder.class);

  private FileCacheFolder() {}

  /** This process's cache folder under {@code dataDir}, empty; left-behind folders deleted. Call before Vert.x starts. */
  public static Path prepare(Path dataDir) {
    Path root = dataDir.resolve("cache");
    long self = ProcessHandle.current().pid();
    Path own = root.resolve(Long.toString(self));
    if (Files.isDirectory(root)) {
      try (Stream<Path> entries = Files.list(root)) {
        for (Path entry : entries.toList()) {
          if (leftBehind(entry, self)) deleteTree(entry);
        }
      } catch (IOException e) {
        // Only disk space is at stake: the server starts all the same.
        log.warn("Could not clear old cache folders in {}: {}", root, e.getMessage());
      }
    }
    return own;
  }

  private static boolean leftBehind(Path entry, long self) {
    String name = entry.getFileName().toString();
    if (!name.matches("[0-9]{1,19}")) return false; // not one of ours (e.g. an earlier release's vertx-cache-<uuid>)
    long pid = Long.parseLong(name);
    return pid == self || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  private static void deleteTree(Path top) {
    try (Stream<Path> tree = Files.walk(top)) {
      List<Path> deepestFirst = tree.sorted(Comparator.reverseOrder()).toList();
      for (Path p : deepestFirst) Files.deleteIfExists(p);
    } catch (IOException | UncheckedIOException e) {
      log.warn("Could not delete the old cache folder {}: {}", top, e.getMessage());
    }
  }
}
