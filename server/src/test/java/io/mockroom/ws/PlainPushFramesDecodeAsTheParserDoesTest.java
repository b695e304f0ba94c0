package io.mockroom.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.collab.ChangeSetJsonText;
import io.mockroom.room.ClientMessage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The web client's own push frames — its field order, no whitespace, as {@code JSON.stringify}
 * writes them, holding every escape and odd character a typed or pasted answer can — are read
 * without a parser ({@link ClientFrames#decodePushPlain}) into exactly the push the token stream
 * reads. The same frames with one character deleted, inserted or replaced are either left to the
 * parser or read exactly as it reads them: the plain reader never takes text the parser refuses,
 * nor reads any differently.
 */
class PlainPushFramesDecodeAsTheParserDoesTest {

  /** A push frame as the web client writes it. */
  static String browserFrame(Random r) {
    StringBuilder out = new StringBuilder("{\"type\":\"push\",\"doc\":");
    out.append(ChangeSetJsonText.string(r, PushFramesDecodeTheSameWithoutATreeTest.text(r, 40)));
    out.append(",\"version\":").append(r.nextInt(8) == 0 ? Integer.MAX_VALUE : r.nextInt(r.nextBoolean() ? 100 : 1_000_000));
    out.append(",\"updates\":[");
    int n = r.nextInt(60) == 0 ? ClientFrames.MAX_UPDATES_PER_PUSH : 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      if (i > 0) out.append(',');
      String clientId = r.nextInt(10) == 0 ? "c".repeat(64) : PushFramesDecodeTheSameWithoutATreeTest.text(r, 64);
      out.append("{\"clientID\":").append(ChangeSetJsonText.string(r, clientId)).append(",\"changes\":");
      changes(r, out);
      out.append('}');
    }
    return out.append("]}").toString();
  }

  /** A valid change set without whitespace: kept lengths, deletes, inserts of one or more lines. */
  private static void changes(Random r, StringBuilder out) {
    out.append('[');
    for (int i = 0, parts = r.nextInt(7); i < parts; i++) {
      if (i > 0) out.append(',');
      switch (r.nextInt(5)) {
        case 0, 1 -> out.append(r.nextInt(4) == 0 ? 0 : r.nextInt(5_000));
        case 2 -> out.append('[').append(r.nextInt(10)).append(']');
        default -> {
          out.append('[').append(r.nextInt(3) == 0 ? 0 : r.nextInt(10));
          for (int j = 0, lines = r.nextInt(6) == 0 ? 0 : 1 + r.nextInt(3); j < lines; j++) {
            out.append(',').append(ChangeSetJsonText.string(r, ChangeSetJsonText.line(r)));
          }
          out.append(']');
        }
      }
    }
    out.append(']');
  }

  @Test
  void theWebClientsFramesAreReadWithoutAParserToWhatTheParserReads() {
    for (long seed = 0; seed < 5_000; seed++) {
      String text = browserFrame(new Random(seed));
      ClientMessage.Push stream = ClientFrames.decodePushStream(text);
      ClientMessage.Push plain = ClientFrames.decodePushPlain(text);
      String at = "seed " + seed + ": " + text;
      assertThat(stream).as(at).isNotNull();
      assertThat(plain).as(at).isEqualTo(stream);
      assertThat(ClientFrames.decode(text)).as(at).isEqualTo(ClientFrames.decodeTree(text));
    }
  }

  private static final String NOISE = "\"\\,:[]{}0123456789-.eE+ \n\tuU/abnrtfx\u0001\u001f\u00e9\ud800\u0663\uff10"; // the last two: digits of other scripts

  @Test
  void aFrameOneCharacterOffIsLeftToTheParserOrReadAsItReadsIt() {
    int takenPlain = 0;
    for (long seed = 0; seed < 30_000; seed++) {
      Random r = new Random(seed);
      StringBuilder text = new StringBuilder(browserFrame(r));
      int at = r.nextInt(text.length() + 1);
      char noise = NOISE.charAt(r.nextInt(NOISE.length()));
      switch (r.nextInt(3)) {
        case 0 -> text.insert(at, noise);
        case 1 -> {
          if (at < text.length()) text.deleteCharAt(at);
        }
        default -> {
          if (at < text.length()) text.setCharAt(at, noise);
        }
      }
      String frame = text.toString();
      ClientMessage.Push plain = ClientFrames.decodePushPlain(frame);
      if (plain == null) continue;
      takenPlain++;
      assertThat(plain).as("seed %d: %s", seed, frame).isEqualTo(ClientFrames.decodePushStream(frame));
    }
    // Many changes keep a frame valid and in the client's spelling (a digit for a digit, a
    // letter inside a string); those are read without the parser.
    assertThat(takenPlain).isGreaterThan(3_000);
  }
}
