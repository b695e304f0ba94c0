package io.mockroom.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.collab.ChangeSets;
import io.mockroom.collab.Update;
import io.mockroom.room.ClientMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The push the web client sends every few keystrokes is decoded without a tree, and without a
 * parser (so neither fast path can quietly fall back on every frame), and other messages never
 * take them.
 */
class AnOrdinaryPushTakesTheFastPathTest {

  @Test
  void theWebClientsPushIsStreamed() {
    String text = "{\"type\":\"push\",\"doc\":\"q1\",\"version\":12,\"updates\":[{\"clientID\":\"abc123\",\"changes\":[5,[0,\"x\"],3]}]}";
    ClientMessage.Push expected = new ClientMessage.Push("q1", 12, List.of(new Update("abc123", ChangeSets.replace(8, 5, 5, "x"))));
    assertThat(ClientFrames.decodePushPlain(text)).as("read without a parser").isEqualTo(expected);
    assertThat(ClientFrames.decodePushStream(text)).isEqualTo(expected);
    assertThat(ClientFrames.decodePushFast(text)).isEqualTo(expected);
    assertThat(ClientFrames.decode(text)).isEqualTo(expected);
  }

  @Test
  void otherMessagesAreLeftToTheTree() {
    for (String text : new String[] {
      "{\"type\":\"cursor\",\"doc\":\"q1\",\"anchor\":3,\"head\":3}",
      "{\"type\":\"chat\",\"text\":\"push\"}",
      "{\"type\":\"ping\",\"t\":1}",
    }) {
      assertThat(ClientFrames.decodePushPlain(text)).as(text).isNull();
      assertThat(ClientFrames.decodePushFast(text)).as(text).isNull();
      assertThat(ClientFrames.decode(text)).as(text).isEqualTo(ClientFrames.decodeTree(text)).isNotInstanceOf(ClientMessage.Push.class);
    }
  }
}
