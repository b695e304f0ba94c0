package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer normaliser on its own: fences, HTML, chatter, separators, filler, spacing. */
class AnswersBecomeCleanMarkdownTest {

  private static String clean(String raw) {
    return MarkdownAnswer.clean(List.of(raw.split("\n", -1))).markdown();
  }

  @Test
  void copyButtonsLeaveTheFenceAndItsLanguage() {
    assertThat(clean("```python<button class=\"x\"><svg><path/></svg>Copy code</button>\nx = 1\n\n```"))
        .isEqualTo("```python\nx = 1\n```");
    assertThat(MarkdownAnswer.clean(List.of("```python<button>Copy code</button>", "x = 1", "```")).junkRemoved())
        .isEqualTo(1);
  }

  @Test
  void codeGluedToTheCopyButtonIsKeptAsTheFirstLine() {
    assertThat(clean("```python<button class=\"flex\"><svg></svg>Copy code</button># a comment\ndef f(x):\n    return x\n\n```"))
        .isEqualTo("```python\n# a comment\ndef f(x):\n    return x\n```");
  }

  @Test
  void codeKeepsEveryLineAndIsDedentedAsABlock() {
    assertThat(clean("   ```python\n   # a comment, not a heading\n   def f():\n\n       return 1\n   ```"))
        .isEqualTo("```python\n# a comment, not a heading\ndef f():\n\n    return 1\n```");
  }

  @Test
  void anUnclosedFenceIsClosedAndAnUnlabelledOneGetsALanguage() {
    assertThat(clean("Text.\n```\nimport os\nprint(os.sep)")).isEqualTo("Text.\n\n```python\nimport os\nprint(os.sep)\n```");
    assertThat(clean("```\npip install requests\n```")).isEqualTo("```bash\npip install requests\n```");
    assertThat(clean("```vbnet\nHello!\n```")).isEqualTo("```text\nHello!\n```");
    assertThat(clean("```javascript\nconst x = () => 1;\n```")).isEqualTo("```javascript\nconst x = () => 1;\n```");
  }

  @Test
  void htmlSeparatorsAndChatterLeaveTheProse() {
    assertThat(clean("""
        - **List**:
           - Mutable.

        <li>**Tuple**:
        - Immutable.
        - Uses `()`.
        ____________________
        <div align="right"><a href="#table-of-contents">Back to Top 👆</a></div>

        ---
        I hope these questions help! Let me know.
        """)).isEqualTo("""
        - **List**:
           - Mutable.

        - **Tuple**:
          - Immutable.
          - Uses `()`.""");
  }

  @Test
  void fillerSentencesGoAndLabelsAreWrittenOneWay() {
    assertThat(clean("**Strategy**:\nUse `venv` module. This concept is fundamental in this domain and understanding it "
        + "allows developers to write more efficient and maintainable code. It is commonly asked in interviews to test "
        + "foundational knowledge.")).isEqualTo("**Strategy:**\nUse `venv` module.");
  }

  @Test
  void paragraphsAreSeparatedByOneBlankLineAndNothingTrails() {
    assertThat(clean("\n\nFirst line.   \nSecond line.\n\n\n\nNext paragraph.\n\n")).isEqualTo(
        "First line.\nSecond line.\n\nNext paragraph.");
  }

  @Test
  void aPromptKeepsItsInlineCodeButLosesEmphasisAndTags() {
    assertThat(MarkdownAnswer.prompt("**What is the `*args` and `**kwargs` syntax?**"))
        .isEqualTo("What is the `*args` and `**kwargs` syntax?");
    assertThat(MarkdownAnswer.prompt("What is <span class=\"x\">this</span>  thing?")).isEqualTo("What is this thing?");
  }
}
