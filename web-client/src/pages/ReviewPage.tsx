// Review: the dashboard of past sessions (filters, sort, pages) and one session's page
// (questions with final answers and scores, the editor replay, the timeline, exports).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ChangeSet, Text } from '@codemirror/state';
import { api, ApiError, recommendationLabel as recLabel, RECOMMENDATIONS, review, RUBRIC, sessions, type ReviewRow, type StaffRole, type Transcript } from '../api';
import { Prompt } from '../markdown';
import { navigate } from '../router';
import { DeleteSession } from './DeleteSession';
import { HighlightedCode } from '../highlight';
import { PastTheEnd } from '../pager';
import { focusElement, useTitle } from '../a11y';

const FILTERS = ['candidate', 'interviewer', 'topic', 'difficulty', 'recommendation', 'from', 'to', 'sort', 'order', 'page'] as const;
/** The filters that leave sessions out (sorting and paging do not). */
const NARROWING = FILTERS.filter(f => f !== 'sort' && f !== 'order' && f !== 'page');

function withParam(query: URLSearchParams, name: string, value: string | null) {
  const next = new URLSearchParams(query);
  if (value) next.set(name, value); else next.delete(name);
  if (name !== 'page') next.delete('page');
  const s = next.toString();
  return '/review' + (s ? '?' + s : '');
}

/** A session's length: to the minute, or in seconds under one (a session of 40 s is not "1 min" nor "0 min"). */
const minutes = (s: number | null) => (s == null ? '—' : s < 60 ? `${s} s` : `${Math.round(s / 60)} min`);

