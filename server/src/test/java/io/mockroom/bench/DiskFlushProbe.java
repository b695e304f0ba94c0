package io.mockroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Measures the disk's own flush latency while a run measures: every {@value #INTERVAL_MS} ms a
 * thread writes 8 kB into a 16 MB file in the run's data folder (the file system Postgres's WAL
 * is on) and flushes it with {@code fdatasync} — what a WAL commit asks of the disk, without
 * Postgres. The file is written in full first, so a flush is a pure overwrite (no block to
 * allocate, no journal commit), as in a recycled WAL segment: what it measures is the disk.
 *
 * <p>Why (docs/performance.md, ninth round): on a virtual machine's disk a flush now and then
 * takes 100-500 ms whatever the load, and every keystroke's commit waits behind it. The probe
 * puts that figure next to the run's p99 so a reader can tell the disk's tail from the server's.
 * It adds ~50 small flushes a second to the few hundred the event log makes.
 */
final class DiskFlushProbe implements AutoCloseable {
  static final int INTERVAL_MS = 20;
  private static final int FILE_BYTES = 16 << 20;
  private static final int WRITE_BYTES = 8192;

  private final Path path;
  private final FileChannel file;
  private final LongChunks micros = new LongChunks(4096);
  private final Thread thread;
  private final long started = System.nanoTime();
  private volatile boolean stopping;
  private IOException failure;

  private DiskFlushProbe(Path path, FileChannel file) {
    this.path = path;
    this.file = file;
    this.thread = new Thread(this::loop, "disk-flush-probe");
    thread.setDaemon(true);
  }

  static DiskFlushProbe start(Path folder) throws IOException {
    Path path = folder.resolve("disk-flush-probe");
    FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
    for (int written = 0; written < FILE_BYTES; written += zeros.capacity()) {
      zeros.clear();
      while (zeros.hasRemaining()) file.write(zeros);
    }
    file.force(true);
    DiskFlushProbe probe = new DiskFlushProbe(path, file);
    probe.thread.start();
    return probe;
  }

  private void loop() {
    ByteBuffer page = ByteBuffer.allocate(WRITE_BYTES);
    long offset = 0;
    try {
      while (!stopping) {
        page.clear();
        while (page.hasRemaining()) file.write(page, offset + page.position());
        offset = (offset + WRITE_BYTES) % FILE_BYTES;
        long t0 = System.nanoTime();
        file.force(false);
        micros.add((System.nanoTime() - t0) / 1000);
        Thread.sleep(INTERVAL_MS);
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the probe and returns what it measured (each flush's latency) since it started. */
  DiskFlushes stop() {
    stopping = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the disk probe stopped", e);
    }
    if (failure != null) throw new UncheckedIOException("the disk probe could not write " + path, failure);
    return DiskFlushes.of(micros.sorted(0, micros.size()), (System.nanoTime() - started) / 1e9);
  }

  @Override
  public void close() throws IOException {
    stopping = true;
    file.close();
    Files.deleteIfExists(path);
  }
}
