// "Delete session…" and "Erase <candidate>…": a confirmation dialog that names what goes and says
// it cannot be undone, then the DELETE; and the notice the sessions list shows after. Its own file
// so the pages only place the button (SessionsPage, ReviewPage, CandidatePage) and the notice.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, deleteJson } from '../api';
import { navigate } from '../router';

/** What the sessions list says after a delete; kept across the navigation back to it. */
const NOTICE_KEY = 'mockroom.deleted-session';
const listeners = new Set<(text: string) => void>();

function announce(text: string) {
  try { sessionStorage.setItem(NOTICE_KEY, text); } catch { /* storage refused: shown only if the list is on screen */ }
  listeners.forEach(l => l(text));
}

function takeNotice(): string | null {
  try {
    const text = sessionStorage.getItem(NOTICE_KEY);
    sessionStorage.removeItem(NOTICE_KEY);
    return text;
  } catch {
    return null;
  }
}

/** "Session … was deleted.", after a delete, until dismissed. */
export function DeletedNotice() {
  const [text, setText] = useState<string | null>(() => takeNotice());
  const el = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const show = (t: string) => { takeNotice(); setText(t); };
    listeners.add(show);
    return () => { listeners.delete(show); };
  }, []);
  // The button that opened the dialog may be gone with its row: focus goes to what happened.
  useEffect(() => { if (text) el.current?.focus(); }, [text]);
  if (!text) return null;
  return (
    <p class="deleted-notice" role="status" tabIndex={-1} ref={el}>
      {text} <button type="button" class="link" onClick={() => setText(null)}>Dismiss</button>
    </p>
  );
}

export interface Deletable { id: string; title: string; candidateName: string }

/**
 * The "Delete session…" button and its dialog. After the delete, {@code onDeleted} runs and, with
 * {@code then}, the app goes there; the sessions list shows a notice.
 */
export function DeleteSession({ session, onDeleted, then, compact }: {
  session: Deletable; onDeleted?: () => void; then?: string; compact?: boolean;
}) {
  return (
    <ConfirmDelete id={`session-${session.id}`} url={`/api/sessions/${encodeURIComponent(session.id)}`}
      button={compact ? 'Delete…' : 'Delete session…'}
      buttonName={compact ? `Delete session “${session.title}” with ${session.candidateName}…` : undefined}
      heading={`Delete “${session.title}” with ${session.candidateName}?`}
      confirm="Delete session" notice={`Session “${session.title}” with ${session.candidateName} was deleted.`}
      onDeleted={onDeleted} then={then}>
      This deletes the session and everything about {session.candidateName} in it: answers, chat, notes, scores,
      recommendations and the timeline. Anyone in its room is disconnected and the candidate link stops working.
    </ConfirmDelete>
  );
}

/**
 * "Erase <name>…" on a candidate's history: DELETE /api/review/candidates?email=, every session of
 * the organisation with this email at once (the server deletes all or none). Shown only to an
 * interviewer of every one of them (the history's {@code mayErase}).
 */
export function EraseCandidate({ email, name, sessions }: { email: string; name: string; sessions: number }) {
  const count = sessions === 1 ? 'the one session' : `all ${sessions} sessions`;
  return (
    <ConfirmDelete id="erase-candidate" url={`/api/review/candidates?email=${encodeURIComponent(email)}`}
      button={`Erase ${name}…`} heading={`Erase ${name} (${email})?`} confirm={`Erase ${name}`}
      notice={`${name} (${email}) was erased: ${count} deleted.`} then="/">
      This deletes {count} of {name} with this email in your organisation, and everything about them: answers,
      chat, notes, scores, recommendations and timelines. A live room is closed and the candidate link stops
      working. Sessions recorded without this email are not found this way: look for their name in Review.
    </ConfirmDelete>
  );
}

/**
 * A danger button and its confirmation dialog (a modal &lt;dialog&gt;: focus moves into it, on
 * Cancel first; Escape or Cancel closes it and focus returns to the button). Confirming sends
 * DELETE {@code url}; a refusal is shown in the dialog, which stays open. {@code children} say what
 * goes; "This cannot be undone." follows them.
 */
function ConfirmDelete({ id, url, button, buttonName, heading, confirm, notice, onDeleted, then, children }: {
  id: string; url: string; button: string; buttonName?: string; heading: string; confirm: string; notice: string;
  onDeleted?: () => void; then?: string; children: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const done = useRef(false);
  const titleId = `delete-title-${id}`;
  const textId = `delete-text-${id}`;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      cancel.current?.focus(); // the safe choice first
    }
  }, [open]);

  const close = () => {
    dialog.current?.close();
  };
  // The dialog closed (Cancel, Escape, or done): back to where the person was.
  const closed = () => {
    setOpen(false);
    setError(null);
    // After a delete the notice takes the focus (the button may be gone with its row).
    if (!done.current) opener.current?.focus();
  };

  const remove = () => {
    setBusy(true);
    setError(null);
    deleteJson<unknown>(url)
      .then(() => {
        done.current = true;
        dialog.current?.close();
        announce(notice);
        onDeleted?.();
        if (then) navigate(then);
      })
      .catch(e => setError(e instanceof ApiError ? e.message : 'Could not delete.'))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <button type="button" class="danger" ref={opener} onClick={() => setOpen(true)} aria-label={buttonName}>{button}</button>
      {open && (
        <dialog ref={dialog} class="confirm-dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId}
          onClose={closed} onCancel={e => { if (busy) e.preventDefault(); }}>
          <h2 id={titleId}>{heading}</h2>
          <p id={textId}>{children}<strong> This cannot be undone.</strong></p>
          {error && <p class="error" role="alert">{error}</p>}
          <p class="actions">
            <button type="button" ref={cancel} onClick={close} disabled={busy}>Cancel</button>
            <button type="button" class="danger" onClick={remove} disabled={busy}>{busy ? 'Deleting…' : confirm}</button>
          </p>
        </dialog>
      )}
    </>
  );
}
