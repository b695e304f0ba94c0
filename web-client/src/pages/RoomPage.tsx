// The live room, for staff (/rooms/:id, signed in) and for the candidate (/join/:token).
// Candidates see the prompt only; staff also see the answer key, key points, plan and notes.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, sessions, type QuestionSummary } from '../api';
import { RoomConnection, type Status } from '../room/connection';
import { SharedEditors } from '../room/editors';
import type { ChatLine, NoteLine, Participant, PlanItem, Question, ScoringView, ServerMessage } from '../room/protocol';
import { RECOMMENDATIONS, RUBRIC } from '../api';
import { Markdown, Inline, Prompt } from '../markdown';
import { goToLogin } from './SessionsPage';

interface RoomState {
  you: Participant | null;
  title: string;
  status: string;
  participants: Participant[];
  plan: PlanItem[];
  planSize: number;
  current: Question | null;
  chat: ChatLine[];
  notes: NoteLine[];
  paused: boolean;
  error: string | null;
  scoring: ScoringView | null;
}

const initial: RoomState = { you: null, title: '', status: 'scheduled', participants: [], plan: [], planSize: 0, current: null, chat: [], notes: [], paused: false, error: null, scoring: null };

export function CandidateJoinPage({ token }: { token: string }) {
  const [info, setInfo] = useState<{ title: string; candidateName: string; organisationName: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(sessionStorage.getItem(`mockroom:name:${token}`));
  const [typed, setTyped] = useState('');
  useEffect(() => {
    sessions.join(token).then(i => { setInfo(i); setTyped(i.candidateName); }).catch(e => setProblem(e instanceof ApiError ? e.message : 'This link cannot be opened right now.'));
  }, [token]);
  if (problem) return <Notice title="This link does not open a room" text={problem} />;
  if (!info) return <Notice title="Opening the room…" text="" />;
  if (!name) {
    return (
      <section class="panel narrow">
        <h1>{info.title}</h1>
        <p class="muted">{info.organisationName} invited you to a live interview.</p>
        <form onSubmit={e => {
          e.preventDefault();
          const n = typed.trim();
          if (!n) return;
          sessionStorage.setItem(`mockroom:name:${token}`, n);
          setName(n);
        }}>
          <label>Your name<input name="name" required maxLength={60} autocomplete="name" value={typed} onInput={e => setTyped((e.target as HTMLInputElement).value)} /></label>
          <button class="primary" type="submit">Join the room</button>
        </form>
      </section>
    );
  }
  return <Room path={`/ws/join/${token}`} storageKey={`mockroom:participant:${token}`} name={name} />;
}

export function StaffRoomPage({ id }: { id: string }) {
  return <Room path={`/ws/rooms/${id}`} storageKey={`mockroom:participant:${id}`} />;
}

function Notice({ title, text }: { title: string; text: string }) {
  return <section class="panel narrow notice"><h1>{title}</h1>{text && <p>{text}</p>}</section>;
}

function Room({ path, storageKey, name }: { path: string; storageKey: string; name?: string }) {
  const [room, setRoom] = useState<RoomState>(initial);
  const [status, setStatus] = useState<Status>('connecting');
  const [, tick] = useState(0);
  const editorEl = useRef<HTMLDivElement>(null);
  const stateRef = useRef(room);
  stateRef.current = room;
  const conn = useRef<RoomConnection | null>(null);
  const editors = useRef<SharedEditors | null>(null);

  useEffect(() => {
    let editorsCreated: SharedEditors | null = null;
    const c = new RoomConnection(
      path,
      () => ({ participantId: sessionStorage.getItem(storageKey) ?? undefined, name, lastSeq: 0, docs: editorsCreated?.versions() ?? {} }),
      m => handle(m),
      s => {
        setStatus(s);
        if (s === 'reconnecting') editorsCreated?.resetPushes();
      },
      async () => {
        // Would the server refuse this socket? A signed-out interviewer goes to the login page; a
        // dead link or a room you may not enter is refused; no answer means "not yet": keep trying.
        const url = path.startsWith('/ws/join/') ? `/api/join/${path.slice('/ws/join/'.length)}`
          : `/api/sessions/${path.slice('/ws/rooms/'.length)}`;
        try {
          const r = await fetch(url);
          if (r.status === 401 && path.startsWith('/ws/rooms/')) { goToLogin(); return true; }
          return r.status === 401 || r.status === 403 || r.status === 404 || r.status === 410;
        } catch {
          return false;
        }
      },
    );
    conn.current = c;
    const handle = (m: ServerMessage) => {
      const ed = () => {
        if (!editorsCreated && editorEl.current) {
          const role = m.type === 'welcome' ? m.you.role : stateRef.current.you?.role;
          editorsCreated = new SharedEditors(editorEl.current, msg => c.send(msg), role !== 'observer', () => tick(t => t + 1));
          editors.current = editorsCreated;
        }
        return editorsCreated;
      };
      switch (m.type) {
        case 'welcome': {
          sessionStorage.setItem(storageKey, m.you.id);
          const e = ed();
          Object.entries(m.docs).forEach(([doc, view]) => e?.load(doc, view));
          if (m.current) e?.show(m.current.doc);
          setRoom({ you: m.you, title: m.session.title, status: m.session.status, participants: m.participants, plan: m.plan ?? [],
            planSize: m.planSize, current: m.current, chat: m.chat, notes: m.notes ?? [], paused: m.saving === 'paused', error: null, scoring: m.scoring ?? null });
          break;
        }
        case 'presence':
          setRoom(r => ({ ...r, participants: upsert(r.participants, m.participant) }));
          if (m.participant.presence === 'left') editorsCreated?.forgetParticipant(m.participant.id);
          break;
        case 'started': setRoom(r => ({ ...r, status: 'live' })); break;
        case 'question': ed()?.show(m.question.doc); setRoom(r => ({ ...r, current: m.question })); break;
        case 'updates': ed()?.receive(m.doc, m.updates); break;
        case 'cursor': editorsCreated?.remoteCursor(m.doc, { id: m.participantId, name: m.name, anchor: m.anchor, head: m.head }); break;
        case 'chat': setRoom(r => ({ ...r, chat: [...r.chat, m.chat] })); break;
        case 'note': setRoom(r => ({ ...r, notes: [...r.notes, m.note] })); break;
        case 'scoring': setRoom(r => ({ ...r, scoring: m.scoring })); break;
        case 'ended': setRoom(r => ({ ...r, status: 'ended' })); break;
        case 'saving': setRoom(r => ({ ...r, paused: m.state === 'paused' })); break;
        case 'error':
          if (m.code === 'stale_push' || m.code === 'saving_paused') {
            if (stateRef.current.current) editorsCreated?.stale(stateRef.current.current.doc);
          } else {
            setRoom(r => ({ ...r, error: m.message }));
          }
          break;
      }
    };
    c.open();
    // For the browser tests: simulate a network drop, and see how many reconnects have failed.
    (window as any).mockroomRoom = { drop: () => c.drop(), failedAttempts: () => c.failedAttempts };
    return () => c.close();
  }, [path]);

  const you = room.you;
  const staff = you && you.role !== 'candidate';
  const interviewer = you?.role === 'interviewer';
  const unsaved = editors.current?.unsaved() ?? 0;
  const saveState = status === 'reconnecting' ? 'Reconnecting…' : room.paused ? 'Saving paused' : unsaved > 0 ? 'Saving…' : 'All saved';

  if (status === 'refused') return <Notice title="You cannot join this room" text="The link is not valid, the session has ended, or you are not invited. Ask the interviewer for a new link." />;
  if (room.status === 'ended') return <Notice title="This session has ended" text="Thank you! The interviewer has closed the room; you can close this tab." />;

  const waiting = you && !staff && room.status === 'scheduled';
  return (
    <div class="room">
      <header class="room-bar">
        <h1>{room.title || 'Connecting…'}</h1>
        {room.current && <Timer question={room.current} />}
        <span class={`save-state ${saveState === 'All saved' ? 'ok' : 'busy'}`} role="status" aria-live="polite">{status === 'connecting' ? 'Connecting…' : saveState}</span>
        <ul class="presence" aria-label="Participants">
          {room.participants.filter(p => p.presence !== 'left').map(p => (
            <li key={p.id} class={`who ${p.presence}`} title={`${p.role}, ${p.presence}`}>{p.name}{p.id === you?.id ? ' (you)' : ''}<span class="role"> · {p.role}</span></li>
          ))}
        </ul>
        {interviewer && room.status === 'scheduled' && <button class="primary" onClick={() => conn.current?.send({ type: 'start' })}>Start session</button>}
        {interviewer && room.status === 'live' && <button class="danger" onClick={() => { if (confirm('End the session for everyone?')) conn.current?.send({ type: 'end' }); }}>End session</button>}
      </header>
      {room.error && <p class="error" role="alert">{room.error}</p>}
      <div class={`room-body ${staff ? 'staff' : 'candidate'}`}>
        <section class="panel question-panel" aria-label="Question">
          {waiting && <div class="waiting"><h2>Waiting for the interviewer to start</h2><p class="muted">You are in the room. The first question appears here when the session starts.</p></div>}
          {!waiting && !room.current && <p class="muted">{staff ? 'Push a question from the plan when you are ready.' : 'The interviewer will show the first question in a moment.'}</p>}
          {room.current && (
            <>
              <p class="muted">{room.current.planIndex != null ? `Question ${room.current.planIndex + 1} of ${room.current.planSize}` : 'Extra question'}</p>
              <h2 class="current-prompt"><Prompt text={room.current.prompt} /></h2>
              {staff && room.current.answer !== undefined && (
                <details class="answer-key" open>
                  <summary>Answer key</summary>
                  <h3>Key points</h3>
                  <ul class="key-points">{room.current.keyPoints?.map(k => <li><Inline text={k} /></li>)}</ul>
                  <Markdown source={room.current.answer} />
                </details>
              )}
            </>
          )}
          {staff && room.current && you && <ScoreBox question={room.current} scoring={room.scoring} you={you.id} send={m => conn.current?.send(m)} />}
          {interviewer && <Plan plan={room.plan} current={room.current} push={i => conn.current?.send({ type: 'push_question', planIndex: i })} pushAny={id => conn.current?.send({ type: 'push_question', questionId: id })} />}
        </section>
        <section class="panel editor-panel" aria-label="Answer">
          <div ref={editorEl} class={`editor ${room.current ? '' : 'hidden'}`} />
          {!room.current && <p class="muted">The shared answer editor opens with the first question.</p>}
        </section>
        <aside class="panel side">
          <Chat lines={room.chat} send={t => conn.current?.send({ type: 'chat', text: t })} />
          {staff && <Notes notes={room.notes} send={t => conn.current?.send({ type: 'note', text: t })} />}
          {staff && you && <Recommend scoring={room.scoring} you={you.id} send={m => conn.current?.send(m)} />}
          {interviewer && path.startsWith('/ws/rooms/') && <InviteToSession sessionId={path.slice('/ws/rooms/'.length)} />}
        </aside>
      </div>
    </div>
  );
}

function upsert(list: Participant[], p: Participant) {
  const i = list.findIndex(x => x.id === p.id);
  if (i < 0) return [...list, p];
  const next = [...list];
  next[i] = p;
  return next;
}

function Timer({ question }: { question: Question }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => { const t = window.setInterval(() => setNow(Date.now()), 1000); return () => window.clearInterval(t); }, []);
  const started = Date.parse(question.startedAt);
  const elapsed = Math.max(0, Math.floor((now - started) / 1000));
  const fmt = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  if (!question.minutes) return <span class="timer" aria-label="Time on this question">{fmt(elapsed)}</span>;
  const left = question.minutes * 60 - elapsed;
  return <span class={`timer ${left < 0 ? 'over' : left < 60 ? 'soon' : ''}`} aria-label="Time left">{left >= 0 ? fmt(left) : `+${fmt(-left)}`}</span>;
}

