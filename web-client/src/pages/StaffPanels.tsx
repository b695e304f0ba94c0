// What interviewers and observers have beside the shared editor: the answer key, their score, the
// plan, private notes and the links to share, as tabs of one column, so the editor stays in view
// while they score. Every tab stays mounted (hidden when not chosen): what is typed in one is kept.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, sessions, RECOMMENDATIONS, RUBRIC, type QuestionSummary } from '../api';
import type { NoteLine, PlanItem, Question, ScoringView } from '../room/protocol';
import { Markdown, Inline, Prompt } from '../markdown';
import { CandidateLink, LinkField } from './CandidateLink';
import type { Outgoing } from '../room/connection';

/** Messages people send that the room stores: kept and resent until confirmed (see RoomConnection.deliver). */
export type { Outgoing };

export interface Tab { id: string; label: string; body: ComponentChildren }

/**
 * What a message the server has not confirmed yet says beside it: on its way while connected, else
 * waiting for the connection. Either way it is kept and sent until the server confirms it.
 */
export function pendingLabel(online: boolean) {
  return online ? 'Sending…' : 'Not sent yet — reconnecting';
}

/**
 * The tabs as WAI-ARIA's tabs pattern: one Tab stop (the chosen tab; Tab goes on to its panel),
 * and the arrow keys, Home and End choose another tab at once and focus it. A panel takes focus
 * itself, so that one with nothing to focus (the answer key) can be read and scrolled by keyboard.
 */
export function StaffTabs({ tabs }: { tabs: Tab[] }) {
  const [chosen, setChosen] = useState(tabs[0].id);
  const active = tabs.some(t => t.id === chosen) ? chosen : tabs[0].id;
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex(t => t.id === active);
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1 + tabs.length, Home: 0, End: tabs.length - 1 };
    const to = moves[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const tab = tabs[to % tabs.length];
    setChosen(tab.id);
    document.getElementById(`tab-${tab.id}`)?.focus();
  };
  return (
    <section class="panel staff-tabs">
      <div role="tablist" aria-label="Interviewer tools" class="tabs" onKeyDown={onKeyDown}>
        {tabs.map(t => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={active === t.id} aria-controls={`panel-${t.id}`}
            tabIndex={active === t.id ? 0 : -1} onClick={() => setChosen(t.id)}>{t.label}</button>
        ))}
      </div>
      {tabs.map(t => (
        <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} tabIndex={0} class="tab-panel" hidden={active !== t.id}>{t.body}</div>
      ))}
    </section>
  );
}

export function AnswerKey({ question }: { question: Question | null }) {
  if (!question || question.answer === undefined) return <p class="muted">The answer key of the question on screen shows here.</p>;
  return (
    <div class="answer-key">
      <h3>Key points</h3>
      <ul class="key-points">{question.keyPoints?.map(k => <li><Inline text={k} /></li>)}</ul>
      <h3>Reference answer</h3>
      <Markdown source={question.answer} />
    </div>
  );
}

/**
 * The next plan question: the first not yet asked after the last plan question shown (an extra
 * question in between does not count), else the first not yet asked at all.
 */
export function nextPlanIndex(plan: PlanItem[], asked: string[], lastPlanIndex: number | null): number | null {
  const fresh = plan.filter(p => !asked.includes(p.questionId));
  const last = lastPlanIndex ?? Math.max(-1, ...plan.filter(p => asked.includes(p.questionId)).map(p => p.index));
  return (fresh.find(p => p.index > last) ?? fresh[0])?.index ?? null;
}