export function ReviewListPage({ query }: { query: URLSearchParams }) {
  const [page, setPage] = useState<{ items: ReviewRow[]; total: number; page: number; pageSize: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [topics, setTopics] = useState<string[]>([]);
  const key = FILTERS.map(f => query.get(f) ?? '').join('|');
  useTitle('Review');
  // Previous or Next went away under the keyboard (first or last page): focus the other one.
  const pagerMoved = useRef(false);
  useEffect(() => {
    if (!pagerMoved.current || !page) return;
    pagerMoved.current = false;
    const el = document.activeElement;
    if (el && el !== document.body && !el.matches(':disabled')) return;
    focusElement(document.querySelector('.pager button:not([disabled])') ?? document.querySelector('main h1'));
  }, [page]);
  useEffect(() => { api.topics().then(t => setTopics(t.topics.map(x => x.topic))).catch(() => setTopics([])); }, []);
  useEffect(() => {
    const params = new URLSearchParams();
    FILTERS.forEach(f => { const v = query.get(f); if (v) params.set(f, v); });
    // From and To are days of the calendar the table's dates are shown in: the browser's.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if ((params.has('from') || params.has('to')) && zone) params.set('tz', zone);
    setError(null);
    let live = true; // the answer for filters changed since (a slow one) must not replace this one's
    review.list(params)
      .then(p => { if (live) setPage(p); })
      .catch(e => { if (live) { setPage(null); setError(e instanceof ApiError ? e.message : 'Could not load sessions.'); } });
    return () => { live = false; };
  }, [key]);
  const text = (name: string, label: string, type = 'search') => (
    <FilterInput key={name} label={label} type={type} value={query.get(name) ?? ''} onValue={v => navigate(withParam(query, name, v || null), true)} />
  );
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <label>{label}<select aria-label={label} value={query.get(name) ?? ''} onChange={e => navigate(withParam(query, name, (e.target as HTMLSelectElement).value || null))}>
      <option value="">Any</option>{options.map(o => <option value={o.value}>{o.label}</option>)}
    </select></label>
  );
  const current = page?.page ?? 1;
  return (
    <section class="panel">
      <div class="row"><h1>Review</h1>{page && page.total > 0 && <a class="button" href="/api/review/scores.csv" download>Export scores (CSV)</a>}</div>
      <form class="review-filters" onSubmit={e => e.preventDefault()}>
        {text('candidate', 'Candidate')}
        {text('interviewer', 'Interviewer')}
        {select('topic', 'Topic', topics.map(t => ({ value: t, label: t })))}
        {select('difficulty', 'Difficulty', ['beginner', 'intermediate', 'advanced'].map(d => ({ value: d, label: d })))}
        {select('recommendation', 'Recommendation', RECOMMENDATIONS)}
        {text('from', 'From', 'date')}
        {text('to', 'To', 'date')}
        <label>Sort<select value={`${query.get('sort') ?? 'date'}:${query.get('order') ?? ''}`} onChange={e => {
          const [sort, order] = (e.target as HTMLSelectElement).value.split(':');
          const q = new URLSearchParams(query);
          q.set('sort', sort);
          if (order) q.set('order', order); else q.delete('order');
          navigate(withParam(q, 'page', null));
        }}>
          <option value="date:">Newest first</option><option value="date:asc">Oldest first</option>
          <option value="candidate:asc">Candidate A–Z</option><option value="score:desc">Highest score</option>
          <option value="score:asc">Lowest score</option><option value="duration:desc">Longest</option>
        </select></label>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {page && page.total === 0 && (NARROWING.some(f => query.get(f))
        ? <p class="muted">No sessions match these filters.</p>
        : <p class="muted">No sessions yet. Every session of your organisation is listed here — with its transcript, scores and exports — from the moment it is created.</p>)}
      {page && page.total > 0 && (
        <>
          <p class="count" aria-live="polite">{page.total} session{page.total === 1 ? '' : 's'}</p>
          {page.items.length === 0 && <PastTheEnd page={current} pages={Math.ceil(page.total / page.pageSize)} what="sessions"
            onLast={() => navigate(withParam(query, 'page', String(Math.ceil(page.total / page.pageSize))))} />}
          <div class="table-scroll">
          <table class="sessions review">
            <caption class="sr-only">Sessions to review</caption>
            <thead><tr><th>Candidate</th><th>Session</th><th>Interviewers</th><th>Date</th><th>Duration</th><th>Scores <span class="th-note">per question, of 4</span></th><th>Recommendation</th></tr></thead>
            <tbody>
              {page.items.map(s => (
                <tr key={s.id}>
                  <th scope="row"><a href={`/review/${s.id}`}>{s.candidateName}</a></th>
                  <td>{s.title}</td>
                  <td>{s.interviewers.join(', ')}</td>
                  <td>{new Date(s.createdAt).toLocaleDateString()}</td>
                  <td>{s.status === 'ended' ? minutes(s.durationSeconds) : <span class={`status ${s.status}`}>{s.status === 'live' ? 'Live now' : 'Not started'}</span>}</td>
                  <td class="scores">{s.questions.map((q, i) => <span class="score-chip" title={q.prompt}><span class="sr-only">Question {i + 1}: </span>
                    {q.averageRubric == null ? <><span aria-hidden="true">–</span><span class="sr-only">no score</span></> : q.averageRubric.toFixed(1)}</span>)}</td>
                  <td>{s.recommendations.filter(r => r.submitted).map(r => <span class={`rec ${r.recommendation}`}>{recLabel(r.recommendation)}</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <nav class="pager" aria-label="Pages">
            <button type="button" disabled={current <= 1} onClick={() => { pagerMoved.current = true; navigate(withParam(query, 'page', String(current - 1))); }}>Previous</button>
            <button type="button" disabled={current * page.pageSize >= page.total} onClick={() => { pagerMoved.current = true; navigate(withParam(query, 'page', String(current + 1))); }}>Next</button>
          </nav>
        </>
      )}
    </section>
  );
}

/** A text filter that applies itself a moment after typing stops (and at once for dates). */
function FilterInput({ label, type, value, onValue }: { label: string; type: string; value: string; onValue: (v: string) => void }) {
  const [v, setV] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => setV(value), [value]);
  return (
    <label>{label}<input aria-label={label} type={type} value={v} onInput={e => {
      const next = (e.target as HTMLInputElement).value;
      setV(next);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => onValue(next.trim()), type === 'date' ? 0 : 300);
    }} /></label>
  );
}

export function ReviewSessionPage({ id }: { id: string }) {
  const [t, setT] = useState<Transcript | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { review.transcript(id).then(setT).catch(e => setError(e instanceof ApiError ? e.message : 'Could not load the session.')); }, [id]);
  // Delete is offered to the session's interviewers only (anyone else would get a 403); the
  // transcript, which is also the JSON export, does not say who reads it.
  const [yourRole, setYourRole] = useState<StaffRole | null>(null);
  useEffect(() => { sessions.get(id).then(d => setYourRole(d.yourRole)).catch(() => setYourRole(null)); }, [id]);
  useTitle(t ? `${t.session.candidateName} · ${t.session.title} · Review` : error ? 'Session not available · Review' : null);
  if (error) return <section class="panel narrow"><h1>Session not available</h1><p class="error" role="alert">{error}</p><p><a href="/review">Back to Review</a></p></section>;
  if (!t) return <p class="muted">Loading…</p>;
  const s = t.session;
  return (
    <div class="review-session">
      <section class="panel">
        <div class="row">
          <div>
            <h1>{s.candidateName} · {s.title}</h1>
            {s.candidateEmail && <p><a href={`/review/candidate?email=${encodeURIComponent(s.candidateEmail)}`}>All sessions of {s.candidateName}</a></p>}
            <p class="muted">{s.startedAt ? new Date(s.startedAt).toLocaleString() : 'Not started'} · {minutes(s.durationSeconds)} ·
              {' '}{t.participants.filter(p => p.role !== 'candidate').map(p => p.name).join(', ')}</p>
          </div>
          <span class="exports">
            <a class="button" href={`/api/review/sessions/${s.id}/export.md`} download>Markdown</a>
            <a class="button" href={`/api/review/sessions/${s.id}/export.json`} download>JSON</a>
            {yourRole === 'interviewer' && <DeleteSession session={s} then="/" />}
          </span>
        </div>
        {!s.scoresOpen && <p class="muted" role="note">Scores and recommendations are shown once every interviewer who scored has submitted, or the session has ended.</p>}
        {t.recommendations.length > 0 && (
          <ul class="recs">{t.recommendations.map(r => <li><strong>{r.name}</strong>: <span class={`rec ${r.recommendation}`}>{recLabel(r.recommendation)}</span>{r.submitted ? '' : ' (draft)'} {r.summary}</li>)}</ul>
        )}
      </section>
      <Replay t={t} />
      <section class="panel">
        <h2>Questions</h2>
        {t.questions.map((q, i) => (
          <article class="reviewed-question" key={q.questionId}>
            <h3>{i + 1}. <Prompt text={q.prompt} /></h3>
            <p class="muted">{q.topic} · {q.difficulty} · {spent(q.secondsSpent)}</p>
            {q.finalAnswer ? <HighlightedCode code={q.finalAnswer} language="python" /> : <p class="no-answer">No answer</p>}
            <ul class="given-scores">
              {t.scores.filter(sc => sc.questionId === q.questionId).map(sc => (
                <li><strong>{sc.name}</strong>: {sc.rubric ? `${sc.rubric}/4 ${RUBRIC[sc.rubric - 1].label}` : 'no score'}
                  {sc.keyPoints.length > 0 && <> — {sc.keyPoints.map(k => q.keyPoints[k]).filter(Boolean).join('; ')}</>}</li>
              ))}
            </ul>
            <Remarks remarks={t.remarks.filter(r => r.questionId === q.questionId)} heading="Notes and hints" />
          </article>
        ))}
        <Remarks remarks={t.remarks.filter(r => r.questionId === null)} heading="Notes outside any question" />
      </section>
      <section class="panel">
        <h2>Timeline</h2>
        <ol class="timeline">
          {shownTimeline(t.timeline).map(({ e, saves }) => <li key={e.seq}><time>{new Date(e.at).toLocaleTimeString()}</time> {describe(e, t.questions)}{saves > 1 ? ` (saved ${saves} times)` : ''}</li>)}
        </ol>
      </section>
    </div>
  );
}

type TimelineEntry = Transcript['timeline'][number];
const isDraft = (e: TimelineEntry) => e.type === 'recommendation' && !e.details.submitted;

/** The timeline as shown: a run of one person's recommendation drafts (saved as they type the summary) is one line, at its last. */
function shownTimeline(timeline: TimelineEntry[]): { e: TimelineEntry; saves: number }[] {
  const out: { e: TimelineEntry; saves: number }[] = [];
  for (const e of timeline) {
    const last = out[out.length - 1];
    if (last && isDraft(e) && isDraft(last.e) && last.e.participantId === e.participantId) out[out.length - 1] = { e, saves: last.saves + 1 };
    else out.push({ e, saves: 1 });
  }
  return out;
}

/** Time spent on a question: "42 s", "3 min", "3 min 5 s". */
function spent(seconds: number) {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
}

/** The notes and hints written about one question (or about none), under their question's scores. */
function Remarks({ remarks, heading }: { remarks: Transcript['remarks']; heading: string }) {
  if (!remarks.length) return null;
  return (
    <>
      <h4 class="remarks-heading">{heading}</h4>
      <ul class="remarks">
        {remarks.map(r => (
          <li key={`${r.at}-${r.participantId}-${r.text}`}><span class={`remark-kind remark-${r.kind}`}>{r.kind === 'hint' ? 'Hint' : 'Note'}</span>{' '}
            <strong>{r.name}</strong> <time class="muted">{new Date(r.at).toLocaleTimeString()}</time>: {r.text}</li>
        ))}
      </ul>
    </>
  );
}

/** A score in the timeline: which question (numbered as in the list above), the rubric, how many key points. */
function scored(details: any, questions: Transcript['questions']) {
  const n = questions.findIndex(q => q.questionId === details.questionId);
  const rubric = details.rubric ? `${details.rubric}/4 ${RUBRIC[details.rubric - 1]?.label ?? ''}`.trim() : 'no rubric score';
  const ticked = details.keyPoints?.length ?? 0;
  return `${n >= 0 ? `question ${n + 1}` : 'a question'}: ${rubric}${ticked ? `, ${ticked} key point${ticked === 1 ? '' : 's'}` : ''}`;
}

function describe(e: Transcript['timeline'][number], questions: Transcript['questions']) {
  const who = e.participantName ?? '';
  switch (e.type) {
    case 'joined': return `${who} joined as ${e.details.role}`;
    case 'presence': return e.details.state === 'left' ? `${who} left` : e.details.state === 'online' ? `${who} is back online` : `${who} is ${e.details.state}`;
    case 'role': return `${who} is now ${e.details.role}`;
    case 'started': return 'Session started';
    case 'question_pushed': return `Question: ${e.details.prompt}`;
    case 'chat': return `${who}: ${e.details.text}`;
    case 'note': return `Note by ${who}: ${e.details.text}`;
    case 'hint': return `Hint by ${who}: ${e.details.text}`;
    case 'score': return `${who} scored ${scored(e.details, questions)}`;
    case 'recommendation': return `${who} ${e.details.submitted ? 'submitted' : 'drafted'} a recommendation${e.details.recommendation ? ` (${recLabel(e.details.recommendation)})` : ''}`;
    case 'ended': return 'Session ended';
    default: return e.type;
  }
}

/** The editor replay: the answer document at any moment, rebuilt from the stored edits. */
function Replay({ t }: { t: Transcript }) {
  // Numbered as in the question list; only answers with edits can be replayed.
  const docs = t.questions.map((q, i) => ({ q, n: i + 1 })).filter(({ q }) => (t.replay[q.doc]?.length ?? 0) > 0);
  const [doc, setDoc] = useState(docs[0]?.q.doc ?? '');
  if (!docs.length) return null;
  return (
    <section class="panel replay" aria-label="Editor replay">
      <div class="row">
        <h2>Editor replay</h2>
        <select aria-label="Answer to replay" value={doc} onChange={e => setDoc((e.target as HTMLSelectElement).value)}>
          {docs.map(({ q, n }) => <option value={q.doc}>{n}. {q.prompt}</option>)}
        </select>
      </div>
      {/* Keyed by the document: another answer starts a fresh replay at its own end, never at a position past it. */}
      <ReplayOf key={doc} edits={t.replay[doc] ?? []} />
    </section>
  );
}

function ReplayOf({ edits }: { edits: Transcript['replay'][string] }) {
  const [version, setVersion] = useState(edits.length);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  const timer = useRef<number | undefined>(undefined);
  // Texts at every version, computed once per document.
  const texts = useMemo(() => {
    const out = [Text.empty];
    let text = Text.empty;
    for (const e of edits) { text = ChangeSet.fromJSON(e.changes).apply(text); out.push(text); }
    return out.map(x => x.toString());
  }, [edits]);
  useEffect(() => {
    window.clearTimeout(timer.current);
    if (!playing) return;
    if (version >= edits.length) { setPlaying(false); return; }
    const gap = version > 0 ? Date.parse(edits[version].at) - Date.parse(edits[version - 1].at) : 0;
    timer.current = window.setTimeout(() => setVersion(v => v + 1), Math.min(1500, Math.max(20, gap)) / speed);
    return () => window.clearTimeout(timer.current);
  }, [playing, version, speed]);
  const at = version > 0 ? new Date(edits[version - 1].at).toLocaleTimeString() : 'start';
  return (
    <>
      <div class="replay-controls">
        <button type="button" onClick={() => { if (version >= edits.length) setVersion(0); setPlaying(!playing); }}>{playing ? 'Pause' : 'Play'}</button>
        <input type="range" min={0} max={edits.length} value={version} aria-label="Replay position" aria-valuetext={`edit ${version} of ${edits.length}, ${at}`}
               onInput={e => { setPlaying(false); setVersion(Number((e.target as HTMLInputElement).value)); }} />
        <span class="replay-at" aria-live="polite">{version}/{edits.length} · {at}</span>
        <label class="speed">Speed<select value={speed} onChange={e => setSpeed(Number((e.target as HTMLSelectElement).value))}>
          {[1, 2, 4, 8, 16].map(x => <option value={x}>{x}×</option>)}
        </select></label>
      </div>
      <pre class="replay-text"><code>{texts[version]}</code></pre>
    </>
  );
}
