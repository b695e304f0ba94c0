package io.mockroom.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.room.ClientMessage;
import io.mockroom.room.ProtocolError;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Push frames the streaming path is not sure of — wrong types and values, unknown or repeated
 * fields, limits, bad JSON, text after the object — are left to the tree path, so each gets the
 * answer it got before the streaming path existed: the same message, or the same error code and
 * text. Mangled copies of valid frames never get a different answer either.
 */
class OddPushFramesGetTheSameAnswerAsBeforeTest {
  private static final String UPDATE = "{\"clientID\":\"abc\",\"changes\":[5,[0,\"x\"],3]}";

  private static String push(String version, String updates) {
    return "{\"type\":\"push\",\"doc\":\"q1\",\"version\":" + version + ",\"updates\":" + updates + "}";
  }

  private static String push(String update) {
    return push("12", "[" + update + "]");
  }

  private static String changes(String changes) {
    return push("{\"clientID\":\"abc\",\"changes\":" + changes + "}");
  }

  private static String answer(Supplier<ClientMessage> decode) {
    try {
      return "ok " + decode.get();
    } catch (ProtocolError e) {
      return e.code() + ": " + e.getMessage();
    }
  }

  private static String before(String text) {
    return answer(() -> ClientFrames.decodeTree(text));
  }

  private static void sameAnswer(String text) {
    assertThat(ClientFrames.decodePushFast(text)).as(text).isNull();
    assertThat(answer(() -> ClientFrames.decode(text))).as(text).isEqualTo(before(text));
  }

  @Test
  void whatTheTreeDoesWithOddValuesStays() {
    // The tree ignores unknown fields; a version of 3.0 or "3" is refused.
    assertThat(before(push("12", "[" + UPDATE + "]").replace("}]}", "}],\"extra\":1}"))).startsWith("ok ");
    assertThat(before(push("3.0", "[" + UPDATE + "]"))).isEqualTo("invalid_message: \"version\" must be a whole number of 0 or more.");
    assertThat(before(push("\"3\"", "[" + UPDATE + "]"))).isEqualTo("invalid_message: \"version\" must be a whole number of 0 or more.");
  }

