// The shared answer documents of a room: one CodeMirror state per question (so going back shows
// the answer as it was left), synchronised with the server by the @codemirror/collab model.
// Invariants: at most one push per document is in flight; a push is confirmed when our own
// updates come back in an "updates" message; a stale or lost push is simply sent again (the
// server applies a resend once).
import { Annotation, ChangeSet, EditorState, Transaction, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { collab, getSyncedVersion, receiveUpdates, sendableUpdates } from '@codemirror/collab';
import { python } from '@codemirror/lang-python';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching } from '@codemirror/language';
import type { DocView, WireUpdate } from './protocol';
import { remoteCursors, setCursors, type RemoteCursor } from './cursors';

const RESEND_AFTER_MS = 4000;
/** The page's CSP nonce (see the server's WebApp), so CodeMirror may add its style element. */
const NONCE = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
/** Marks our own cursor-only transactions. */
const remote = Annotation.define<boolean>();

export class SharedEditors {
  private states = new Map<string, EditorState>();
  private pushing = new Map<string, number>(); // doc -> time the push was sent
  private cursors = new Map<string, Map<string, RemoteCursor>>();
  private view: EditorView | null = null;
  private shown: string | null = null;
  private cursorTimer: number | undefined;
  readonly clientID = Math.random().toString(36).slice(2) + Date.now().toString(36);

  constructor(
    private readonly parent: HTMLElement,
    private readonly send: (message: object) => boolean,
    private readonly editable: boolean,
    private readonly onChange: () => void,
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
      this.setState(doc, this.create(view.text, view.version));
    }
    this.flush(doc);
  }

  show(doc: string) {
    if (!this.states.has(doc)) this.setState(doc, this.create('', 0));
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
          if (tr.selection || tr.docChanged) this.sendCursor();
          this.onChange();
        },
      });
    } else {
      this.view.setState(state);
    }
    this.applyCursors(doc);
  }

  receive(doc: string, updates: WireUpdate[]) {
    const state = this.states.get(doc) ?? this.create('', 0);
    const parsed = updates.map(u => ({ clientID: u.clientID, changes: ChangeSet.fromJSON(u.changes) }));
    const ours = parsed.some(u => u.clientID === this.clientID);
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

  remoteCursor(doc: string, c: RemoteCursor) {
    if (!this.cursors.has(doc)) this.cursors.set(doc, new Map());
    this.cursors.get(doc)!.set(c.id, c);
    if (doc === this.shown) this.applyCursors(doc);
  }

  forgetParticipant(id: string) {
    this.cursors.forEach(m => m.delete(id));
    if (this.shown) this.applyCursors(this.shown);
  }

  /** Called after a reconnection: whatever was in flight may be lost. */
  resetPushes() {
    this.pushing.clear();
  }

  text(doc: string) {
    return this.states.get(doc)?.doc.toString() ?? '';
  }

  private flush(doc: string) {
    const state = this.states.get(doc);
    if (!state || !this.editable || this.pushing.has(doc)) return;
    const updates = sendableUpdates(state);
    if (!updates.length) return;
    const sent = this.send({
      type: 'push', doc, version: getSyncedVersion(state),
      updates: updates.map(u => ({ clientID: u.clientID, changes: u.changes.toJSON() })),
    });
    if (sent) this.pushing.set(doc, Date.now());
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
      this.send({ type: 'cursor', doc: this.shown, anchor: sel.anchor, head: sel.head });
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

  private create(text: string, version: number) {
    const extensions: Extension[] = [
      lineNumbers(), highlightActiveLine(), drawSelection(), history(), indentOnInput(), bracketMatching(),
      syntaxHighlighting(defaultHighlightStyle), python(), keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
      collab({ startVersion: version, clientID: this.clientID }), remoteCursors,
      EditorView.lineWrapping, EditorState.readOnly.of(!this.editable), EditorView.editable.of(this.editable),
      EditorView.contentAttributes.of({ 'aria-label': 'Answer editor' }),
      EditorView.cspNonce.of(NONCE),
    ];
    return EditorState.create({ doc: text, extensions });
  }
}
