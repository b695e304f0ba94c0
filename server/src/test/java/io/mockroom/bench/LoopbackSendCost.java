package io.mockroom.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What one socket send costs this machine's kernel, measured apart from Mockroom: a thread on the
 * server's CPU writes a {@value #BYTES}-byte message (an {@code updates} frame's size) to each of
 * {@value #SOCKETS} loopback sockets in turn, in bursts of {@value #BURST} every {@value
 * #BURST_EVERY_MICROS} µs (what a group commit releases at 1,000 rooms), while a thread on the
 * generator's CPU reads them; it reports the sending thread's CPU time per send.
 *
 * <p>Why (docs/performance.md, "What it reports"): every keystroke costs the server three sends —
 * the author's confirmation and the two receivers' updates — so 1.5 sends per delivered edit. On
 * loopback a send also runs the receiving socket's TCP path in the sender's system call, and on
 * this virtual machine that is ~10 µs. The figure splits a run's CPU per delivered edit into what
 * the kernel's sends take, what Postgres takes and what is left to the server's own code, and it
 * moves with the machine's speed on the day, so runs on different days can be compared.
 */
final class LoopbackSendCost {
  static final int SOCKETS = 1000;
  static final int BYTES = 128;
  static final int BURST = 45;
  static final int BURST_EVERY_MICROS = 3000;
  /** The server's sends per delivered edit: three per keystroke, two deliveries. */
  static final double SENDS_PER_DELIVERED_EDIT = 1.5;

  private LoopbackSendCost() {}

  /**
   * Median over {@code rounds} rounds of {@code roundMillis} each (after one as long to warm up) of
   * the CPU microseconds one send takes, the sending thread pinned to {@code senderCpu} when
   * taskset exists. Runs before the server starts, so it has the server's core to itself.
   */
  static double microsPerSend(String senderCpu, int rounds, int roundMillis) throws IOException, InterruptedException {
    try (ServerSocketChannel listener = ServerSocketChannel.open(); Selector reading = Selector.open()) {
      listener.bind(new InetSocketAddress("127.0.0.1", 0), SOCKETS);
      List<SocketChannel> senders = new ArrayList<>();
      try {
        for (int i = 0; i < SOCKETS; i++) {
          SocketChannel out = SocketChannel.open(listener.getLocalAddress());
          out.setOption(StandardSocketOptions.TCP_NODELAY, true); // as Netty's sockets
          senders.add(out);
          SocketChannel in = listener.accept();
          in.configureBlocking(false);
          in.register(reading, SelectionKey.OP_READ);
        }
        Thread receiver = new Thread(() -> drain(reading), "send-cost-receiver");
        receiver.setDaemon(true);
        receiver.start();
        double[] perRound = new double[rounds + 1];
        Thread sender = new Thread(() -> {
          pin(senderCpu);
          for (int r = 0; r <= rounds; r++) perRound[r] = sendRound(senders, roundMillis);
        }, "send-cost-sender");
        sender.start();
        sender.join();
        receiver.interrupt();
        reading.wakeup();
        receiver.join();
        if (perRound[rounds] == 0) throw new IOException("the loopback send probe failed (its sender stopped)");
        double[] measured = Arrays.copyOfRange(perRound, 1, rounds + 1);
        Arrays.sort(measured);
        return measured[rounds / 2];
      } finally {
        for (SocketChannel s : senders) s.close();
      }
    }
  }

  /** One round of paced bursts; the CPU microseconds per send, or 0 when a write failed. */
  private static double sendRound(List<SocketChannel> senders, int millis) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ByteBuffer message = ByteBuffer.allocateDirect(BYTES);
    while (message.hasRemaining()) message.put((byte) 'x');
    long sends = 0;
    int next = 0;
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    long due = t0;
    try {
      while (System.nanoTime() - t0 < millis * 1_000_000L) {
        for (int i = 0; i < BURST; i++) {
          message.rewind();
          senders.get(next).write(message);
          next = (next + 1) % senders.size();
          sends++;
        }
        due += BURST_EVERY_MICROS * 1000L;
        LockSupport.parkNanos(due - System.nanoTime());
      }
    } catch (IOException e) {
      return 0;
    }
    return (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / sends;
  }

  private static void drain(Selector reading) {
    ByteBuffer into = ByteBuffer.allocateDirect(1 << 16);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        reading.select();
        for (SelectionKey key : reading.selectedKeys()) {
          into.clear();
          ((SocketChannel) key.channel()).read(into);
        }
        reading.selectedKeys().clear();
      }
    } catch (IOException | java.nio.channels.ClosedSelectorException e) {
      // the probe is over
    }
  }

  /** Pins the calling thread (its own task id, from /proc/thread-self) to {@code cpu}, as the server is. */
  private static void pin(String cpu) {
    if (cpu == null || !Files.isExecutable(Path.of("/usr/bin/taskset"))) return;
    try {
      String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
      Process p = new ProcessBuilder("/usr/bin/taskset", "-pc", cpu, tid).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (p.waitFor() != 0) System.out.println("! the send probe could not pin itself to CPU " + cpu);
    } catch (IOException e) {
      System.out.println("! the send probe could not pin itself to CPU " + cpu + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
