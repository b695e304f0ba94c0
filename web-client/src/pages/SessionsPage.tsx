// My organisation's sessions, and a new session with a question plan picked from the bank.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, auth, candidates, sessions, type QuestionSummary, type SessionDetail, type SessionSummary } from '../api';
import { Prompt } from '../markdown';
import { navigate } from '../router';
import { copyText, LinkField } from './CandidateLink';
import { DeleteSession, DeletedNotice } from './DeleteSession';

export function SessionsPage() {
  const [list, setList] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { sessions.list().then(setList).catch(e => setError(e.message)); }, []);
  return (
    <section class="panel">
      <div class="row">
        <h1>Sessions</h1>
        <span class="row">
          <InviteColleague />
          <a class="button primary" href="/sessions/new">New session</a>
        </span>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <DeletedNotice />
      {list && list.length === 0 && <p class="muted">No sessions yet. Create one and send the candidate their link.</p>}
      {list && list.length > 0 && (
        <div class="table-scroll">
        <table class="sessions">
          <thead><tr><th>Title</th><th>Candidate</th><th>Questions</th><th>Status</th><th>Created</th><th><span class="sr-only">Candidate link</span></th><th><span class="sr-only">Delete</span></th></tr></thead>
          <tbody>
            {list.map(s => (
              <tr key={s.id}>
                <td><a href={`/rooms/${s.id}`}>{s.title}</a></td>
                <td>{s.candidateName}</td>
                <td>{s.questions}</td>
                <td><span class={`status ${s.status}`}>{s.status}</span></td>
                <td>{new Date(s.createdAt).toLocaleString()}</td>
                <td>{s.status !== 'ended' && <CopyCandidateLink sessionId={s.id} candidate={s.candidateName} />}</td>
                <td><DeleteSession session={s} compact onDeleted={() => setList(l => l && l.filter(x => x.id !== s.id))} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}

/** Copies a session's candidate link (asked for when clicked: the list does not carry it). */
function CopyCandidateLink({ sessionId, candidate }: { sessionId: string; candidate: string }) {
  const [state, setState] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  if (url) return <LinkField url={url} />; // no clipboard here: show it to copy by hand
  return (
    <span>
      <button type="button" aria-label={`Copy ${candidate}'s link`} onClick={() => sessions.get(sessionId)
        .then(s => s.candidateUrl ? copyText(s.candidateUrl).then(ok => ok ? setState('Copied.') : setUrl(s.candidateUrl)) : setState('No link: the session ended.'))
        .catch(e => setState(e instanceof ApiError ? e.message : 'Could not load the link.'))}>Copy candidate link</button>
      {state && <span class="hint" role="status">{state}</span>}
    </span>
  );
}

/** An invitation link to this organisation, to copy and send to a colleague. */
function InviteColleague() {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (link) {
    return <label class="invite">Invitation link (7 days)<input readOnly value={link} class="copy" onFocus={e => (e.target as HTMLInputElement).select()} /></label>;
  }
  return (
    <>
      <button type="button" onClick={() => auth.invite().then(i => setLink(i.url)).catch(e => setError(e instanceof ApiError ? e.message : 'Could not create an invitation.'))}>
        Invite a colleague
      </button>
      {error && <span class="error" role="alert">{error}</span>}
    </>
  );
}

interface Planned { question: QuestionSummary; minutes: number }

export function NewSessionPage() {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<QuestionSummary[]>([]);
  const [plan, setPlan] = useState<Planned[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<SessionDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [email, setEmail] = useState('');
  const [seen, setSeen] = useState<Map<string, string>>(new Map()); // question id -> when it was asked
  const [freshOnly, setFreshOnly] = useState(false); // search only what this candidate was not asked yet
  const notAskedTo = freshOnly && seen.size > 0 ? email.trim() : '';

  // Questions this candidate was already asked, to warn in the plan.
  useEffect(() => {
    const e = email.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) { setSeen(new Map()); return; }
    const t = window.setTimeout(() => candidates.history(e)
      .then(h => setSeen(new Map(h.seen.map(s => [s.questionId, s.askedAt]))))
      .catch(() => setSeen(new Map())), 300);
    return () => window.clearTimeout(t);
  }, [email]);

  useEffect(() => {
    const t = window.setTimeout(() => {
      const params = new URLSearchParams({ pageSize: '8' });
      if (q.trim()) params.set('q', q.trim());
      if (notAskedTo) params.set('notAskedTo', notAskedTo);
      api.questions(params).then(p => setResults(p.items)).catch(() => setResults([]));
    }, 200);
    return () => window.clearTimeout(t);
  }, [q, notAskedTo]);

  const add = (question: QuestionSummary) => {
    if (!plan.some(p => p.question.id === question.id)) setPlan([...plan, { question, minutes: 10 }]);
  };
  const move = (i: number, d: number) => {
    const next = [...plan];
    const [item] = next.splice(i, 1);
    next.splice(Math.max(0, Math.min(next.length, i + d)), 0, item);
    setPlan(next);
  };

  if (created) {
    return (
      <section class="panel narrow">
        <h1>{created.title}</h1>
        <p>Send this link to {created.candidateName}. It opens the candidate's view of this room only, and stops working when the session ends.</p>
        <LinkField url={created.candidateUrl ?? ''} />
        <p class="hint">The link is also in the room, and in the list of sessions.</p>
        <p><a class="button primary" href={`/rooms/${created.id}`}>Open the room</a></p>
      </section>
    );
  }

  return (
    <section class="panel">
      <h1>New session</h1>
      <form class="new-session" onSubmit={e => {
        e.preventDefault();
        const f = e.currentTarget;
        const v = (n: string) => (f.elements.namedItem(n) as HTMLInputElement).value;
        setBusy(true);
        setError(null);
        sessions.create({
          title: v('title'), candidateName: v('candidateName'),
          candidateEmail: v('candidateEmail') || undefined,
          plan: plan.map(p => ({ questionId: p.question.id, minutes: p.minutes })),
        }).then(setCreated).catch(err => setError(err instanceof ApiError ? err.message : 'Could not create the session.')).finally(() => setBusy(false));
      }}>
        <div class="grid2">
          <label>Title<input name="title" required maxLength={200} placeholder="Backend interview" /></label>
          <label>Candidate's name<input name="candidateName" required maxLength={100} /></label>
          <label>Candidate's email (optional)<input name="candidateEmail" type="email" value={email} onInput={e => setEmail((e.target as HTMLInputElement).value)} />
            {seen.size > 0 && <span class="hint">This candidate was interviewed before: questions they saw are marked.</span>}</label>
        </div>
        <h2>Question plan</h2>
        <div class="grid2">
          <div>
            <input type="search" placeholder="Search the bank" aria-label="Search the bank" value={q} onInput={e => setQ((e.target as HTMLInputElement).value)} />
            {seen.size > 0 && (
              <label class="check"><input type="checkbox" checked={freshOnly} onChange={e => setFreshOnly((e.target as HTMLInputElement).checked)} />
                Only questions this candidate was not asked yet</label>
            )}
            <ul class="picker">
              {results.map(r => (
                <li key={r.id}>
                  <button type="button" class="link" onClick={() => add(r)} disabled={plan.some(p => p.question.id === r.id)}>
                    <span class="prompt"><Prompt text={r.prompt} /></span>
                    <span class="meta"><span class={`badge ${r.difficulty}`}>{r.difficulty}</span> {r.topic}
                      {seen.has(r.id) && <span class="warn">asked before</span>}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <ol class="plan">
            {plan.length === 0 && <li class="muted">Pick questions on the left.</li>}
            {plan.map((p, i) => (
              <li key={p.question.id}>
                <span class="prompt"><Prompt text={p.question.prompt} />
                  {seen.has(p.question.id) && <span class="warn" role="note"> · already asked to this candidate on {new Date(seen.get(p.question.id)!).toLocaleDateString()}</span>}</span>
                <span class="plan-tools">
                  <label class="minutes">min<input type="number" min={1} max={240} value={p.minutes}
                    onInput={e => { const n = [...plan]; n[i] = { ...p, minutes: Number((e.target as HTMLInputElement).value) || 10 }; setPlan(n); }} /></label>
                  <button type="button" aria-label="Move up" onClick={() => move(i, -1)}>↑</button>
                  <button type="button" aria-label="Move down" onClick={() => move(i, 1)}>↓</button>
                  <button type="button" aria-label="Remove" onClick={() => setPlan(plan.filter((_, j) => j !== i))}>×</button>
                </span>
              </li>
            ))}
          </ol>
        </div>
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create session'}</button>
      </form>
    </section>
  );
}

export function goToLogin() {
  navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
}
