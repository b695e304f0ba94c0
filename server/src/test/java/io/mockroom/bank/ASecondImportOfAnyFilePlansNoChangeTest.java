package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.bank.AuthoredQuestions.Own;
import io.mockroom.bank.QuestionFile.Entry;
import io.mockroom.bank.QuestionImport.Planned;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import's plan, for random banks and files full of shared prompts (twins, other case and
 * spacing) and bad questions: every question of the file gets one outcome, no question of the bank
 * is matched twice, a match has the same prompt but for case and spacing — and once the plan is
 * carried out, the same file plans no change at all.
 */
class ASecondImportOfAnyFilePlansNoChangeTest {
  private static final String[] PROMPTS = {"What is a list?", "what IS a  list?", "What is a\nlist?", "Implement an LRU cache.",
      "implement an lru cache.", "What is the GIL?", "Explain decorators."};

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 200);
  }

  static QuestionDraft draft(Random random) {
    return new QuestionDraft(PROMPTS[random.nextInt(PROMPTS.length)], random.nextBoolean() ? "" : "Answer " + random.nextInt(3),
        "Topic " + random.nextInt(2), Difficulty.ALL.get(random.nextInt(3)), random.nextBoolean() ? List.of() : List.of("Point"));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aCarriedOutPlanLeavesNothingToDo(long seed) {
    Random random = new Random(seed);
    List<Own> bank = new ArrayList<>();
    for (int i = random.nextInt(8); i > 0; i--) bank.add(new Own(UUID.randomUUID(), draft(random).validated()));
    List<Entry> file = new ArrayList<>();
    for (int i = 1 + random.nextInt(10); i > 0; i--) {
      QuestionDraft d = random.nextInt(8) == 0 ? new QuestionDraft(PROMPTS[0], "", "Topic", "expert", List.of()) : draft(random);
      file.add(new Entry(file.size() + 1, file.size() + 1, d, null));
    }

    List<Planned> plan = QuestionImport.plan(file, bank);
    assertThat(plan).hasSize(file.size());
    Set<UUID> matched = new HashSet<>();
    List<Own> after = new ArrayList<>(bank);
    for (int i = 0; i < plan.size(); i++) {
      Planned p = plan.get(i);
      String prompt = file.get(i).draft().prompt();
      switch (p.outcome().outcome()) {
        case QuestionImport.REFUSED -> assertThat(file.get(i).draft().difficulty()).isEqualTo("expert");
        case QuestionImport.CREATED -> after.add(new Own(UUID.randomUUID(), p.draft()));
        default -> {
          assertThat(matched.add(p.outcome().id())).as("a question of the bank is matched once").isTrue();
          Own was = bank.stream().filter(q -> q.id().equals(p.outcome().id())).findFirst().orElseThrow();
          assertThat(QuestionImport.key(was.draft().prompt())).isEqualTo(QuestionImport.key(prompt));
          assertThat(was.draft().equals(p.draft())).isEqualTo(p.outcome().outcome().equals(QuestionImport.UNCHANGED));
          after.set(after.indexOf(was), new Own(was.id(), p.draft()));
        }
      }
    }

    List<Entry> valid = file.stream().filter(e -> !e.draft().difficulty().equals("expert")).toList();
    assertThat(QuestionImport.plan(valid, after)).as("the same file again").allSatisfy(p ->
        assertThat(p.outcome().outcome()).isEqualTo(QuestionImport.UNCHANGED));
  }
}