export function Plan({ plan, current, asked, online, push, pushAny }: {
  plan: PlanItem[]; current: Question | null; asked: string[]; online: boolean;
  push: (i: number) => void; pushAny: (id: string) => void;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<QuestionSummary[]>([]);
  useEffect(() => {
    if (!q.trim()) { setFound([]); return; }
    let live = true; // a slow answer for words typed before must not replace this one's
    const t = window.setTimeout(() => api.questions(new URLSearchParams({ q: q.trim(), pageSize: '5' }))
      .then(p => { if (live) setFound(p.items); }).catch(() => { if (live) setFound([]); }), 200);
    return () => { live = false; window.clearTimeout(t); };
  }, [q]);
  return (
    <div class="plan-box">
      <ol class="plan">
        {plan.map(p => {
          const wasAsked = asked.includes(p.questionId);
          return (
            <li key={p.index} class={`${current?.planIndex === p.index ? 'current' : ''} ${wasAsked ? 'asked' : ''}`}>
              <span class="prompt"><Prompt text={p.prompt} />{wasAsked && <span class="asked-mark"> · asked</span>}</span>
              <button disabled={!online} onClick={() => push(p.index)} aria-label={`Push question ${p.index + 1}`}>{wasAsked ? 'Again' : 'Push'}</button>
            </li>
          );
        })}
      </ol>
      <input type="search" placeholder="Push any bank question…" aria-label="Search any bank question" value={q} onInput={e => setQ((e.target as HTMLInputElement).value)} />
      {/* A pushed question leaves the list (the search is emptied): focus goes back to the search (data-focus-next, RoomPage). */}
      <ul class="picker">{found.map(f => <li key={f.id}><button class="link" data-focus-next=".plan-box input[type=search]" disabled={!online} onClick={() => { pushAny(f.id); setQ(''); }}><Prompt text={f.prompt} /></button></li>)}</ul>
    </div>
  );
}

/**
 * {@code waiting}: notes sent and not confirmed yet, shown after the stored ones until they are.
 * {@code about}: a note's question as a short label ("Q2", "Extra"), or null when it was written before any.
 */
export function Notes({ notes, send, waiting, online, about }: { notes: NoteLine[]; send: (text: string) => void; waiting: Outgoing[]; online: boolean; about: (questionId: string | null) => string | null }) {
  return (
    <div class="notes">
      <ol class="note-lines" aria-label="Notes so far">
        {notes.map(n => {
          const q = about(n.questionId);
          return <li key={n.id}><time>{new Date(n.at).toLocaleTimeString()}</time>{q && <> <span class="note-about" title="The question this note is about">{q}</span></>} <span class="who">{n.name}</span> <span class="text">{n.text}</span></li>;
        })}
        {waiting.map(m => <li key={`waiting-${m.id}`} class="not-sent"><span class="text">{String(m.text)}</span> <span class="hint">{pendingLabel(online)}</span></li>)}
      </ol>
      <form onSubmit={e => { e.preventDefault(); const i = e.currentTarget.elements.namedItem('note') as HTMLTextAreaElement; if (i.value.trim()) { send(i.value); i.value = ''; } }}>
        <textarea name="note" aria-label="Private note" placeholder="Only interviewers see notes" maxLength={10000} rows={3}
          onKeyDown={e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) (e.currentTarget.form as HTMLFormElement).requestSubmit(); }} />
        <button type="submit">Add note</button>
      </form>
    </div>
  );
}

