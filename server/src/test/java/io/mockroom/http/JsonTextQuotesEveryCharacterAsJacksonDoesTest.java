package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mockroom.collab.RandomChangeSets;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonText} escapes each of the 65,536 UTF-16 units, and random mixes of them, exactly as
 * Jackson does: {@code quote} as its String writer and {@code JsonStringEncoder}, {@code
 * quoteAsEncoded} as {@link Json#encode} (which writes UTF-8).
 */
class JsonTextQuotesEveryCharacterAsJacksonDoesTest {

  @Test
  void everyUtf16UnitAloneAndBetweenOthers() throws Exception {
    for (int c = 0; c <= 0xFFFF; c++) check("a" + (char) c + "b", "U+" + Integer.toHexString(c));
  }

  @Test
  void randomStringsAndPartsOfThem() throws Exception {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String s = RandomChangeSets.text(r, r.nextInt(40), true);
      check(s, "string " + i);
      int from = r.nextInt(s.length() + 1);
      int to = from + r.nextInt(s.length() - from + 1);
      StringBuilder part = new StringBuilder("x");
      JsonText.quote(part, s, from, to);
      assertThat(part.toString()).as("string %d [%d, %d)", i, from, to).isEqualTo("x" + quoted(s.substring(from, to)));
    }
  }

  private static void check(String s, String at) throws Exception {
    StringBuilder out = new StringBuilder();
    JsonText.quote(out, s);
    assertThat(out.toString()).as(at).isEqualTo(new TextNode(s).toString()).isEqualTo(quoted(s));
    out.setLength(0);
    JsonText.quoteAsEncoded(out, s);
    assertThat(out.toString()).as(at).isEqualTo(new String(Json.MAPPER.writeValueAsBytes(s), StandardCharsets.UTF_8));
  }

  private static String quoted(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
