package io.mockroom.collab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authority for one shared document (the {@code @codemirror/collab} model): its text and the
 * updates accepted so far, whose count is the version. Not thread-safe: the room that owns it is
 * its only writer.
 *
 * <p>Invariants:
 * <ul>
 *   <li>{@code text} is the start text changed by every accepted update in order; a change set is
 *       applied only if its length is the text's length, whatever a client sends.
 *   <li>{@code history} holds the updates from {@link #oldestVersion()} to {@link #version()}
 *       (at most {@code historyLimit}), each tagged with the push that brought it.
 *   <li>A push is accepted whole or not at all; a refused push leaves no trace.
 *   <li>Resends apply once. A client pushes at its synced version V all its unconfirmed updates,
 *       oldest first; those the authority accepted after V are exactly a prefix of the push and
 *       the only updates after V with that client ID (IDs are per editor session). That prefix is
 *       left out ({@link Rebase}), so a push repeated after a lost confirmation, after a
 *       reconnect, or a stale frame of a dead connection arriving after the new connection's
 *       push, adds nothing twice (a frame older than a later push of the same client is refused
 *       as stale). A push older than the kept history is refused, never applied blind.
 *   <li>A push at an older version is rebased only when the result cannot differ from the
 *       client's: when the updates accepted since its version that are not its own came in ONE
 *       earlier push. A client receives one push's updates in one message and maps its
 *       unconfirmed updates over them with the same calls; the single-pair property of
 *       {@link ChangeSet#map} then makes both texts equal, however the client's messages are
 *       batched. Over two or more foreign pushes, the client may have mapped over each in turn
 *       while a rebase maps over their composition, and CodeMirror's mapping is not compositional
 *       ({@code a.map(b).map(c)} can order same-place insertions unlike {@code a.map(b.compose(c))}),
 *       so texts could diverge. Such a push is refused as {@link Rejection#STALE}: the client
 *       takes the updates it has not seen yet (its {@code receiveUpdates} rebases) and pushes again.
 * </ul>
 */
public final class CollabDocument {
  /** Why a push was refused. */
  public enum Rejection {
    /** Made at an older version that cannot be rebased safely: catch up, then push again. */
    STALE,
    /** Its version is older than the kept history: reload the document from a snapshot. */
    TOO_OLD,
    /** It names a version the document has not reached: the client is confused; reload. */
    AHEAD,
    /** The changes do not fit the document at the push's version. */
    DOES_NOT_FIT,
    /** Accepting it would make the document longer than its limit. */
    TOO_LONG
  }

  /**
   * Outcome of a push. When accepted, {@code updates} are the updates as accepted (rebased, with
   * already accepted ones left out; possibly none): broadcast them, in one message.
   */
  public record PushResult(boolean accepted, List<Update> updates, Rejection rejection, String reason) {
    /** Refused as {@link Rejection#STALE}: take the missed updates, then push again. */
    public boolean stale() {
      return rejection == Rejection.STALE;
    }

    static PushResult ok(List<Update> updates) {
      return new PushResult(true, List.copyOf(updates), null, null);
    }

    static PushResult refused(Rejection rejection, String reason) {
      return new PushResult(false, List.of(), rejection, reason);
    }
  }

  private final int maxLength;
  private final int historyLimit;
  /** The head's text, edited in place by each accepted update; {@link #text()} copies it out when asked. */
  private final StringBuilder text;
  private String textCopy; // text() as last copied; null once the text changed
  private int version;
  private long pushes;
  private final History history = new History();

  /** An empty document at version 0. */
  public CollabDocument(int maxLength, int historyLimit) {
    this(maxLength, historyLimit, "", 0);
  }

  /** A document restored from a snapshot: {@code text} at {@code version}, no history before it. */
  public CollabDocument(int maxLength, int historyLimit, String text, int version) {
    if (maxLength < 0 || historyLimit < 0 || version < 0) throw new IllegalArgumentException("negative limit or version");
    this.maxLength = maxLength;
    this.historyLimit = historyLimit;
    this.text = new StringBuilder(text);
    this.version = version;
  }

  /**
   * A snapshot plus the updates accepted after it, read back from the log. They are applied as
   * they were accepted (no rebase, no length limit: both were checked then) and kept as history,
   * so restoring from an older snapshot keeps resends made after it recognisable.
   *
   * @throws InvalidChangeSetException when an update does not fit: snapshot and log disagree
   */
  public static CollabDocument restore(int maxLength, int historyLimit, String text, int version, List<Update> after) {
    CollabDocument doc = new CollabDocument(maxLength, historyLimit, text, version);
    for (Update u : after) doc.accept(List.of(u));
    return doc;
  }

  public String text() {
    if (textCopy == null) textCopy = text.toString();
    return textCopy;
  }

  public int version() {
    return version;
  }

  /** The oldest version {@link #updatesSince} and {@link #push} still serve. */
  public int oldestVersion() {
    return version - history.size();
  }

  /**
   * The updates after {@code since}, for a pull or a reconnect; empty when {@code since} is older
   * than {@link #oldestVersion()} or newer than {@link #version()}: send a snapshot instead.
   */
  public Optional<List<Update>> updatesSince(int since) {
    int oldest = oldestVersion();
    if (since < oldest || since > version) return Optional.empty();
    return Optional.of(history.updates(since - oldest));
  }

  /** Accepts {@code updates} made at {@code baseVersion}, whole or not at all. */
  public PushResult push(int baseVersion, List<Update> updates) {
    if (baseVersion > version) {
      return PushResult.refused(Rejection.AHEAD, "version " + baseVersion + " is ahead of the document (" + version + "); reload it");
    }
    int oldest = oldestVersion();
    if (baseVersion < oldest) {
      return PushResult.refused(Rejection.TOO_OLD, "version " + baseVersion + " is older than the kept history (" + oldest + "); reload the document");
    }
    int since = baseVersion - oldest;
    if (!rebaseIsSafe(updates, since)) {
      return PushResult.refused(Rejection.STALE, "the document is at version " + version + "; apply the newer updates and push again");
    }
    List<Update> rebased;
    try {
      rebased = since == history.size() ? updates : Rebase.rebaseUpdates(updates, history.updates(since));
    } catch (InvalidChangeSetException e) {
      return PushResult.refused(Rejection.DOES_NOT_FIT, "the changes do not fit version " + baseVersion + " of the document: " + e.getMessage());
    }
    // Checked on lengths alone, whole push first: a refused push must leave the text untouched.
    int length = text.length();
    for (Update u : rebased) {
      if (u.changes().length() != length) {
        return PushResult.refused(Rejection.DOES_NOT_FIT, "the changes are for a document of length " + u.changes().length()
            + ", but the document (with this push's earlier updates) has length " + length);
      }
      int after = u.changes().newLength();
      // A push may always shrink the text, even one restored above a since-lowered limit.
      if (after > maxLength && after > length) {
        return PushResult.refused(Rejection.TOO_LONG, "the answer would be longer than " + maxLength + " characters");
      }
      length = after;
    }
    accept(rebased);
    return PushResult.ok(rebased);
  }

  /**
   * Whether rebasing gives what the pusher will compute: the updates {@link Rebase} will treat as
   * not the pusher's all came in one push, and none of them is the pusher's (an unmatched update
   * of its own means this push is older than one it sent later: a late frame, nothing to add).
   */
  private boolean rebaseIsSafe(List<Update> updates, int since) {
    String pusher = updates.isEmpty() ? null : updates.get(0).clientId();
    int skip = 0;
    long foreignPush = -1;
    for (int k = since; k < history.size(); k++) {
      String id = history.clientId(k);
      if (skip < updates.size() && updates.get(skip).clientId().equals(id)) {
        skip++;
      } else if (id.equals(pusher) || foreignPush != -1 && foreignPush != history.push(k)) {
        return false;
      } else {
        foreignPush = history.push(k);
      }
    }
    return true;
  }

  /** Applies updates already checked to fit (a restore's may throw {@link InvalidChangeSetException}, before any change). */
  private void accept(List<Update> accepted) {
    long push = pushes++;
    for (Update u : accepted) u.changes().applyTo(text);
    textCopy = null;
    version += accepted.size();
    for (Update u : accepted) history.add(u, push, historyLimit);
  }

  /**
   * The kept updates, oldest first, in a ring, compactly: each as its clientID (one String per
   * editor, shared by all its updates), its push and the UTF-8 JSON of its changes, the JSON of
   * all of them in one byte array. A room keeps {@code historyLimit} updates per document for
   * minutes, so anything allocated per kept update outlives many young GCs and is copied by each
   * of them: as a graph of five objects per update, or even as one small array each, the history
   * was nearly all of what a young GC copied, and the pause is what a live room feels. In one
   * array per document, written in place, a keystroke leaves nothing behind that survives. The
   * change sets are parsed back only to rebase a push made behind the head or to serve a client
   * catching up — both rare next to typing.
   *
   * <p>Invariants: the kept JSON lies back to back, oldest first, from {@code offsets[slot(0)]}
   * to {@code end}; {@code bytes} is at least twice what is kept whenever it is compacted or
   * grown, so moving the kept bytes to its front costs O(1) per byte appended.
   */
  private static final class History {
    private static final JsonFactory JSON = new JsonFactory();
    private String[] clientIds = new String[0];
    private long[] pushes = new long[0];
    private int[] offsets = new int[0];
    private int[] lengths = new int[0];
    private byte[] bytes = new byte[0];
    private int end;
    private int start;
    private int size;

    int size() {
      return size;
    }

    String clientId(int k) {
      return clientIds[slot(k)];
    }

    long push(int k) {
      return pushes[slot(k)];
    }

    /** The kept updates from the k-th oldest on. */
    List<Update> updates(int from) {
      List<Update> out = new ArrayList<>(size - from);
      for (int k = from; k < size; k++) {
        int s = slot(k);
        out.add(new Update(clientIds[s], parse(offsets[s], lengths[s])));
      }
      return out;
    }

    void add(Update u, long push, int limit) {
      if (limit == 0) return;
      if (size == clientIds.length && size < limit) grow(Math.min(limit, Math.max(16, size * 2)));
      String id = u.clientId();
      if (size > 0) {
        String newest = clientId(size - 1);
        if (newest.equals(id)) id = newest;
      }
      String json = u.changes().toJsonString();
      // A change set's JSON is nearly always ASCII: then its chars are its bytes, copied in
      // without an intermediate array (this runs once per keystroke).
      byte[] utf8 = ascii(json) ? null : json.getBytes(StandardCharsets.UTF_8);
      int length = utf8 == null ? json.length() : utf8.length;
      if (size == clientIds.length) { // full: the oldest makes room
        start = (start + 1) % clientIds.length;
        size--;
      }
      makeRoom(length);
      int slot = slot(size++);
      clientIds[slot] = id;
      pushes[slot] = push;
      offsets[slot] = end;
      lengths[slot] = length;
      if (utf8 != null) {
        System.arraycopy(utf8, 0, bytes, end, length);
      } else {
        for (int i = 0; i < length; i++) bytes[end + i] = (byte) json.charAt(i);
      }
      end += length;
    }

    private static boolean ascii(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= 0x80) return false;
      }
      return true;
    }

    /** Room for {@code n} more bytes after {@code end}: the kept bytes moved to the front, into a new array if need be. */
    private void makeRoom(int n) {
      if (end + n <= bytes.length) return;
      int from = size == 0 ? end : offsets[slot(0)];
      int kept = end - from;
      int wanted = Math.max(256, 2 * (kept + n));
      // A new array when this one is too small, or more than twice too large (a long paste left).
      byte[] to = wanted > bytes.length || wanted < bytes.length / 4 ? new byte[wanted] : bytes;
      System.arraycopy(bytes, from, to, 0, kept);
      bytes = to;
      end = kept;
      for (int k = 0; k < size; k++) offsets[slot(k)] -= from;
    }

    private int slot(int k) {
      return (start + k) % clientIds.length;
    }

    private void grow(int capacity) {
      String[] ids = new String[capacity];
      long[] ps = new long[capacity];
      int[] os = new int[capacity];
      int[] ls = new int[capacity];
      for (int k = 0; k < size; k++) {
        int s = slot(k);
        ids[k] = clientIds[s];
        ps[k] = pushes[s];
        os[k] = offsets[s];
        ls[k] = lengths[s];
      }
      clientIds = ids;
      pushes = ps;
      offsets = os;
      lengths = ls;
      start = 0;
    }

    private ChangeSet parse(int offset, int length) {
      try (JsonParser p = JSON.createParser(bytes, offset, length)) {
        p.nextToken();
        ChangeSet set = ChangeSetReader.read(p);
        if (set == null) {
          throw new IllegalStateException("kept changes do not read back: " + new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
        return set;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
