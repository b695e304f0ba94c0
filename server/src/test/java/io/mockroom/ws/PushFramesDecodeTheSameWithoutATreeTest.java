package io.mockroom.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.collab.ChangeSetJsonText;
import io.mockroom.room.ClientMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated push frames — random field order and whitespace, deletes, multi-line inserts,
 * unicode with surrogate pairs, every JSON escape — decode on the streaming path to exactly the
 * Push the tree path decodes: same doc, version, client ids and ChangeSets.
 */
class PushFramesDecodeTheSameWithoutATreeTest {

  /** A valid push frame, spelled as any JSON writer (or a hand) might spell it. */
  static String frame(Random r) {
    List<String> fields = new ArrayList<>(List.of(
        name(r, "type") + "\"push\"",
        name(r, "doc") + ChangeSetJsonText.string(r, text(r, 30)),
        name(r, "version") + version(r),
        name(r, "updates") + updates(r)));
    Collections.shuffle(fields, r);
    return object(r, fields);
  }

  private static String updates(Random r) {
    int n = r.nextInt(40) == 0 ? ClientFrames.MAX_UPDATES_PER_PUSH : 1 + r.nextInt(r.nextBoolean() ? 1 : 5);
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      if (i > 0) out.append(',');
      ChangeSetJsonText.space(r, out);
      String clientId = r.nextInt(10) == 0 ? "c".repeat(64) : text(r, 64);
      List<String> fields = new ArrayList<>(List.of(
          name(r, "clientID") + ChangeSetJsonText.string(r, clientId),
          name(r, "changes") + ChangeSetJsonText.changes(r, 1 + r.nextInt(8))));
      Collections.shuffle(fields, r);
      out.append(object(r, fields));
    }
    return out.append(']').toString();
  }

  private static String version(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> "0";
      case 1 -> "-0";
      case 2 -> String.valueOf(Integer.MAX_VALUE);
      default -> String.valueOf(r.nextInt(r.nextBoolean() ? 100 : Integer.MAX_VALUE));
    };
  }

  /** Up to {@code max} UTF-16 units of random pieces. */
  static String text(Random r, int max) {
    StringBuilder s = new StringBuilder();
    for (int n = r.nextInt(6); n > 0; n--) {
      String piece = ChangeSetJsonText.line(r);
      if (s.length() + piece.length() > max) break;
      s.append(piece);
    }
    return s.toString();
  }

  private static String name(Random r, String name) {
    StringBuilder out = new StringBuilder();
    ChangeSetJsonText.space(r, out);
    out.append(r.nextInt(10) == 0 ? ChangeSetJsonText.string(r, name) : "\"" + name + "\"");
    ChangeSetJsonText.space(r, out);
    out.append(':');
    ChangeSetJsonText.space(r, out);
    return out.toString();
  }

  private static String object(Random r, List<String> fields) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) out.append(',');
      out.append(fields.get(i));
      ChangeSetJsonText.space(r, out);
    }
    return out.append('}').toString();
  }

  @Test
  void theStreamingPathGivesWhatTheTreeGives() {
    for (long seed = 0; seed < 5_000; seed++) {
      String text = frame(new Random(seed));
      String at = "seed " + seed + ": " + text;
      ClientMessage.Push tree = (ClientMessage.Push) ClientFrames.decodeTree(text);
      ClientMessage.Push fast = ClientFrames.decodePushFast(text);
      assertThat(fast).as(at).isNotNull();
      assertThat(fast.doc()).as(at).isEqualTo(tree.doc());
      assertThat(fast.version()).as(at).isEqualTo(tree.version());
      assertThat(fast.updates()).as(at).hasSameSizeAs(tree.updates());
      for (int i = 0; i < tree.updates().size(); i++) {
        assertThat(fast.updates().get(i).clientId()).as(at).isEqualTo(tree.updates().get(i).clientId());
        assertThat(fast.updates().get(i).changes()).as(at).isEqualTo(tree.updates().get(i).changes());
        assertThat(fast.updates().get(i).changes().toJson()).as(at).isEqualTo(tree.updates().get(i).changes().toJson());
      }
      assertThat(fast).as(at).isEqualTo(tree);
      assertThat(ClientFrames.decode(text)).as(at).isEqualTo(tree);
    }
  }
}
