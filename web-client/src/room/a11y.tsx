// What the live room does for keyboard and screen reader users beyond its markup: focus kept when
// the control holding it goes, the words a new question is said and named with, and the question's
// clock, readable at any time and said only at its last minute and at its end (RoomPage).
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce, focusElement } from '../a11y';
import type { Question } from './protocol';

/** Whether focus is nowhere: on the page's body, as when the element holding it was removed. */
export const focusLost = () => !document.activeElement || document.activeElement === document.body;

/** The editor's accessible name: which question it answers. */
export function answerLabel(q: Question) {
  return q.planIndex != null ? `Answer to question ${q.planIndex + 1} of ${q.planSize}` : 'Answer to the extra question';
}

/** How a new question is said before its prompt (not in the words shown above it, which a search of the page would find twice). */
export function questionSaid(q: Question) {
  return q.planIndex != null ? `New question, ${q.planIndex + 1} of ${q.planSize}` : 'New question, off the plan';
}

/**
 * Keeps focus in the room. On opening, the room's heading takes focus (unless the person put it
 * somewhere already). When the element holding focus goes (Start session once started, Push next
 * question after the last one, a picked question once pushed), focus moves to where that element
 * said the person goes on (its data-focus-next, a selector), else to the question on screen, else
 * to the room's heading, instead of falling to the page's body. Returns the room's focusin handler.
 */
export function useFocusKept(roomEl: { current: HTMLElement | null }, title: string) {
  const last = useRef<HTMLElement | null>(null);
  const opened = useRef(false);
  useEffect(() => {
    const root = roomEl.current;
    if (!root) return;
    if (!opened.current) {
      if (title) { opened.current = true; if (focusLost()) focusElement(root.querySelector('h1')); }
      return;
    }
    const gone = last.current;
    // Focus that left on purpose (a click beside the controls, another part of the page) is not ours to move.
    if (!gone || gone.isConnected || !focusLost()) return;
    last.current = null;
    const next = gone.dataset.focusNext;
    focusElement((next && root.querySelector(next)) || root.querySelector('.current-prompt') || root.querySelector('h1'));
  });
  return (e: FocusEvent) => { last.current = e.target as HTMLElement; };
}

/**
 * The question's clock: time left (or, untimed, time spent), read on demand (role timer: not a live
 * region, so never said every second). A timed question says, once and politely, when one minute
 * is left and when its time is up.
 */
export function Timer({ question }: { question: Question }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => { const t = window.setInterval(() => setNow(Date.now()), 1000); return () => window.clearInterval(t); }, []);
  // The time of earlier showings, and this one's: going back to a question carries on its clock.
  const started = Date.parse(question.startedAt);
  const elapsed = (question.spentSeconds ?? 0) + Math.max(0, Math.floor((now - started) / 1000));
  const fmt = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  const left = question.minutes ? question.minutes * 60 - elapsed : null;
  const before = useRef(left);
  useEffect(() => {
    const was = before.current;
    before.current = left;
    if (was === null || left === null) return;
    if (was >= 60 && left < 60 && left > 0) announce('One minute left on this question.');
    if (was > 0 && left <= 0) announce('Time is up for this question.');
  }, [left]);
  const [words, cls, clock] = left === null ? ['Time on this question: ', '', fmt(elapsed)]
    : left >= 0 ? ['Time left: ', left < 60 ? 'soon' : '', fmt(left)] : ['Over time by ', 'over', `+${fmt(-left)}`];
  return <span role="timer"><span class="sr-only">{words}</span><span class={`timer ${cls}`}>{clock}</span></span>;
}
