// The shared answer documents of a room: one CodeMirror state per question (so going back shows
// the answer as it was left), synchronised with the server by the @codemirror/collab model.
// Invariants: at most one push per document is in flight; a push is confirmed when our own
// updates come back in an "updates" message; a stale or lost push is simply sent again (the
// server applies a resend once). We keep the server's confirmed text of every document, so an
// edit the server refuses (an answer over the size limit) can be undone here and typing goes on.
import { Annotation, ChangeSet, EditorState, Text, Transaction, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { collab, getSyncedVersion, receiveUpdates, sendableUpdates } from '@codemirror/collab';
import { python } from '@codemirror/lang-python';
import { defaultKeymap, history, historyKeymap, indentWithTab, simplifySelection } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching } from '@codemirror/language';
import type { DocView, WireUpdate } from './protocol';
import { remoteCursors, setCursors, type RemoteCursor } from './cursors';

const RESEND_AFTER_MS = 4000;
/** The server's limit of an answer, in UTF-16 units (docs/protocol.md, push_rejected). */
export const MAX_ANSWER = 256 * 1024;
/** The server's limit of one message (too_large); a push is kept under it with room to spare. */
const MAX_PUSH_CHARS = 256 * 1024 - 1024;
const TOO_LONG = 'That paste would make the answer longer than the 256 KiB limit (262,144 characters), so it was undone.';
const TOO_BIG = 'That paste is too large to send in one piece, so it was undone. Paste it in smaller parts.';
const NOT_STORED = 'The server could not save your last change, so it was undone. The answer is back to what was saved; type on.';
/** Text inserted natively longer than this goes in as one editor transaction (see fastInsert). */
const NATIVE_INSERT_MAX = 64;
/** The page's CSP nonce (see the server's WebApp), so CodeMirror may add its style element. */
const NONCE = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
/** Marks our own cursor-only transactions. */
const remote = Annotation.define<boolean>();
/** The id of the line under the editor that says how to leave it (RoomPage renders it; the editor is described by it). */
export const EDITOR_KEYS_ID = 'editor-keys';

/**
 * Escape, then Tab (or Shift+Tab), moves focus out of the editor, where Tab indents: without it
 * the editor is a keyboard trap. CodeMirror opens that way out (its tab-focus mode, for 2 s or
 * until another key) only after an Escape that no key binding took, and Escape collapses a
 * selection first; this binding does both, so the way out never depends on what was selected.
 */
const escapeThenTab = {
  key: 'Escape',
  run: (view: EditorView) => {
    simplifySelection(view);
    view.setTabFocusMode(2000);
    return true;
  },
};

/**
 * Whether the others' pages already put this person's caret where the change leaves it: typing or
 * deleting at a caret moves it as their drawing of it moves, mapped through the same change (a
 * remote caret is drawn after text inserted at it, cursors.ts). So a keystroke needs no cursor
 * message besides its push. A selection, a click, or an edit that leaves the caret elsewhere (a
 * closing bracket typed for you) does.
 */
function othersFollow(tr: Transaction): boolean {
  if (!tr.docChanged) return false;
  const before = tr.startState.selection.main;
  const after = tr.state.selection.main;
  return before.empty && after.empty && tr.changes.mapPos(before.head, 1) === after.head;
}

export class SharedEditors {
  private states = new Map<string, EditorState>();
  private pushing = new Map<string, number>(); // doc -> time the push was sent
  private confirmed = new Map<string, Text>(); // doc -> the server's committed text at our synced version
  private cursors = new Map<string, Map<string, RemoteCursor>>();
  private view: EditorView | null = null;
  private shown: string | null = null;
  /** The editor's accessible name: which question it answers (see {@link show}). */
  private label = 'Answer';
  private cursorTimer: number | undefined;
  /** Whether the others have this person's cursor in the shown document (sent since it was shown, and since the last reconnection). */
  private cursorKnown = false;
  readonly clientID = Math.random().toString(36).slice(2) + Date.now().toString(36);

