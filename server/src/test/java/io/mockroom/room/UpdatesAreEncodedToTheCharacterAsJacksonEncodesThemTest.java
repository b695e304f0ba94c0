package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.collab.ChangeSet;
import io.mockroom.collab.RandomChangeSets;
import io.mockroom.http.Json;
import io.mockroom.room.ServerMessage.UpdateView;
import io.mockroom.room.ServerMessage.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@code updates} frame ({@link Updates#json()}) is the text {@link Json#encode}
 * gives for the same message, for random messages (nulls and awkward strings included), and a
 * client reads back the changes that were sent.
 */
class UpdatesAreEncodedToTheCharacterAsJacksonEncodesThemTest {

  @Test
  void randomUpdatesAreEncodedAsJacksonEncodesThemAndParseBack() throws Exception {
    for (long seed = 1; seed <= 20; seed++) {
      Random r = new Random(seed);
      for (int i = 0; i < 300; i++) {
        String at = "seed " + seed + ", message " + i;
        List<ChangeSet> sets = new ArrayList<>();
        List<UpdateView> views = new ArrayList<>();
        int n = r.nextInt(5);
        for (int u = 0; u < n; u++) {
          ChangeSet set = RandomChangeSets.next(r, false); // Jackson cannot write a lone surrogate raw
          sets.add(set);
          views.add(new UpdateView(r.nextInt(10) == 0 ? null : RandomChangeSets.text(r, 12, true), set.toJsonString()));
        }
        if (r.nextInt(10) == 0) {
          sets.add(null);
          views.add(r.nextBoolean() ? null : new UpdateView(null, null));
        }
        Updates message = new Updates(r.nextLong() >> r.nextInt(64), r.nextInt(10) == 0 ? null : RandomChangeSets.text(r, 8, true),
            r.nextInt(), r.nextInt(20) == 0 ? null : views);
        String json = message.json();
        assertThat(json).as(at).isEqualTo(Json.encode(message).toString());

        JsonNode read = Json.MAPPER.readTree(json);
        assertThat(read.get("type").textValue()).as(at).isEqualTo("updates");
        assertThat(read.get("seq").longValue()).as(at).isEqualTo(message.seq());
        assertThat(read.path("doc").textValue()).as(at).isEqualTo(message.doc());
        assertThat(read.get("version").intValue()).as(at).isEqualTo(message.version());
        if (message.updates() == null) continue;
        for (int u = 0; u < sets.size(); u++) {
          JsonNode update = read.get("updates").get(u);
          if (sets.get(u) == null) continue;
          assertThat(update.get("clientID").textValue()).as(at).isEqualTo(views.get(u).clientID());
          // The set as read from any JSON of it: U+0000 comes back as U+FFFD (see Utf16).
          assertThat(ChangeSet.fromJson(update.get("changes"))).as(at + ", update " + u).isEqualTo(ChangeSet.fromJson(sets.get(u).toJson()));
        }
      }
    }
  }

  @Test
  void aLoneSurrogateInTheChangesIsRefusedAsJacksonRefusesIt() {
    for (String lone : List.of("\uD83D", "\uDE00", "\uDE00\uD83D")) {
      String changes = "[[0,\"a" + lone + "\"]]";
      Updates message = new Updates(1, "doc", 1, List.of(new UpdateView("c", changes)));
      assertThatThrownBy(() -> Json.encode(message)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(message::json).isInstanceOf(IllegalStateException.class).hasMessageContaining("lone surrogate");
    }
  }
}
