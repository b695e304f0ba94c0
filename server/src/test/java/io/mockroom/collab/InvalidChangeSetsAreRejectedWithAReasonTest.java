package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

/** Malformed change sets, or ones for a document of another length, fail with what is wrong. */
class InvalidChangeSetsAreRejectedWithAReasonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static void rejects(String json, String reason) {
    assertThatThrownBy(() -> ChangeSet.fromJson(JSON.readTree(json)))
        .as(json).isInstanceOf(InvalidChangeSetException.class).hasMessageContaining(reason);
  }

  @Test
  void badShapesAreRejected() {
    rejects("{\"a\":1}", "must be a JSON array");
    rejects("\"3\"", "must be a JSON array");
    rejects("[\"3\"]", "part 0 must be a number or an array");
    rejects("[1,[]]", "part 1 must be a number or an array");
    rejects("[[\"a\",1]]", "part 0 must be a number or an array");
    rejects("[null]", "part 0 must be a number or an array");
    rejects("[[0,\"a\",2]]", "inserted lines must be strings");
  }

  @Test
  void negativeFractionalAndHugeNumbersAreRejected() {
    rejects("[-1]", "whole numbers");
    rejects("[[-2,\"x\"]]", "whole numbers");
    rejects("[1.5]", "whole numbers");
    rejects("[1e3]", "whole numbers");
    rejects("[4294967296]", "whole numbers");
    rejects("[2147483647,1]", "longer than");
  }

  @Test
  void tooManyPartsAreRejected() {
    ArrayNode parts = JSON.createArrayNode();
    for (int i = 0; i <= ChangeSet.MAX_PARTS; i++) parts.add(1);
    assertThatThrownBy(() -> ChangeSet.fromJson(parts)).hasMessageContaining("more than " + ChangeSet.MAX_PARTS + " parts");
  }

  @Test
  void changesForAnotherLengthAreRejected() throws Exception {
    ChangeSet forFive = ChangeSet.fromJson(JSON.readTree("[2,[1,\"x\"],2]"));
    assertThatThrownBy(() -> forFive.apply("abcd")).hasMessageContaining("document of length 5, not 4");
    assertThatThrownBy(() -> ChangeSet.fromJson(JSON.readTree("[3]"), 4)).hasMessageContaining("length 3, not 4");
    assertThatThrownBy(() -> forFive.compose(ChangeSet.empty(4))).hasMessageContaining("length 4, not 5");
    assertThatThrownBy(() -> forFive.map(ChangeSet.empty(6))).hasMessageContaining("length 6, not 5");
    assertThatThrownBy(() -> ChangeSet.replace(3, 2, 4, "x")).hasMessageContaining("outside a document of length 3");
  }
}