function Plan({ plan, current, push, pushAny }: { plan: PlanItem[]; current: Question | null; push: (i: number) => void; pushAny: (id: string) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<QuestionSummary[]>([]);
  useEffect(() => {
    if (!q.trim()) { setFound([]); return; }
    const t = window.setTimeout(() => api.questions(new URLSearchParams({ q: q.trim(), pageSize: '5' })).then(p => setFound(p.items)).catch(() => setFound([])), 200);
    return () => window.clearTimeout(t);
  }, [q]);
  const next = current?.planIndex != null ? current.planIndex + 1 : 0;
  return (
    <div class="plan-box">
      <div class="row">
        <h3>Plan</h3>
        {next < plan.length && <button class="primary" onClick={() => push(next)}>Push next question</button>}
      </div>
      <ol class="plan">
        {plan.map(p => (
          <li key={p.index} class={current?.planIndex === p.index ? 'current' : ''}>
            <span class="prompt"><Prompt text={p.prompt} /></span>
            <button onClick={() => push(p.index)} aria-label={`Push question ${p.index + 1}`}>Push</button>
          </li>
        ))}
      </ol>
      <input type="search" placeholder="Push any bank question…" aria-label="Search any bank question" value={q} onInput={e => setQ((e.target as HTMLInputElement).value)} />
      <ul class="picker">{found.map(f => <li key={f.id}><button class="link" onClick={() => { pushAny(f.id); setQ(''); }}><Prompt text={f.prompt} /></button></li>)}</ul>
    </div>
  );
}

function Chat({ lines, send }: { lines: ChatLine[]; send: (text: string) => void }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => { list.current?.scrollTo({ top: list.current.scrollHeight }); }, [lines.length]);
  return (
    <div class="chat">
      <h3>Chat</h3>
      <ol ref={list} class="chat-lines" aria-live="polite">
        {lines.map(l => <li key={l.id}><span class="who">{l.name}</span> <span class="text">{l.text}</span></li>)}
      </ol>
      <form onSubmit={e => { e.preventDefault(); const i = e.currentTarget.elements.namedItem('chat') as HTMLInputElement; if (i.value.trim()) { send(i.value); i.value = ''; } }}>
        <input name="chat" aria-label="Chat message" placeholder="Message" maxLength={2000} autocomplete="off" />
      </form>
    </div>
  );
}

