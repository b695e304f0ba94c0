package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.collab.CollabDocument.PushResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that never heard its confirmation pushes the same updates again (with what it typed
 * since); the authority recognises the already accepted ones by client ID and applies them once.
 */
class ResentUpdatesApplyOnceTest {
  private final CollabDocument doc = new CollabDocument(10_000, 1_000);
  private final SimulatedClient ann = new SimulatedClient("ann-1", "", 0);
  private final SimulatedClient bob = new SimulatedClient("bob-1", "", 0);

  private static void type(SimulatedClient c, int at, String s) {
    c.localChange(ChangeSet.replace(c.text().length(), at, at, s));
  }

  private PushResult push(SimulatedClient c) {
    return doc.push(c.version(), c.sendable());
  }

  /** Delivers everything the client has not received yet, in one message. */
  private void catchUp(SimulatedClient c) {
    c.receive(doc.updatesSince(c.version()).orElseThrow());
  }

  @Test
  void aResendAfterALostConfirmationChangesNothing() {
    type(ann, 0, "hello");
    assertThat(push(ann).updates()).hasSize(1);
    PushResult again = push(ann); // the confirmation was lost: same updates, same version
    assertThat(again.accepted()).isTrue();
    assertThat(again.updates()).isEmpty();
    assertThat(doc.text()).isEqualTo("hello");
    assertThat(doc.version()).isEqualTo(1);
    catchUp(ann);
    assertThat(ann.sendable()).isEmpty();
    assertThat(ann.text()).isEqualTo("hello");
  }

  @Test
  void onlyWhatWasTypedSinceIsAppliedFromAResend() {
    type(ann, 0, "hello");
    push(ann);
    type(ann, 5, " world");
    PushResult resend = push(ann);
    assertThat(resend.updates()).hasSize(1);
    assertThat(doc.text()).isEqualTo("hello world");
    catchUp(ann);
    assertThat(ann.text()).isEqualTo(doc.text());
    assertThat(ann.sendable()).isEmpty();
  }

  @Test
  void aResendIsRebasedOverOneOtherPushInBetween() {
    type(ann, 0, "ab");
    push(ann);
    catchUp(bob);
    type(bob, 1, "X");
    push(bob);
    type(ann, 2, "c"); // ann heard nothing since version 0
    PushResult resend = push(ann);
    assertThat(resend.accepted()).isTrue();
    assertThat(resend.updates()).hasSize(1);
    assertThat(doc.text()).isEqualTo("aXbc");
    catchUp(ann);
    catchUp(bob);
    assertThat(ann.text()).isEqualTo("aXbc");
    assertThat(bob.text()).isEqualTo("aXbc");
    assertThat(ann.sendable()).isEmpty();
  }

  @Test
  void overTwoOtherPushesTheResendIsStaleAndThenAppliedOnce() {
    type(ann, 0, "ab");
    push(ann);
    catchUp(bob);
    type(bob, 1, "X");
    push(bob);
    type(bob, 0, "Y");
    push(bob);
    type(ann, 2, "c");
    PushResult resend = push(ann);
    assertThat(resend.stale()).isTrue();
    assertThat(doc.text()).isEqualTo("YaXb");
    catchUp(ann); // confirms "ab", maps "c" over bob's two pushes
    assertThat(ann.sendable()).hasSize(1);
    assertThat(push(ann).updates()).hasSize(1);
    assertThat(doc.text()).isEqualTo("YaXbc");
    catchUp(ann);
    catchUp(bob);
    assertThat(ann.text()).isEqualTo(doc.text());
    assertThat(bob.text()).isEqualTo(doc.text());
  }

  @Test
  void aLateFrameFromADeadConnectionAddsNothing() {
    type(ann, 0, "a");
    int oldVersion = ann.version();
    List<Update> oldFrame = ann.sendable(); // sent on a connection that then died
    type(ann, 1, "b");
    assertThat(push(ann).updates()).hasSize(2); // the new connection's push arrives first
    PushResult late = doc.push(oldVersion, oldFrame); // older than the push that followed it
    assertThat(late.accepted()).isFalse();
    assertThat(late.stale()).isTrue();
    assertThat(doc.text()).isEqualTo("ab");
  }
}
