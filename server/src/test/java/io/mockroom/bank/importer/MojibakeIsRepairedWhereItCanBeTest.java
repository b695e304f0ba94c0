package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** UTF-8 read as Windows-1252 is decoded back; clean text, accents included, is left alone. */
class MojibakeIsRepairedWhereItCanBeTest {

  @Test
  void quotesApostrophesAndDashesComeBack() {
    assertThat(Mojibake.repair("doesnâ€™t")).isEqualTo("doesn’t");
    assertThat(Mojibake.repair("â€œquotedâ€\u009D")).isEqualTo("“quoted”");
    assertThat(Mojibake.repair("â€œquotedâ€ and more")).isEqualTo("“quoted” and more"); // 0x9D lost on the way
    assertThat(Mojibake.repair("a â€” b â€“ c â€¦")).isEqualTo("a — b – c …");
    assertThat(Mojibake.repair("cafÃ© naÃ¯ve")).isEqualTo("café naïve");
  }

  @Test
  void emojiComeBackWhenWholeAndGoWhenBroken() {
    assertThat(Mojibake.repair("Back to Top ðŸ‘†")).isEqualTo("Back to Top 👆");
    assertThat(Mojibake.repair("Top ðŸ‘ end")).isEqualTo("Top  end");
  }

  @Test
  void cleanTextIsUnchanged() {
    for (String clean : new String[] {"café naïve déjà vu", "Python’s “quotes” — dash", "日本語 and 👆", "a < b > c",
        "plain ASCII", "Ünïcödé £5 ©"}) {
      assertThat(Mojibake.repair(clean)).isEqualTo(clean);
    }
  }
}
