package io.mockroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A room's keystroke times are kept in chunks that are never copied (arrays that doubled did so in
 * every room at once and paused the generator); each time reads back by its index, across chunks.
 */
class EveryKeystrokeTimeIsKeptAcrossChunksTest {
  @Test
  void eachTimeReadsBackByItsIndex() {
    LongChunks times = new LongChunks(512); // as a room keeps them
    int n = 20_000; // an hour of typing at 5 a second is 18,000
    for (int i = 0; i < n; i++) times.add(1_000_000L * i + 7);

    assertEquals(n, times.size());
    for (int i = 0; i < n; i++) assertEquals(1_000_000L * i + 7, times.get(i), "keystroke " + i);
    assertThrows(IndexOutOfBoundsException.class, () -> times.get(n));
  }
}
