package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Near-duplicates an audit of the bank found unmerged: the same subject asked with a word its
 * subject already implies ("debug code using PDB" / "What is pdb?"), or with an angle of it ("use
 * zip to iterate over multiple lists" / "What is zip?"). And a comparison keeps what it compares
 * with: "generators vs lists" is not "generators vs iterators".
 */
class NearDuplicateQuestionsAcrossFilesBecomeOneQuestionTest {
  static final String N = Seeds.NUMBERED + "#";
  static final String G = Seeds.GUIDE + "#";
  static final String C = Seeds.CHAT + "#";
  static final String S = Seeds.SECTIONED + "#";
  static final String P = Seeds.PLAIN + "#";

  @Test
  void aToolAndTheDomainItImpliesAreOneQuestion() {
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q88"))).containsExactly(G + "Q34", G + "Q88", C + "35"); // zip
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.NUMBERED, "83"))).containsExactly(N + "83", G + "Q27", S + "7.3"); // mock
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q66"))).containsExactly(G + "Q66", S + "5.5"); // profiling
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q71"))).containsExactly(G + "Q71", S + "2.2", P + "19"); // MRO
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.NUMBERED, "86"))).containsExactly(N + "86", G + "Q16", G + "Q92"); // pdb
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q41"))).containsExactly(G + "Q41", S + "6.4"); // Celery
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.NUMBERED, "54"))).containsExactly(N + "54", G + "Q89"); // CSV
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q45"))).containsExactly(G + "Q45", S + "7.4"); // pytest fixtures
  }

  @Test
  void theSameSubjectInOtherWordsIsOneQuestion() {
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q13"))).containsExactly(G + "Q13", C + "34"); // classes made at run time
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.NUMBERED, "91"))).containsExactly(N + "91", S + "4.1"); // concurrency
  }

  @Test
  void aComparisonStaysApartFromComparisonsWithSomethingElse() {
    BankQuestion generators = Seeds.questionOf(Seeds.GUIDE, "Q54");
    BankQuestion versusList = Seeds.questionOf(Seeds.CHAT, "14");
    BankQuestion versusIterators = Seeds.questionOf(Seeds.SECTIONED, "1.3");
    assertThat(Seeds.refs(generators)).containsExactly(G + "Q39", G + "Q54");
    assertThat(Seeds.refs(versusList)).containsExactly(C + "14");
    assertThat(Seeds.refs(versusIterators)).containsExactly(S + "1.3", P + "9");
    // "How does asyncio work and how is it different from threads?" is the asyncio-vs-threads question.
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.SECTIONED, "4.3"))).containsExactly(C + "38", S + "4.3");
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q59"))).doesNotContain(S + "4.3");
  }

  @Test
  void aComparisonWithTheOtherSideLeftOutStillComparesTheThingsItNames() {
    assertThat(PromptSignature.of("What are lists and tuples, and how do they differ?").core()).containsExactly("list", "tupl");
    assertThat(PromptSignature.of("What is a generator and how is it different from a list?").core())
        .containsExactly("generator", "list");
  }
}