  constructor(
    private readonly parent: HTMLElement,
    private readonly send: (message: object) => boolean,
    private readonly editable: boolean,
    private readonly onChange: () => void,
    /** A sentence for the person at the keyboard: an edit of theirs was undone. */
    private readonly onNotice: (message: string) => void = () => {},
  ) {
    window.setInterval(() => this.resendStuck(), 1000);
  }

  /** Versions we hold, for the hello of a (re)connection. */
  versions(): Record<string, number> {
    const out: Record<string, number> = {};
    this.states.forEach((s, doc) => { out[doc] = getSyncedVersion(s); });
    return out;
  }

  unsaved(): number {
    let n = 0;
    this.states.forEach(s => { n += sendableUpdates(s).length; });
    return n;
  }

  /** A document as the welcome describes it. */
  load(doc: string, view: DocView) {
    const state = this.states.get(doc);
    this.pushing.delete(doc);
    if (state && view.updates) {
      this.receive(doc, view.updates); // what we missed; our unconfirmed edits are rebased on it
    } else if (!state || getSyncedVersion(state) !== view.version) {
      // New to us, or too far behind to catch up: take the server's text.
      this.confirmed.set(doc, Text.of(view.text.split(/\r\n?|\n/)));
      this.setState(doc, this.create(this.confirmed.get(doc)!, view.version));
    }
    this.flush(doc);
  }

  /** Shows a document's answer; {@code label} is the editor's accessible name ("Answer to question 2 of 3"). */
  show(doc: string, label = 'Answer') {
    this.label = label;
    if (!this.states.has(doc)) {
      this.confirmed.set(doc, Text.empty);
      this.setState(doc, this.create(Text.empty, 0));
    }
    if (this.shown !== doc) this.cursorKnown = false;
    this.shown = doc;
    const state = this.states.get(doc)!;
    if (!this.view) {
      this.view = new EditorView({
        state,
        parent: this.parent,
        dispatch: tr => {
          const view = this.view!;
          view.update([tr]);
          this.states.set(this.shown!, view.state);
          if (tr.docChanged && !tr.annotation(Transaction.remote)) this.flush(this.shown!);
          // Only what this person did moves their cursor for the others: a remote change maps it
          // here and, by the same change, in every other page (cursors.ts), so sending it then
          // would echo every keystroke of the candidate from every other participant, and show
          // the name of someone who never touched the editor at the start of the text.
          if (!tr.annotation(Transaction.remote) && (tr.selection || tr.docChanged) && !(this.cursorKnown && othersFollow(tr))) {
            this.sendCursor();
          }
          this.onChange();
        },
      });
    } else {
      this.view.setState(state);
    }
    this.applyCursors(doc);
  }

  receive(doc: string, updates: WireUpdate[]) {
    const state = this.states.get(doc) ?? this.create(Text.empty, 0);
    const parsed = updates.map(u => ({ clientID: u.clientID, changes: ChangeSet.fromJSON(u.changes) }));
    const ours = parsed.some(u => u.clientID === this.clientID);
    // The updates follow our synced version in the server's order: applied to the confirmed text
    // they give the server's text (our own unconfirmed edits are not in it).
    let confirmed = this.confirmed.get(doc) ?? Text.empty;
    for (const u of parsed) confirmed = u.changes.apply(confirmed);
    this.confirmed.set(doc, confirmed);
    const tr = receiveUpdates(state, parsed);
    this.update(doc, tr);
    if (ours) this.pushing.delete(doc);
    this.flush(doc);
    this.onChange();
  }

  /** The server refused a push as stale: it will be sent again once we have caught up. */
  stale(doc: string) {
    this.pushing.delete(doc);
  }

  /**
   * The server refused our push for good (push_rejected, too_large): resending it would be refused
   * again and hold back everything typed after it. An answer that would be over the limit keeps
   * the longest run of our edits that fits; any other refusal undoes what the server did not
   * confirm. Either way the editor goes on from the server's text. False when no push was in
   * flight (the refusal was about something else).
   */
  refused(serverMessage: string): boolean {
    const inFlight = [...this.pushing.keys()];
    if (!inFlight.length) return false;
    const over = inFlight.filter(doc => this.states.get(doc)!.doc.length > MAX_ANSWER);
    if (over.length) {
      over.forEach(doc => this.rollBack(doc, this.fittingPrefix(doc), TOO_LONG));
    } else {
      inFlight.forEach(doc => this.rollBack(doc, 0, `${serverMessage} Your last unsaved change was undone.`));
    }
    return true;
  }

