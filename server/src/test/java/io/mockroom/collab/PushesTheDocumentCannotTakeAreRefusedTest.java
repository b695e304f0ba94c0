package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.collab.CollabDocument.PushResult;
import io.mockroom.collab.CollabDocument.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refusals leave the document as it was, and say why. */
class PushesTheDocumentCannotTakeAreRefusedTest {
  private static Update insert(String client, String doc, int at, String text) {
    return new Update(client, ChangeSet.replace(doc.length(), at, at, text));
  }

  private static void refused(CollabDocument doc, PushResult result, Rejection why, String text, int version) {
    assertThat(result.accepted()).isFalse();
    assertThat(result.rejection()).isEqualTo(why);
    assertThat(result.reason()).isNotBlank();
    assertThat(doc.text()).isEqualTo(text);
    assertThat(doc.version()).isEqualTo(version);
  }

  @Test
  void aPushThatWouldMakeTheAnswerTooLongIsRefusedWhole() {
    CollabDocument doc = new CollabDocument(10, 100);
    assertThat(doc.push(0, List.of(insert("a", "", 0, "12345678"))).accepted()).isTrue();
    PushResult tooLong = doc.push(1, List.of(insert("a", "12345678", 0, "x"), insert("a", "x12345678", 0, "yz")));
    refused(doc, tooLong, Rejection.TOO_LONG, "12345678", 1);
    assertThat(tooLong.reason()).contains("longer than 10");
    assertThat(doc.push(1, List.of(insert("a", "12345678", 0, "xy"))).accepted()).isTrue();
  }

  @Test
  void aDocumentRestoredAboveItsLimitCanStillShrink() {
    CollabDocument doc = new CollabDocument(3, 100, "abcdef", 7);
    refused(doc, doc.push(7, List.of(insert("a", "abcdef", 0, "x"))), Rejection.TOO_LONG, "abcdef", 7);
    assertThat(doc.push(7, List.of(new Update("a", ChangeSet.replace(6, 0, 2, "x")))).accepted()).isTrue();
    assertThat(doc.text()).isEqualTo("xcdef");
  }

  @Test
  void aPushAtAFutureVersionIsRefused() {
    CollabDocument doc = new CollabDocument(100, 100);
    refused(doc, doc.push(1, List.of(insert("a", "", 0, "x"))), Rejection.AHEAD, "", 0);
  }

  @Test
  void changesThatDoNotFitAreRefused() {
    CollabDocument doc = new CollabDocument(100, 100, "abc", 0);
    refused(doc, doc.push(0, List.of(insert("a", "abcd", 0, "x"))), Rejection.DOES_NOT_FIT, "abc", 0);
    assertThat(doc.push(0, List.of(insert("b", "abc", 3, "d"))).accepted()).isTrue();
    // Made at version 0 (length 3) but rebased over "d": the second update's length is wrong there.
    refused(doc, doc.push(0, List.of(insert("a", "abc", 0, "x"), insert("a", "abc", 0, "y"))), Rejection.DOES_NOT_FIT, "abcd", 1);
  }

  @Test
  void trimmedHistorySendsOldClientsToASnapshot() {
    CollabDocument doc = new CollabDocument(1000, 3);
    String text = "";
    for (int v = 0; v < 5; v++) {
      assertThat(doc.push(v, List.of(insert("a", text, text.length(), "" + v))).accepted()).isTrue();
      text += v;
    }
    assertThat(doc.oldestVersion()).isEqualTo(2);
    assertThat(doc.updatesSince(1)).isEmpty();
    assertThat(doc.updatesSince(6)).isEmpty();
    assertThat(doc.updatesSince(2).orElseThrow()).hasSize(3);
    refused(doc, doc.push(1, List.of(insert("b", "0", 0, "x"))), Rejection.TOO_OLD, "01234", 5);

    // The snapshot path: the client reloads from text() at version() and goes on from there.
    SimulatedClient late = new SimulatedClient("b", "0", 1);
    late.reload(doc.text(), doc.version());
    late.localChange(ChangeSet.replace(5, 0, 0, "x"));
    assertThat(doc.push(late.version(), late.sendable()).accepted()).isTrue();
    assertThat(doc.text()).isEqualTo("x01234");
  }

  @Test
  void aDocumentIsRestoredFromASnapshotAndTheUpdatesAfterIt() {
    List<Update> after = List.of(insert("a", "hi", 2, "!"), insert("b", "hi!", 0, "¡"));
    CollabDocument doc = CollabDocument.restore(100, 100, "hi", 40, after);
    assertThat(doc.text()).isEqualTo("¡hi!");
    assertThat(doc.version()).isEqualTo(42);
    assertThat(doc.oldestVersion()).isEqualTo(40);
    assertThat(doc.updatesSince(40).orElseThrow()).isEqualTo(after);
    // A resend of "a"'s update made at the snapshot's version is still recognised.
    PushResult resend = doc.push(40, List.of(insert("a", "hi", 2, "!")));
    assertThat(resend.accepted()).isTrue();
    assertThat(resend.updates()).isEmpty();
    assertThat(doc.text()).isEqualTo("¡hi!");
  }
}