function Notes({ notes, send }: { notes: NoteLine[]; send: (text: string) => void }) {
  return (
    <div class="notes">
      <h3>Private notes</h3>
      <ol class="note-lines">{notes.map(n => <li key={n.id}><time>{new Date(n.at).toLocaleTimeString()}</time> <span class="text">{n.text}</span></li>)}</ol>
      <form onSubmit={e => { e.preventDefault(); const i = e.currentTarget.elements.namedItem('note') as HTMLTextAreaElement; if (i.value.trim()) { send(i.value); i.value = ''; } }}>
        <textarea name="note" aria-label="Private note" placeholder="Only interviewers see notes" maxLength={10000} rows={2}
          onKeyDown={e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) (e.currentTarget.form as HTMLFormElement).requestSubmit(); }} />
        <button type="submit">Add note</button>
      </form>
    </div>
  );
}


function ScoreBox({ question, scoring, you, send }: { question: Question; scoring: ScoringView | null; you: string; send: (m: object) => void }) {
  const mine = scoring?.scores.find(s => s.participantId === you && s.questionId === question.questionId);
  const others = scoring?.revealed ? scoring.scores.filter(s => s.participantId !== you && s.questionId === question.questionId) : [];
  const [hint, setHint] = useState('');
  const rubric = mine?.rubric ?? null;
  const ticked = mine?.keyPoints ?? [];
  const save = (r: number | null, k: number[]) => send({ type: 'score', questionId: question.questionId, rubric: r, keyPoints: k });
  return (
    <div class="scoring-box">
      <h3>Your score</h3>
      <div class="rubric" role="group" aria-label="Rubric score">
        {RUBRIC.map(r => (
          <button type="button" aria-pressed={rubric === r.score} title={r.anchor} onClick={() => save(rubric === r.score ? null : r.score, ticked)}>
            {r.score} · {r.label}
          </button>
        ))}
      </div>
      {rubric && <p class="hint">{RUBRIC[rubric - 1].anchor}</p>}
      <ul class="key-point-ticks">
        {(question.keyPoints ?? []).map((k, i) => (
          <li><label><input type="checkbox" checked={ticked.includes(i)}
            onChange={e => save(rubric, (e.target as HTMLInputElement).checked ? [...ticked, i] : ticked.filter(x => x !== i))} /> <Inline text={k} /></label></li>
        ))}
      </ul>
      <form class="row" onSubmit={e => { e.preventDefault(); if (hint.trim()) { send({ type: 'hint', questionId: question.questionId, text: hint }); setHint(''); } }}>
        <input aria-label="Hint given" placeholder="Log a hint you gave" value={hint} onInput={e => setHint((e.target as HTMLInputElement).value)} maxLength={10000} />
        <button type="submit">Log hint</button>
      </form>
      {scoring && scoring.hints.filter(h => h.questionId === question.questionId).length > 0 && (
        <ul class="hints">{scoring.hints.filter(h => h.questionId === question.questionId).map(h => <li key={h.id}><time>{new Date(h.at).toLocaleTimeString()}</time> {h.text}</li>)}</ul>
      )}
      {others.length > 0 && <ul class="others">{others.map(o => <li><strong>{o.name}</strong>: {o.rubric ?? '—'}/4</li>)}</ul>}
    </div>
  );
}