  @Test
  void oddFramesAreLeftToTheTree() {
    List<String> frames = new ArrayList<>(List.of(
        "", " ", "null", "[]", "\"push\"", "{}", "{\"type\":\"push\"}", "{\"type\":\"push\"",
        "{'type':'push','doc':'q1','version':12,'updates':[" + UPDATE + "]}",
        "{\"type\":\"\\u0070ush\",\"doc\":\"q1\",\"version\":12,\"updates\":[" + UPDATE + "]}",
        "{\"type\":\"Push\",\"doc\":\"q1\",\"version\":12,\"updates\":[" + UPDATE + "]}",
        "{\"type\":\"push \",\"doc\":\"q1\",\"version\":12,\"updates\":[" + UPDATE + "]}",
        "{\"type\":[\"push\"],\"doc\":\"q1\",\"version\":12,\"updates\":[" + UPDATE + "]}",
        "{\"type\":\"cursor\",\"doc\":\"push\",\"anchor\":1,\"head\":1}",
        "{\"doc\":\"q1\",\"version\":12,\"updates\":[" + UPDATE + "]}",
        "{\"type\":\"push\",\"version\":12,\"updates\":[" + UPDATE + "]}",
        "{\"type\":\"push\",\"doc\":null,\"version\":12,\"updates\":[" + UPDATE + "]}",
        "{\"type\":\"push\",\"doc\":7,\"version\":12,\"updates\":[" + UPDATE + "]}",
        "{\"type\":\"push\",\"doc\":\"q1\",\"updates\":[" + UPDATE + "]}",
        "{\"type\":\"push\",\"doc\":\"q1\",\"version\":12}",
        // Unknown fields: the tree ignores them; the stream does not guess.
        push("12", "[" + UPDATE + "]").replace("}]}", "}],\"extra\":1}"),
        push("12", "[" + UPDATE + "]").replace("}]}", "}],\"extra\":{\"a\":[[[1]]]}}"),
        push("{\"clientID\":\"abc\",\"changes\":[8],\"effects\":[]}"),
        // Repeated fields: the tree keeps the last one.
        push("12", "[" + UPDATE + "]").replace("\"version\":12", "\"version\":12,\"version\":13"),
        push("12", "[" + UPDATE + "]").replace("\"doc\":\"q1\"", "\"doc\":\"q1\",\"doc\":\"q2\""),
        push("12", "[" + UPDATE + "]").replace("\"type\":\"push\"", "\"type\":\"chat\",\"type\":\"push\""),
        push("12", "[" + UPDATE + "]").replace("\"type\":\"push\"", "\"type\":\"push\",\"type\":\"chat\",\"text\":\"hi\""),
        push("12", "[" + UPDATE + "]") .replace("}]}", "}],\"updates\":[" + UPDATE + "," + UPDATE + "]}"),
        push("{\"clientID\":\"abc\",\"clientID\":\"def\",\"changes\":[8]}"),
        push("{\"clientID\":\"abc\",\"changes\":[8],\"changes\":[[8]]}"),
        // Versions.
        push("3.0", "[" + UPDATE + "]"), push("\"3\"", "[" + UPDATE + "]"), push("-1", "[" + UPDATE + "]"),
        push("2147483648", "[" + UPDATE + "]"), push("99999999999999999999", "[" + UPDATE + "]"),
        push("1e2", "[" + UPDATE + "]"), push("012", "[" + UPDATE + "]"), push("null", "[" + UPDATE + "]"),
        push("true", "[" + UPDATE + "]"), push("NaN", "[" + UPDATE + "]"), push("[12]", "[" + UPDATE + "]"),
        // Updates.
        push("12", "[]"), push("12", "null"), push("12", UPDATE), push("12", "\"[]\""), push("12", "[[]]"),
        push("12", "[null]"), push("12", "[" + UPDATE + ",7]"), push("12", "[" + UPDATE + ",[" + UPDATE + "]]"),
        push("12", "[" + (UPDATE + ",").repeat(ClientFrames.MAX_UPDATES_PER_PUSH) + UPDATE + "]"),
        push("{}"), push("{\"changes\":[8]}"), push("{\"clientID\":\"abc\"}"), push("{\"clientID\":7,\"changes\":[8]}"),
        push("{\"clientID\":null,\"changes\":[8]}"), push("{\"clientID\":\"" + "c".repeat(65) + "\",\"changes\":[8]}"),
        push("{\"clientID\":\"" + "\\u00e9".repeat(65) + "\",\"changes\":[8]}"),
        push("{\"clientID\":\"" + "😀".repeat(33) + "\",\"changes\":[8]}"),
        // Changes fromJson refuses.
        changes("null"), changes("\"[8]\""), changes("{}"), changes("8"), changes("[\"3\"]"), changes("[1,[]]"),
        changes("[[\"a\",1]]"), changes("[null]"), changes("[[0,\"a\",2]]"), changes("[-1]"), changes("[[-2,\"x\"]]"),
        changes("[1.5]"), changes("[1e3]"), changes("[4294967296]"), changes("[2147483647,1]"),
        changes("[2147483647,[0,\"x\"]]"), changes("[" + "1,".repeat(20_000) + "1]"), changes("[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]"),
        // Bad JSON and text after the object.
        push("12", "[" + UPDATE + "]").replace("[5,", "[05,"),
        push("12", "[" + UPDATE + "]").replace(",\"updates\"", ",,\"updates\""),
        push("12", "[" + UPDATE + "]").replace("\"x\"", "\"x"),
        push("12", "[" + UPDATE + "]").replace("\"x\"", "\"\\x\""),
        push("12", "[" + UPDATE + "]").replace("\"x\"", "\"\t\""),
        push("12", "[" + UPDATE + "]").replace("\"x\"", "/* x */ \"x\""),
        push("12", "[" + UPDATE + "]") + " x", push("12", "[" + UPDATE + "]") + "]",
        push("12", "[" + UPDATE + "]") + "{}", push("12", "[" + UPDATE + "]") + "}",
        push("12", "[" + UPDATE + "]").substring(1),
        "{\"type\":\"push\",\"x\":" + "[".repeat(17) + "]".repeat(17) + "}"));
    for (String text : frames) sameAnswer(text);
  }

  /** Frames near valid ones: whenever the stream answers, it answers what the tree answers. */
  @Test
  void mangledFramesNeverGetADifferentAnswer() {
    String noise = "\"[]{},:0-.e\\ 9a/u";
    int streamed = 0;
    for (long seed = 0; seed < 5_000; seed++) {
      Random r = new Random(seed);
      StringBuilder text = new StringBuilder(PushFramesDecodeTheSameWithoutATreeTest.frame(r));
      for (int n = 1 + r.nextInt(3); n > 0; n--) {
        int at = r.nextInt(text.length());
        switch (r.nextInt(4)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, noise.charAt(r.nextInt(noise.length())));
          case 2 -> text.setCharAt(at, noise.charAt(r.nextInt(noise.length())));
          default -> text.insert(at, text, at, Math.min(text.length(), at + 1 + r.nextInt(12)));
        }
      }
      String frame = text.toString();
      ClientMessage.Push fast = ClientFrames.decodePushFast(frame);
      if (fast != null) {
        streamed++;
        assertThat(ClientFrames.decodeTree(frame)).as("seed " + seed + ": " + frame).isEqualTo(fast);
      }
      assertThat(answer(() -> ClientFrames.decode(frame))).as("seed " + seed + ": " + frame).isEqualTo(before(frame));
    }
    assertThat(streamed).isGreaterThan(250);
  }
}
