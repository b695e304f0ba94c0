// My organisation's sessions, and a new session with a question plan picked from the bank.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, auth, candidates, sessions, type QuestionSummary, type SessionDetail, type SessionSummary } from '../api';
import { Prompt } from '../markdown';
import { navigate } from '../router';
import { copyText, LinkField } from './CandidateLink';
import { DeleteSession, DeletedNotice } from './DeleteSession';
import { announce, focusElement, useFieldErrors, useTitle } from '../a11y';

export function SessionsPage() {
  const [list, setList] = useState<SessionSummary[] | null>(null);
  const [endedTotal, setEndedTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { sessions.list().then(l => { setList(l.items); setEndedTotal(l.endedTotal); }).catch(e => setError(e.message)); }, []);
  const endedShown = list?.filter(s => s.status === 'ended').length ?? 0;
  useTitle('Sessions');
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
          <caption class="sr-only">Your organisation's sessions</caption>
          <thead><tr><th>Title</th><th>Candidate</th><th>Questions</th><th>Status</th><th>Created</th><th><span class="sr-only">Candidate link</span></th>
            {deletable(list) && <th><span class="sr-only">Delete</span></th>}</tr></thead>
          <tbody>
            {list.map(s => (
              <tr key={s.id}>
                <th scope="row"><SessionTitle session={s} /></th>
                <td>{s.candidateName}</td>
                <td>{s.questions}</td>
                <td><span class={`status ${s.status}`}>{s.status}</span></td>
                <td>{new Date(s.createdAt).toLocaleString()}</td>
                <td>{s.status !== 'ended' && <CopyCandidateLink sessionId={s.id} candidate={s.candidateName} />}</td>
                {deletable(list) && <td>{s.yourRole === 'interviewer' && (
                  <DeleteSession session={s} compact onDeleted={() => {
                    setList(l => l && l.filter(x => x.id !== s.id));
                    if (s.status === 'ended') setEndedTotal(n => n - 1);
                  }} />)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {endedTotal > endedShown && (
        <p class="muted">Showing the {endedShown} sessions that ended last, of {endedTotal}. <a href="/review">Every past session is in Review</a>.</p>
      )}
    </section>
  );
}

/** Only a session's interviewers may delete it (the server answers anyone else 403): the column is there if one row has the button. */
const deletable = (list: SessionSummary[]) => list.some(s => s.yourRole === 'interviewer');

/**
 * The session's title, a link to its room for those invited to it; with a note for an observer
 * (why there is no Delete) and, for a colleague not invited, no link: the room would refuse them.
 */
function SessionTitle({ session: s }: { session: SessionSummary }) {
  if (!s.yourRole) return <>{s.title}<span class="hint">You are not invited to it</span></>;
  return <><a href={`/rooms/${s.id}`}>{s.title}</a>{s.yourRole === 'observer' && <span class="hint">You observe it</span>}</>;
}

/** Copies a session's candidate link (asked for when clicked: the list does not carry it). */
function CopyCandidateLink({ sessionId, candidate }: { sessionId: string; candidate: string }) {
  const [state, setState] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  if (url) return <LinkField url={url} />; // no clipboard here: show it to copy by hand
  return (
    <span>
      <button type="button" aria-label={`Copy candidate link for ${candidate}`} onClick={() => sessions.get(sessionId)
        .then(s => s.candidateUrl ? copyText(s.candidateUrl).then(ok => ok ? setState('Copied.') : setUrl(s.candidateUrl)) : setState('No link: the session ended.'))
        .catch(e => setState(e instanceof ApiError ? e.message : 'Could not load the link.'))}>Copy candidate link</button>
      <span class="hint" role="status">{state}</span>
    </span>
  );
}

/** An invitation link to this organisation, to copy and send to a colleague. */
function InviteColleague() {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // The link replaces the button that had focus: focus goes to it, selected, ready to copy.
  useEffect(() => { if (link) field.current?.focus(); }, [link]);
  if (link) {
    return <label class="invite">Invitation link (7 days)<input ref={field} readOnly value={link} class="copy" onFocus={e => (e.target as HTMLInputElement).select()} /></label>;
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
  const fields = useFieldErrors('new-session');
  // After a move or a removal in the plan, the control to focus: [question id, which button].
  const refocus = useRef<[string, string] | null>(null);
  const planRef = useRef<HTMLOListElement>(null);
  useTitle(created ? `${created.title} · candidate link` : 'New session');

  // Questions this candidate was already asked, to warn in the plan.
  useEffect(() => {
    const e = email.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) { setSeen(new Map()); return; }
    // live: an answer for an email typed before (a slow one) must not replace this one's.
    let live = true;
    const t = window.setTimeout(() => candidates.history(e)
      .then(h => { if (live) setSeen(new Map(h.seen.map(s => [s.questionId, s.askedAt]))); })
      .catch(() => { if (live) setSeen(new Map()); }), 300);
    return () => { live = false; window.clearTimeout(t); };
  }, [email]);

  useEffect(() => {
    // live: the results of words typed before (a slow answer) must not replace these.
    let live = true;
    const t = window.setTimeout(() => {
      const params = new URLSearchParams({ pageSize: '8' });
      if (q.trim()) params.set('q', q.trim());
      if (notAskedTo) params.set('notAskedTo', notAskedTo);
      api.questions(params).then(p => { if (live) setResults(p.items); }).catch(() => { if (live) setResults([]); });
    }, 200);
    return () => { live = false; window.clearTimeout(t); };
  }, [q, notAskedTo]);

  // A moved item's button keeps focus (moving the element in the page drops it); after a removal,
  // focus goes to the next item's Remove, or the previous one's, or the plan's heading.
  useEffect(() => {
    const target = refocus.current;
    refocus.current = null;
    if (!target || !planRef.current) return;
    const [id, which] = target;
    const el = planRef.current.querySelector(`li[data-id="${id}"] [data-action="${which}"]`)
      ?? planRef.current.querySelector(`li[data-id="${id}"] button:not([aria-disabled="true"])`)
      ?? document.getElementById('plan-heading');
    focusElement(el);
  }, [plan]);

  // The form is replaced by the new session's link: focus goes to its heading.
  useEffect(() => { if (created) focusElement(document.getElementById('created-heading')); }, [created]);

  const add = (question: QuestionSummary) => {
    if (plan.some(p => p.question.id === question.id)) return;
    setPlan([...plan, { question, minutes: 10 }]);
    announce(`Added to the plan as question ${plan.length + 1}.`);
  };
  const move = (i: number, d: number) => {
    const to = Math.max(0, Math.min(plan.length - 1, i + d));
    if (to === i) return;
    const next = [...plan];
    const [item] = next.splice(i, 1);
    next.splice(to, 0, item);
    refocus.current = [item.question.id, d < 0 ? 'up' : 'down'];
    setPlan(next);
    announce(`Moved to position ${to + 1} of ${plan.length}.`);
  };
  const remove = (i: number) => {
    const neighbour = plan[i + 1] ?? plan[i - 1];
    refocus.current = neighbour ? [neighbour.question.id, 'remove'] : ['', ''];
    setPlan(plan.filter((_, j) => j !== i));
    announce(`Removed from the plan. ${plan.length - 1} question${plan.length - 1 === 1 ? '' : 's'} left.`);
  };

  if (created) {
    return (
      <section class="panel narrow">
        <h1 id="created-heading">{created.title}</h1>
        <p>Send this link to {created.candidateName}. It opens the candidate's view of this room only, and stops working when the session ends.</p>
        <LinkField url={created.candidateUrl ?? ''} />
        <p class="hint">The link is also in the room, and in the list of sessions.</p>
        <p><a class="button primary" href={`/rooms/${created.id}`}>Open the room</a></p>
      </section>
    );
  }

  const planned = (id: string) => plan.some(p => p.question.id === id);
  return (
    <section class="panel">
      <h1>New session</h1>
      <form class="new-session" noValidate onInput={fields.onInput} onSubmit={e => {
        e.preventDefault();
        if (busy) return;
        const f = e.currentTarget;
        setError(null);
        if (!fields.check(f)) return;
        const v = (n: string) => (f.elements.namedItem(n) as HTMLInputElement).value;
        setBusy(true);
        sessions.create({
          title: v('title'), candidateName: v('candidateName'),
          candidateEmail: v('candidateEmail') || undefined,
          plan: plan.map(p => ({ questionId: p.question.id, minutes: p.minutes })),
        }).then(setCreated).catch(err => {
          const message = err instanceof ApiError ? err.message : 'Could not create the session.';
          setError(message);
          if (/email address/.test(message)) fields.fail(f, 'candidateEmail', message);
          else if (/\btitle\b/i.test(message)) fields.fail(f, 'title', message);
          else if (/\bname\b/i.test(message)) fields.fail(f, 'candidateName', message);
        }).finally(() => setBusy(false));
      }}>
        <div class="grid2">
          <div><label>Title<input name="title" required maxLength={200} placeholder="Backend interview" {...fields.props('title')} /></label><fields.Error name="title" /></div>
          <div><label>Candidate's name<input name="candidateName" required maxLength={100} {...fields.props('candidateName')} /></label><fields.Error name="candidateName" /></div>
          <div><label>Candidate's email (optional)<input name="candidateEmail" type="email" value={email} onInput={e => setEmail((e.target as HTMLInputElement).value)}
            {...fields.props('candidateEmail', seen.size > 0 ? 'seen-before' : undefined)} /></label><fields.Error name="candidateEmail" />
            {seen.size > 0 && <span class="hint" id="seen-before">This candidate was interviewed before: questions they saw are marked.</span>}</div>
        </div>
        <h2 id="plan-heading">Question plan</h2>
        <div class="grid2">
          <div>
            <input type="search" placeholder="Search the bank" aria-label="Search the bank" aria-describedby="picker-help" value={q} onInput={e => setQ((e.target as HTMLInputElement).value)} />
            <p class="hint" id="picker-help">Choose a question to add it at the end of the plan.</p>
            {seen.size > 0 && (
              <label class="check"><input type="checkbox" checked={freshOnly} onChange={e => setFreshOnly((e.target as HTMLInputElement).checked)} />
                Only questions this candidate was not asked yet</label>
            )}
            <ul class="picker" aria-label="Questions found">
              {results.map(r => (
                <li key={r.id}>
                  {/* aria-disabled, not disabled: the button just pressed keeps focus once its question is in the plan. */}
                  <button type="button" class="link" onClick={() => add(r)} aria-disabled={planned(r.id) ? 'true' : undefined}>
                    <span class="prompt"><Prompt text={r.prompt} /></span>
                    <span class="meta"><span class={`badge ${r.difficulty}`}>{r.difficulty}</span> {r.topic}
                      {seen.has(r.id) && <span class="warn">asked before</span>}
                      {planned(r.id) && <span class="in-plan">in the plan</span>}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div>
          <ol class="plan" aria-label="Plan" ref={planRef}>
            {plan.length === 0 && <li class="muted">Pick questions from the search.</li>}
            {plan.map((p, i) => (
              <li key={p.question.id} data-id={p.question.id}>
                <span class="prompt"><Prompt text={p.question.prompt} />
                  {seen.has(p.question.id) && <span class="warn" role="note"> · already asked to this candidate on {new Date(seen.get(p.question.id)!).toLocaleDateString()}</span>}</span>
                <span class="plan-tools">
                  <label class="minutes"><span aria-hidden="true">min</span><input type="number" min={1} max={240} value={p.minutes} aria-label={`Minutes for question ${i + 1}`}
                    onInput={e => { const n = [...plan]; n[i] = { ...p, minutes: Number((e.target as HTMLInputElement).value) || 10 }; setPlan(n); }} /></label>
                  <button type="button" data-action="up" aria-label={`Move question ${i + 1} up`} aria-disabled={i === 0 ? 'true' : undefined} onClick={() => move(i, -1)}>↑</button>
                  <button type="button" data-action="down" aria-label={`Move question ${i + 1} down`} aria-disabled={i === plan.length - 1 ? 'true' : undefined} onClick={() => move(i, 1)}>↓</button>
                  <button type="button" data-action="remove" aria-label={`Remove question ${i + 1}`} onClick={() => remove(i)}>×</button>
                </span>
              </li>
            ))}
          </ol>
          {/* What a slot must hold: the plan's questions and their minutes added up. */}
          {plan.length > 0 && <p class="muted plan-total">{plan.length} question{plan.length === 1 ? '' : 's'} · {plan.reduce((sum, p) => sum + p.minutes, 0)} min in all</p>}
          </div>
        </div>
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" type="submit" aria-disabled={busy ? 'true' : undefined}>{busy ? 'Creating…' : 'Create session'}</button>
      </form>
    </section>
  );
}

export function goToLogin() {
  navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
}
