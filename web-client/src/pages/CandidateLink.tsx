// The candidate link of a session, shown whole with a Copy button: on the page of a new session,
// in the interviewer's room, and (fetched on demand) in the session list.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, sessions } from '../api';

/** Copies text to the clipboard; without the Clipboard API (plain http on a LAN) through a selected field. */
export async function copyText(text: string, field?: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    return document.execCommand('copy');
  }
}

export function LinkField({ url, label = 'Candidate link' }: { url: string; label?: string }) {
  const [field, setField] = useState<HTMLTextAreaElement | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div class="link-field">
      <label>{label}
        <textarea ref={setField} readOnly rows={2} class="copy" value={url} spellcheck={false} onFocus={e => (e.target as HTMLTextAreaElement).select()} />
      </label>
      <button type="button" onClick={() => copyText(url, field).then(ok => setCopied(ok ? 'Copied.' : 'Select the link and copy it.'))}>Copy</button>
      {/* Always there, so that what it says when it changes is read out. */}
      <span class="hint" role="status">{copied}</span>
    </div>
  );
}

/** The room's candidate link, for its interviewers (GET /api/sessions/{id}); none once the session ended. */
export function CandidateLink({ sessionId }: { sessionId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sessions.get(sessionId).then(s => setUrl(s.candidateUrl)).catch(e => setError(e instanceof ApiError ? e.message : 'Could not load the candidate link.'));
  }, [sessionId]);
  if (error) return <p class="error">{error}</p>;
  if (!url) return null;
  return (
    <div class="candidate-link">
      <LinkField url={url} />
      <p class="hint">It opens the candidate's view of this room only, and stops working when the session ends.</p>
    </div>
  );
}
