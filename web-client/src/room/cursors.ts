// Remote cursors and selections, labelled with the participant's name. Positions are mapped
// through every change so they stay on the right character until the next cursor message.
// The name shows when the caret arrives somewhere and then fades (room.css), leaving a small flag
// on the caret that shows it again on hover: a name standing over the line above would hide what
// was written there for as long as its writer kept typing.
import { StateEffect, StateField, type Range } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, WidgetType } from '@codemirror/view';

/** {@code moves}: how many cursor messages of this participant the page has had; a new one shows the name again. */
export interface RemoteCursor { id: string; name: string; anchor: number; head: number; moves?: number }

export const setCursors = StateEffect.define<RemoteCursor[]>();

function colour(id: string) {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `peer-${h % 6}`;
}

class CaretWidget extends WidgetType {
  constructor(readonly name: string, readonly cls: string, readonly moves: number) { super(); }
  // A caret that moved is drawn anew, so its name shows again (its fade starts over); one that
  // stayed while someone else's moved keeps its element, and its name stays faded.
  eq(other: CaretWidget) { return other.name === this.name && other.cls === this.cls && other.moves === this.moves; }
  toDOM() {
    const caret = document.createElement('span');
    caret.className = `remote-caret ${this.cls}`;
    const flag = document.createElement('span');
    flag.className = 'remote-flag';
    const label = document.createElement('span');
    label.className = 'remote-label';
    label.textContent = this.name; // text, never HTML
    caret.append(flag, label);
    return caret;
  }
  ignoreEvent() { return true; }
}

export const remoteCursors = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setCursors)) continue;
      const len = tr.state.doc.length;
      const ranges: Range<Decoration>[] = [];
      for (const c of e.value) {
        const cls = colour(c.id);
        const anchor = Math.min(c.anchor, len), head = Math.min(c.head, len);
        const from = Math.min(anchor, head), to = Math.max(anchor, head);
        if (from < to) ranges.push(Decoration.mark({ class: `remote-selection ${cls}` }).range(from, to));
        ranges.push(Decoration.widget({ widget: new CaretWidget(c.name, cls, c.moves ?? 0), side: 1 }).range(head));
      }
      value = Decoration.set(ranges, true);
    }
    return value;
  },
  provide: f => EditorView.decorations.from(f),
});
