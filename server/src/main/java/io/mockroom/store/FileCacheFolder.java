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
 * Where Vert.x unpacks the browser app from the jar. Given a base path, Vert.x makes the folder
 * {@code <base>-<random uuid>} and deletes it when it closes, but a process killed outright
 * (kill -9, the kernel's OOM killer) leaves it behind, a few MB a time. So the base is
 * {@code <dataDir>/cache/<pid>} (folders {@code cache/<pid>-<uuid>}), and at start the folders
 * of processes that are gone are deleted, as are this pid's own: they were left by an earlier
 * process with the same pid (a container's process is pid 1 at every start). A live process's
 * folder is left alone.
 */
public final class FileCacheFolder {
  private static final Logger log = LoggerFactory.getLogger(FileCacheFolder.class);

  /** {@code <pid>-<uuid>}, as Vert.x names the folder for base {@code <pid>}. */
  private static final java.util.regex.Pattern CACHE_FOLDER = java.util.regex.Pattern.compile("([0-9]{1,18})-[0-9a-f-]{36}");

  private FileCacheFolder() {}

  /** The base path of this process's cache folder under {@code dataDir}; left-behind folders deleted. Call before Vert.x starts. */
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
    java.util.regex.Matcher m = CACHE_FOLDER.matcher(entry.getFileName().toString());
    if (!m.matches()) return false; // not one of ours
    long pid = Long.parseLong(m.group(1));
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