export function ScoreBox({ question, scoring, you, send, waiting, online }: {
  question: Question; scoring: ScoringView | null; you: string; send: (m: Outgoing) => void; waiting: Outgoing[]; online: boolean;
}) {
  const mine = scoring?.scores.find(s => s.participantId === you && s.questionId === question.questionId);
  const others = scoring?.revealed ? scoring.scores.filter(s => s.participantId !== you && s.questionId === question.questionId) : [];
  const [hint, setHint] = useState('');
  // A score clicked and not confirmed yet (on its way, or waiting for the connection) shows as clicked.
  const pending = waiting.filter(m => m.type === 'score' && m.questionId === question.questionId).pop();
  const pendingHints = waiting.filter(m => m.type === 'hint' && m.questionId === question.questionId);
  const rubric = pending ? (pending.rubric as number | null) : mine?.rubric ?? null;
  const ticked = pending ? (pending.keyPoints as number[]) : mine?.keyPoints ?? [];
  const save = (r: number | null, k: number[]) => send({ type: 'score', questionId: question.questionId, rubric: r, keyPoints: k });
  const hints = scoring?.hints.filter(h => h.questionId === question.questionId) ?? [];
  return (
    <div class="scoring-box">
      <h3>Your score of this question</h3>
      <div class="rubric" role="group" aria-label="Rubric score">
        {RUBRIC.map(r => (
          <button type="button" aria-pressed={rubric === r.score} title={r.anchor} onClick={() => save(rubric === r.score ? null : r.score, ticked)}>
            {r.score} · {r.label}
          </button>
        ))}
      </div>
      {rubric && <p class="hint">{RUBRIC[rubric - 1].anchor}</p>}
      {pending && !online && <p class="hint not-sent" role="status">Score not sent yet — it is sent when the connection is back.</p>}
      <ul class="key-point-ticks">
        {(question.keyPoints ?? []).map((k, i) => (
          <li><label><input type="checkbox" checked={ticked.includes(i)}
            onChange={e => save(rubric, (e.target as HTMLInputElement).checked ? [...ticked, i] : ticked.filter(x => x !== i))} /> <Inline text={k} /></label></li>
        ))}
      </ul>
      <form class="hint-form" onSubmit={e => { e.preventDefault(); if (hint.trim()) { send({ type: 'hint', questionId: question.questionId, text: hint }); setHint(''); } }}>
        <input aria-label="Hint given" placeholder="Log a hint you gave" value={hint} onInput={e => setHint((e.target as HTMLInputElement).value)} maxLength={10000} />
        <button type="submit">Log hint</button>
      </form>
      {(hints.length > 0 || pendingHints.length > 0) && (
        <ul class="hints">
          {hints.map(h => <li key={h.id}><time>{new Date(h.at).toLocaleTimeString()}</time> <span class="who">{h.name}</span> {h.text}</li>)}
          {pendingHints.map(m => <li key={`waiting-${m.id}`} class="not-sent">{String(m.text)} <span class="hint">{pendingLabel(online)}</span></li>)}
        </ul>
      )}
      {others.length > 0 && <ul class="others">{others.map(o => <li><strong>{o.name}</strong>: {o.rubric ?? '—'}/4</li>)}</ul>}
    </div>
  );
}

/** How long the summary waits after the last keystroke before it is saved as a draft. */
const DRAFT_DELAY_MS = 600;

/**
 * The overall recommendation. The summary is saved as a draft as you type (shortly after you
 * stop), like the editor; leaving the page with a draft not yet sent asks first.
 */
