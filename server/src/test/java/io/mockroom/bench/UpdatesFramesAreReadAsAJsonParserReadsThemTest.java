package io.mockroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import io.mockroom.room.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generator reads the version and the number of updates of every {@code updates} frame
 * without a JSON parser; on frames as the server writes them (Jackson's encoding of the message,
 * which the server's hand-written encoder matches to the character), with the generator's kind of
 * client ids and text, it reads what a parser reads.
 */
class UpdatesFramesAreReadAsAJsonParserReadsThemTest {
  @Test
  void versionAndCountMatchTheParsedFrame() throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      int count = 1 + random.nextInt(i % 10 == 0 ? 200 : 3);
      List<ServerMessage.UpdateView> updates = new ArrayList<>();
      for (int u = 0; u < count; u++) {
        int at = random.nextInt(100_000);
        String text = "x".repeat(1 + (random.nextInt(50) == 0 ? random.nextInt(20_000) : 0));
        updates.add(new ServerMessage.UpdateView("bench-" + random.nextInt(4_000),
            (at > 0 ? "[" + at + ",[0,\"" : "[[0,\"") + text + "\"]]"));
      }
      int version = random.nextInt(i % 3 == 0 ? 10 : Integer.MAX_VALUE);
      String frame = Json.MAPPER.writeValueAsString(new ServerMessage.Updates(random.nextInt(1_000_000),
          "doc-" + random.nextInt(50), version, updates));

      JsonNode parsed = Json.MAPPER.readTree(frame);
      assertThat(UpdatesFrame.is(frame)).isTrue();
      assertThat(UpdatesFrame.version(frame)).as(frame).isEqualTo(parsed.get("version").asInt());
      assertThat(UpdatesFrame.count(frame)).as(frame).isEqualTo(parsed.get("updates").size());
    }
  }

  @Test
  void otherFramesAreNotTakenForUpdates() {
    assertThat(UpdatesFrame.is("{\"type\":\"presence\",\"seq\":3}")).isFalse();
    assertThat(UpdatesFrame.is("{\"type\":\"error\",\"code\":\"updates\"}")).isFalse();
  }
}
