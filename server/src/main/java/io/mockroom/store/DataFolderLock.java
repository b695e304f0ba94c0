package io.mockroom.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock a server holds on its data folder ({@code <dataDir>/mockroom.lock}, which
 * also names the holder's pid) for as long as its embedded Postgres may run. It is taken before
 * anything touches Postgres, so a second server started on the same folder stops at once and
 * leaves the first one's Postgres alone. The operating system drops the lock when its process
 * dies, even by {@code kill -9}; a Postgres still running in the folder then belongs to nobody
 * and may be stopped (see {@link EmbeddedDatabase}).
 */
final class DataFolderLock implements AutoCloseable {
  static final String FILE = "mockroom.lock";

  /** The folder is another live process's: nothing was touched. */
  static final class InUse extends IllegalStateException {
    InUse(Path dataDir, String who) {
      super(who + " is using " + dataDir.toAbsolutePath() + ". Stop it first, or start this one with another MOCKROOM_DATA_DIR.");
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private DataFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** @throws InUse naming the folder and the other process when it holds the lock */
  static DataFolderLock acquire(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null; // a server of this very process (tests) holds it
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      String pid = Files.readString(file, StandardCharsets.UTF_8).trim();
      throw new InUse(dataDir, pid.matches("\\d+") ? "Another Mockroom (pid " + pid + ")" : "Another Mockroom");
    }
    // Readable by the next server, which cannot take the lock, for its message.
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    return new DataFolderLock(channel, lock);
  }

  /** Releases the lock; the file stays (removing it could race with a server that just opened it). */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the process is about to give the folder up anyway; closing the channel frees the lock
    }
  }
}