/** {@code sending}: a draft or submit of ours not confirmed yet; {@code waiting}: one that waits for the connection. */
export function Recommend({ scoring, you, send, sending, waiting }: {
  scoring: ScoringView | null; you: string; send: (m: Outgoing) => void; sending: boolean; waiting: boolean;
}) {
  const mine = scoring?.recommendations.find(r => r.participantId === you);
  const [choice, setChoice] = useState<string>(mine?.recommendation ?? '');
  const [summary, setSummary] = useState<string>(mine?.summary ?? '');
  /** What was typed here and not yet sent (null: nothing). */
  const [draft, setDraft] = useState<string | null>(null);
  // The server's draft is taken until something is typed here; after that, this page's text is the newer one.
  const typedHere = useRef(false);
  useEffect(() => { if (mine && !typedHere.current) { setChoice(mine.recommendation ?? ''); setSummary(mine.summary); } }, [mine?.at]);
  const save = (c: string, s: string) => { send({ type: 'recommend', recommendation: c || null, summary: s, submit: false }); setDraft(null); };
  useEffect(() => {
    if (draft === null) return;
    const t = window.setTimeout(() => save(choice, draft), DRAFT_DELAY_MS);
    return () => window.clearTimeout(t);
  }, [draft]);
  useEffect(() => {
    if (draft === null) return;
    const warn = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = ''; };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [draft !== null]);
  const submitted = mine?.submitted ?? false;
  const others = scoring?.revealed ? scoring.recommendations.filter(r => r.participantId !== you) : [];
  const saveState = waiting ? 'Not sent yet — it is sent when the connection is back.' : draft !== null || sending ? 'Saving…'
    : mine && mine.summary === summary && (mine.recommendation ?? '') === choice ? 'Draft saved' : '';
  return (
    <div class="recommend">
      <h3>Recommendation</h3>
      {submitted ? (
        <div class="submitted">
          <p>You submitted: <strong>{RECOMMENDATIONS.find(r => r.value === mine!.recommendation)?.label}</strong></p>
          {mine!.summary ? <p class="summary">{mine!.summary}</p> : <p class="muted">No summary.</p>}
        </div>
      ) : (
        <form onSubmit={e => { e.preventDefault(); setDraft(null); send({ type: 'recommend', recommendation: choice || null, summary, submit: true }); }}>
          <select aria-label="Overall recommendation" value={choice} onChange={e => {
            const c = (e.target as HTMLSelectElement).value;
            typedHere.current = true;
            setChoice(c);
            save(c, summary);
          }}>
            <option value="">Choose…</option>{RECOMMENDATIONS.map(r => <option value={r.value}>{r.label}</option>)}
          </select>
          <textarea aria-label="Summary" rows={4} placeholder="Summary for the hiring decision" value={summary} maxLength={20000}
            onInput={e => { const s = (e.target as HTMLTextAreaElement).value; typedHere.current = true; setSummary(s); setDraft(s); }}
            onBlur={() => { if (draft !== null) save(choice, draft); }} />
          <div class="row">
            <button type="submit" class="primary" disabled={!choice || waiting}>Submit</button>
            {/* Not a live region: it would speak at every pause in typing. Losing the connection is said by the room. */}
            <span class={`hint draft-state ${waiting ? 'not-sent' : ''}`}>{saveState}</span>
          </div>
          <p class="hint">Other interviewers' scores appear when everyone has submitted.</p>
        </form>
      )}
      {others.length > 0 && <ul class="others">{others.map(o => <li><strong>{o.name}</strong>: {RECOMMENDATIONS.find(r => r.value === o.recommendation)?.label ?? '—'} {o.summary}</li>)}</ul>}
    </div>
  );
}

/** The room's links: the candidate's, and inviting a colleague (who is then given the room's own link). */
export function RoomLinks({ sessionId }: { sessionId: string }) {
  return (
    <>
      <CandidateLink sessionId={sessionId} />
      <InviteToSession sessionId={sessionId} />
    </>
  );
}

/** Invite a colleague of the organisation into this session as co-interviewer or observer. */
function InviteToSession({ sessionId }: { sessionId: string }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'interviewer' | 'observer'>('interviewer');
  const [invited, setInvited] = useState<{ email: string; role: string; roomUrl: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form class="invite-session" onSubmit={e => {
      e.preventDefault();
      setError(null);
      setInvited(null);
      const who = email.trim();
      sessions.addMember(sessionId, who, role)
        .then(s => { setInvited({ email: who, role: role === 'interviewer' ? 'co-interviewer' : 'observer', roomUrl: s.roomUrl }); setEmail(''); })
        .catch(err => setError(err instanceof ApiError ? err.message : 'Could not invite.'));
    }}>
      <h3>Invite a colleague</h3>
      <input type="email" required aria-label="Colleague's email" placeholder="colleague@example.com" value={email} onInput={e => setEmail((e.target as HTMLInputElement).value)} />
      <select aria-label="Their role" value={role} onChange={e => setRole((e.target as HTMLSelectElement).value as 'interviewer' | 'observer')}>
        <option value="interviewer">Co-interviewer</option>
        <option value="observer">Observer</option>
      </select>
      <button type="submit">Invite</button>
      {error && <p class="error" role="alert">{error}</p>}
      {invited && (
        <div class="invited" role="status">
          <p class="hint">{invited.email} can now join this room as {invited.role}. Send them the room's link (they sign in with their own account):</p>
          <LinkField url={invited.roomUrl} label="Room link for your colleague" />
        </div>
      )}
    </form>
  );
}
