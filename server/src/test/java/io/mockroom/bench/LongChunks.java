package io.mockroom.bench;

import java.util.Arrays;

/**
 * A growing list of longs kept in fixed chunks that are never copied. The generator records a
 * latency or a keystroke time thousands of times a second; a single array that doubled had, at
 * 2^22 samples, to be copied 32 MB into 64 MB and made the generator's heap collect fully (420 s
 * into a run), and every room's array doubled at once — pauses of the generator, counted as
 * latency (docs/performance.md, "What it reports"). Single-threaded.
 */
final class LongChunks {
  private final int chunk;
  private long[][] chunks = new long[8][];
  private int size;

  LongChunks(int chunk) {
    this.chunk = chunk;
  }

  void add(long value) {
    if (size % chunk == 0) {
      if (size / chunk == chunks.length) chunks = Arrays.copyOf(chunks, chunks.length * 2);
      chunks[size / chunk] = new long[chunk];
    }
    chunks[size / chunk][size % chunk] = value;
    size++;
  }

  long get(int i) {
    if (i >= size) throw new IndexOutOfBoundsException(i);
    return chunks[i / chunk][i % chunk];
  }

  int size() {
    return size;
  }

  /** Values {@code from} (inclusive) to {@code to} (exclusive), in one sorted array. */
  long[] sorted(int from, int to) {
    long[] s = new long[to - from];
    for (int i = from; i < to; ) {
      int length = Math.min(to - i, chunk - i % chunk);
      System.arraycopy(chunks[i / chunk], i % chunk, s, i - from, length);
      i += length;
    }
    Arrays.sort(s);
    return s;
  }
}