  /**
   * The server could not store our update (not_stored, naming its document and editor) and reloads
   * the room. The update is dropped, as for push_rejected: sent again after the reload, it would be
   * refused again and reload the room for everyone, again and again. False when it was not ours.
   */
  notStored(doc: string | undefined, clientID: string | undefined): boolean {
    if (!doc || clientID !== this.clientID || !this.states.has(doc)) return false;
    this.rollBack(doc, 0, NOT_STORED);
    return true;
  }

  /** The view of the shown document (for the browser tests). */
  get editorView(): EditorView | null {
    return this.view;
  }

  remoteCursor(doc: string, c: RemoteCursor) {
    if (!this.cursors.has(doc)) this.cursors.set(doc, new Map());
    const before = this.cursors.get(doc)!.get(c.id);
    this.cursors.get(doc)!.set(c.id, { ...c, moves: (before?.moves ?? 0) + 1 });
    if (doc === this.shown) this.applyCursors(doc);
  }

  /** Someone came (back) online: their page has no cursor of ours until the next one we send. */
  someoneArrived() {
    this.cursorKnown = false;
  }

  forgetParticipant(id: string) {
    this.cursors.forEach(m => m.delete(id));
    if (this.shown) this.applyCursors(this.shown);
  }

  /** Called after a reconnection: whatever was in flight may be lost. */
  resetPushes() {
    this.pushing.clear();
    this.cursorKnown = false; // the room may have forgotten it with the old socket
  }

  text(doc: string) {
    return this.states.get(doc)?.doc.toString() ?? '';
  }

  private flush(doc: string) {
    const state = this.states.get(doc);
    if (!state || !this.editable || this.pushing.has(doc)) return;
    const updates = sendableUpdates(state);
    if (!updates.length) return;
    // One push stays under the server's message limit: as many updates as fit (the rest follow
    // once these are confirmed); an update too large for any push is undone, or nothing after it
    // could ever be saved.
    const wire: WireUpdate[] = [];
    let size = 200;
    for (const u of updates) {
      const w = { clientID: u.clientID, changes: u.changes.toJSON() };
      size += JSON.stringify(w).length + 1;
      if (size > MAX_PUSH_CHARS) break;
      wire.push(w);
    }
    if (!wire.length) {
      this.rollBack(doc, 0, TOO_BIG);
      return;
    }
    const sent = this.send({ type: 'push', doc, version: getSyncedVersion(state), updates: wire });
    if (sent) this.pushing.set(doc, Date.now());
  }

  /** How many of the unconfirmed updates of a document can stay within the answer limit. */
  private fittingPrefix(doc: string): number {
    let text = this.confirmed.get(doc) ?? Text.empty;
    const updates = sendableUpdates(this.states.get(doc)!);
    for (let i = 0; i < updates.length; i++) {
      text = updates[i].changes.apply(text);
      if (text.length > MAX_ANSWER) return i;
    }
    return updates.length;
  }

  /**
   * Puts a document back to the server's confirmed text plus the first {@code keep} of our
   * unconfirmed updates (they are mapped over all the server sent, so they apply in order), and
   * tells the person why. The undo history starts again: undo must not bring the refused edit back.
   */
  private rollBack(doc: string, keep: number, message: string) {
    const state = this.states.get(doc)!;
    const confirmed = this.confirmed.get(doc) ?? Text.empty;
    let next = this.create(confirmed, getSyncedVersion(state));
    for (const u of sendableUpdates(state).slice(0, keep)) next = next.update({ changes: u.changes }).state;
    const head = Math.min(state.selection.main.head, next.doc.length);
    next = next.update({ selection: { anchor: head }, scrollIntoView: true }).state;
    this.pushing.delete(doc);
    this.setState(doc, next);
    this.applyCursors(doc); // the new state starts without the others' cursors
    this.onNotice(message);
    this.onChange();
    this.flush(doc);
  }