function Recommend({ scoring, you, send }: { scoring: ScoringView | null; you: string; send: (m: object) => void }) {
  const mine = scoring?.recommendations.find(r => r.participantId === you);
  const [choice, setChoice] = useState<string>(mine?.recommendation ?? '');
  const [summary, setSummary] = useState<string>(mine?.summary ?? '');
  useEffect(() => { if (mine) { setChoice(mine.recommendation ?? ''); setSummary(mine.summary); } }, [mine?.at]);
  const submitted = mine?.submitted ?? false;
  const others = scoring?.revealed ? scoring.recommendations.filter(r => r.participantId !== you) : [];
  return (
    <div class="recommend">
      <h3>Recommendation</h3>
      {submitted ? <p>You submitted: <strong>{RECOMMENDATIONS.find(r => r.value === mine!.recommendation)?.label}</strong></p> : (
        <form onSubmit={e => { e.preventDefault(); send({ type: 'recommend', recommendation: choice || null, summary, submit: true }); }}>
          <select aria-label="Overall recommendation" value={choice} onChange={e => setChoice((e.target as HTMLSelectElement).value)}>
            <option value="">Choose…</option>{RECOMMENDATIONS.map(r => <option value={r.value}>{r.label}</option>)}
          </select>
          <textarea aria-label="Summary" rows={3} placeholder="Summary for the hiring decision" value={summary}
            onInput={e => setSummary((e.target as HTMLTextAreaElement).value)}
            onBlur={() => send({ type: 'recommend', recommendation: choice || null, summary, submit: false })} />
          <button type="submit" class="primary" disabled={!choice}>Submit</button>
          <p class="hint">Other interviewers' scores appear when everyone has submitted.</p>
        </form>
      )}
      {others.length > 0 && <ul class="others">{others.map(o => <li><strong>{o.name}</strong>: {RECOMMENDATIONS.find(r => r.value === o.recommendation)?.label ?? '—'} {o.summary}</li>)}</ul>}
    </div>
  );
}

/** Invite a colleague of the organisation into this session as co-interviewer or observer. */
function InviteToSession({ sessionId }: { sessionId: string }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'interviewer' | 'observer'>('interviewer');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form class="invite-session" onSubmit={e => {
      e.preventDefault();
      setMessage(null);
      sessions.addMember(sessionId, email.trim(), role)
        .then(() => { setMessage(`${email.trim()} can now join this room as ${role}.`); setEmail(''); })
        .catch(err => setMessage(err instanceof ApiError ? err.message : 'Could not invite.'));
    }}>
      <h3>Invite a colleague</h3>
      <input type="email" required aria-label="Colleague's email" placeholder="colleague@example.com" value={email} onInput={e => setEmail((e.target as HTMLInputElement).value)} />
      <select aria-label="Their role" value={role} onChange={e => setRole((e.target as HTMLSelectElement).value as 'interviewer' | 'observer')}>
        <option value="interviewer">Co-interviewer</option>
        <option value="observer">Observer</option>
      </select>
      <button type="submit">Invite</button>
      {message && <p class="hint" role="status">{message}</p>}
    </form>
  );
}
