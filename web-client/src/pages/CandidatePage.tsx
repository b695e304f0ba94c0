// One candidate's history: every session, their score per topic over time, and the questions
// they have already been asked.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, candidates, recommendationLabel, type CandidateHistory } from '../api';
import { Prompt } from '../markdown';
import { useTitle } from '../a11y';
import { EraseCandidate } from './DeleteSession';

const COLOURS = 6;

export function CandidatePage({ email }: { email: string }) {
  const [h, setH] = useState<CandidateHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { candidates.history(email).then(setH).catch(e => setError(e instanceof ApiError ? e.message : 'Could not load the history.')); }, [email]);
  useTitle(`${h?.sessions[0]?.candidateName ?? email} · Review`);
  if (error) return <section class="panel narrow"><p class="error" role="alert">{error}</p></section>;
  if (!h) return <p class="muted">Loading…</p>;
  return (
    <div class="review-session">
      <section class="panel">
        <h1>{h.sessions[0]?.candidateName ?? email}</h1>
        <p class="muted">{email} · {h.sessions.length} session{h.sessions.length === 1 ? '' : 's'}</p>
        <ul>{h.sessions.map(s => <li><a href={`/review/${s.id}`}>{s.title}</a> — {new Date(s.createdAt).toLocaleDateString()}
          {s.recommendations.filter(r => r.submitted).map(r => <span class={`rec ${r.recommendation}`}> {r.name}: {recommendationLabel(r.recommendation)}</span>)}</li>)}</ul>
        {h.mayErase && h.sessions.length > 0
          && <p class="actions"><EraseCandidate email={email} name={h.sessions[0].candidateName} sessions={h.sessions.length} /></p>}
      </section>
      <TopicChart points={h.topicScores} />
      <section class="panel">
        <h2>Questions already asked</h2>
        {h.seen.length === 0 ? <p class="muted">None yet.</p> : (
          <ul>{h.seen.map(q => <li><Prompt text={q.prompt} /> <span class="muted">· {q.topic} · {new Date(q.askedAt).toLocaleDateString()}</span></li>)}</ul>
        )}
      </section>
    </div>
  );
}

/** Score per topic over sessions, as an SVG line chart (no inline styles, colours by class). */
function TopicChart({ points }: { points: CandidateHistory['topicScores'] }) {
  if (points.length === 0) return <section class="panel"><h2>Scores by topic</h2><p class="muted">No scores yet.</p></section>;
  const sessions = [...new Map(points.map(p => [p.sessionId, p.date])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const topics = [...new Set(points.map(p => p.topic))];
  const W = 640, H = 220, P = 32;
  const x = (i: number) => P + (sessions.length === 1 ? (W - 2 * P) / 2 : (i * (W - 2 * P)) / (sessions.length - 1));
  const y = (score: number) => H - P - ((score - 1) / 3) * (H - 2 * P);
  return (
    <section class="panel">
      <h2>Scores by topic</h2>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Average rubric score per topic, per session">
        {[1, 2, 3, 4].map(s => <g><line class="grid" x1={P} x2={W - P} y1={y(s)} y2={y(s)} /><text class="axis" x={8} y={y(s) + 4}>{s}</text></g>)}
        {topics.map((t, ti) => {
          const pts = sessions.map(([id], i) => { const p = points.find(q => q.sessionId === id && q.topic === t); return p ? [x(i), y(p.averageRubric)] : null; })
            .filter((p): p is number[] => p !== null);
          return (
            <g class={`series s${ti % COLOURS}`}>
              <polyline points={pts.map(p => p.join(',')).join(' ')} />
              {pts.map(p => <circle cx={p[0]} cy={p[1]} r={4} />)}
            </g>
          );
        })}
      </svg>
      <ul class="legend">{topics.map((t, ti) => <li class={`s${ti % COLOURS}`}>{t}</li>)}</ul>
      {/* The chart's numbers, for a screen reader (the picture is only its summary) and for anyone who wants them exact. */}
      <details class="chart-data">
        <summary>The scores as a table</summary>
        <div class="table-scroll">
          <table class="sessions">
            <caption class="sr-only">Average rubric score (1–4) per topic, per session</caption>
            <thead><tr><th scope="col">Session</th>{topics.map(t => <th scope="col">{t}</th>)}</tr></thead>
            <tbody>
              {sessions.map(([id, date]) => (
                <tr key={id}>
                  <th scope="row">{new Date(date).toLocaleDateString()}</th>
                  {topics.map(t => { const p = points.find(q => q.sessionId === id && q.topic === t); return <td>{p ? p.averageRubric.toFixed(1) : '—'}</td>; })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