  private resendStuck() {
    const now = Date.now();
    this.pushing.forEach((at, doc) => {
      if (now - at > RESEND_AFTER_MS) {
        this.pushing.delete(doc);
        this.flush(doc);
      }
    });
    this.states.forEach((_, doc) => this.flush(doc));
  }

  private sendCursor() {
    window.clearTimeout(this.cursorTimer);
    this.cursorTimer = window.setTimeout(() => {
      if (!this.view || !this.shown || !this.editable) return;
      const sel = this.view.state.selection.main;
      this.cursorKnown = this.send({ type: 'cursor', doc: this.shown, anchor: sel.anchor, head: sel.head });
    }, 80);
  }

  private applyCursors(doc: string) {
    if (!this.view || doc !== this.shown) return;
    const list = [...(this.cursors.get(doc)?.values() ?? [])];
    this.view.dispatch({ effects: setCursors.of(list), annotations: remote.of(true) });
  }

  private update(doc: string, tr: ReturnType<typeof receiveUpdates>) {
    if (doc === this.shown && this.view) {
      this.view.dispatch(tr);
    } else {
      this.states.set(doc, tr.state);
    }
  }

  private setState(doc: string, state: EditorState) {
    this.states.set(doc, state);
    if (doc === this.shown && this.view) this.view.setState(state);
  }

  private create(text: Text, version: number) {
    const extensions: Extension[] = [
      refuseOverLimit(() => this.onNotice(TOO_LONG)), fastInsert,
      lineNumbers(), highlightActiveLine(), drawSelection(), history(), indentOnInput(), bracketMatching(),
      syntaxHighlighting(defaultHighlightStyle), python(), keymap.of([escapeThenTab, indentWithTab, ...defaultKeymap, ...historyKeymap]),
      collab({ startVersion: version, clientID: this.clientID }), remoteCursors,
      EditorView.lineWrapping, EditorState.readOnly.of(!this.editable), EditorView.editable.of(this.editable),
      // Named after the question it answers (read again at every update, so a new question renames
      // it); described by the line telling how to leave it. Read-only (an observer's), it is still
      // reached by Tab, so that it can be read.
      EditorView.contentAttributes.of(() => ({
        'aria-label': this.label,
        ...(this.editable ? { 'aria-describedby': EDITOR_KEYS_ID } : { tabindex: '0' }),
      })),
      EditorView.cspNonce.of(NONCE),
    ];
    return EditorState.create({ doc: text, extensions });
  }
}

/**
 * A local edit that would make the answer longer than the server accepts never happens (the
 * server would refuse its push). Remote updates and edits that shorten the answer always pass.
 */
function refuseOverLimit(notice: () => void): Extension {
  return EditorState.transactionFilter.of(tr => {
    if (!tr.docChanged || tr.annotation(Transaction.remote)) return tr;
    if (tr.newDoc.length > MAX_ANSWER && tr.newDoc.length > tr.startState.doc.length) {
      queueMicrotask(notice);
      return [];
    }
    return tr;
  });
}

/**
 * Long text inserted by the browser itself (an "insertText" input such as dictation, drag and
 * drop or a test's insertText) is put in by one editor transaction instead. Chromium inserting
 * thousands of lines into the editable DOM is quadratic: 100,000 characters took 12 s there,
 * before CodeMirror could even read the change. Short inserts (typing, composition) keep the
 * browser's own path.
 */
const fastInsert = EditorView.domEventHandlers({
  beforeinput(event, view) {
    if (event.inputType !== 'insertText' || !event.data || event.data.length <= NATIVE_INSERT_MAX || view.composing) return false;
    event.preventDefault();
    view.dispatch(view.state.update(view.state.replaceSelection(event.data), { userEvent: 'input.type', scrollIntoView: true }));
    return true;
  },
});
