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
import { CandidateLink } from './CandidateLink';

interface RoomState {
  you: Participant | null;
  title: string;
  candidateName: string;
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
  /** Questions shown in this session (their ids), and the plan index of the last plan question shown. */
  asked: string[];
  lastPlanIndex: number | null;
  /** Why an edit of ours was undone (an over-limit paste), until dismissed. */
  notice: string | null;
}

const initial: RoomState = { you: null, title: '', candidateName: '', status: 'scheduled', participants: [], plan: [], planSize: 0, current: null, chat: [], notes: [], paused: false, error: null, scoring: null, asked: [], lastPlanIndex: null, notice: null };

/** Messages people send that must survive a reconnection (see RoomConnection.deliver). */
type Outgoing = { type: string; [field: string]: unknown };

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
    c.onOutbox = () => tick(t => t + 1);
    const handle = (m: ServerMessage) => {
      const ed = () => {
        if (!editorsCreated && editorEl.current) {
          const role = m.type === 'welcome' ? m.you.role : stateRef.current.you?.role;
          editorsCreated = new SharedEditors(editorEl.current, msg => c.send(msg), role !== 'observer', () => tick(t => t + 1),
            notice => setRoom(r => ({ ...r, notice })));
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
          // A question's answer document is named by the question's id: the documents are the questions shown so far.
          setRoom(r => ({ you: m.you, title: m.session.title, candidateName: m.session.candidateName, status: m.session.status, participants: m.participants, plan: m.plan ?? [],
            planSize: m.planSize, current: m.current, chat: m.chat, notes: m.notes ?? [], paused: m.saving === 'paused', error: null, scoring: m.scoring ?? null,
            asked: Object.keys(m.docs), lastPlanIndex: m.current?.planIndex ?? r.lastPlanIndex, notice: r.notice }));
          break;
        }
        case 'presence':
          setRoom(r => ({ ...r, participants: upsert(r.participants, m.participant) }));
          if (m.participant.presence === 'left') editorsCreated?.forgetParticipant(m.participant.id);
          break;
        case 'started': setRoom(r => ({ ...r, status: 'live' })); break;
        case 'question':
          ed()?.show(m.question.doc);
          setRoom(r => ({ ...r, current: m.question, notice: null, asked: r.asked.includes(m.question.questionId) ? r.asked : [...r.asked, m.question.questionId],
            lastPlanIndex: m.question.planIndex ?? r.lastPlanIndex }));
          break;
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
          } else if ((m.code === 'push_rejected' || m.code === 'too_large') && editorsCreated?.refused(m.message)) {
            // The refused edit was undone, and the editor said why.
          } else {
            setRoom(r => ({ ...r, error: m.message }));
          }
          break;
      }
    };
    c.open();
    // For the browser tests: simulate a network drop, and see how many reconnects have failed.
    // The editor's view lets a test make an edit the way a program would (dispatch).
    (window as any).mockroomRoom = { drop: () => c.drop(), failedAttempts: () => c.failedAttempts, editor: () => editorsCreated?.editorView };
    return () => c.close();
  }, [path]);

  const you = room.you;
  const staff = you && you.role !== 'candidate';
  const interviewer = you?.role === 'interviewer';
  const unsaved = editors.current?.unsaved() ?? 0;
  const online = status === 'online';
  const waitingOut = (conn.current?.waiting ?? []) as Outgoing[];
  const notSent = waitingOut.length ? ` · ${waitingOut.length} not sent yet` : '';
  const saveState = status === 'reconnecting' ? `Reconnecting…${notSent}` : room.paused ? 'Saving paused' : unsaved > 0 || waitingOut.length ? 'Saving…' : 'All saved';
  const deliver = (m: Outgoing) => conn.current?.deliver(m);

  useEffect(() => {
    if (!room.title) return;
    document.title = staff ? `${room.title} with ${room.candidateName} · Mockroom` : `${room.title} · Mockroom`;
    return () => { document.title = 'Mockroom'; };
  }, [room.title, room.candidateName, staff]);

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
            // While we are not connected ourselves, we do not know who is there.
            <li key={p.id} class={`who ${online ? p.presence : 'unknown'}`} title={online ? `${p.role}, ${p.presence}` : `${p.role}, not known while reconnecting`}>{p.name}{p.id === you?.id ? ' (you)' : ''}<span class="role"> · {p.role}</span></li>
          ))}
        </ul>
        {interviewer && room.status === 'scheduled' && <button class="primary" disabled={!online} onClick={() => conn.current?.send({ type: 'start' })}>Start session</button>}
        {interviewer && room.status === 'live' && <button class="danger" disabled={!online} onClick={() => { if (confirm('End the session for everyone?')) conn.current?.send({ type: 'end' }); }}>End session</button>}
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
          {staff && room.current && you && <ScoreBox question={room.current} scoring={room.scoring} you={you.id} send={deliver} waiting={waitingOut} />}
          {interviewer && <Plan plan={room.plan} current={room.current} asked={room.asked} lastPlanIndex={room.lastPlanIndex} online={online}
            push={i => conn.current?.send({ type: 'push_question', planIndex: i })} pushAny={id => conn.current?.send({ type: 'push_question', questionId: id })} />}
        </section>
        <section class="panel editor-panel" aria-label="Answer">
          {room.notice && (
            <p class="error notice-line" role="alert">{room.notice}
              <button type="button" class="link" aria-label="Dismiss" onClick={() => setRoom(r => ({ ...r, notice: null }))}>×</button></p>
          )}
          <div ref={editorEl} class={`editor ${room.current ? '' : 'hidden'}`} />
          {!room.current && <p class="muted">The shared answer editor opens with the first question.</p>}
        </section>
        <aside class="panel side">
          <Chat lines={room.chat} send={t => deliver({ type: 'chat', text: t })} waiting={waitingOut.filter(m => m.type === 'chat').map(m => String(m.text))} />
          {staff && <Notes notes={room.notes} send={t => deliver({ type: 'note', text: t })} waiting={waitingOut.filter(m => m.type === 'note').map(m => String(m.text))} />}
          {staff && you && <Recommend scoring={room.scoring} you={you.id} send={deliver} waiting={waitingOut.some(m => m.type === 'recommend')} />}
          {interviewer && path.startsWith('/ws/rooms/') && <CandidateLink sessionId={path.slice('/ws/rooms/'.length)} />}
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

/**
 * The next plan question: the first not yet asked after the last plan question shown (an extra
 * question in between does not count), else the first not yet asked at all.
 */
export function nextPlanIndex(plan: PlanItem[], asked: string[], lastPlanIndex: number | null): number | null {
  const fresh = plan.filter(p => !asked.includes(p.questionId));
  const last = lastPlanIndex ?? Math.max(-1, ...plan.filter(p => asked.includes(p.questionId)).map(p => p.index));
  return (fresh.find(p => p.index > last) ?? fresh[0])?.index ?? null;
}

function Plan({ plan, current, asked, lastPlanIndex, online, push, pushAny }: {
  plan: PlanItem[]; current: Question | null; asked: string[]; lastPlanIndex: number | null; online: boolean;
  push: (i: number) => void; pushAny: (id: string) => void;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<QuestionSummary[]>([]);
  useEffect(() => {
    if (!q.trim()) { setFound([]); return; }
    const t = window.setTimeout(() => api.questions(new URLSearchParams({ q: q.trim(), pageSize: '5' })).then(p => setFound(p.items)).catch(() => setFound([])), 200);
    return () => window.clearTimeout(t);
  }, [q]);
  const next = nextPlanIndex(plan, asked, lastPlanIndex);
  return (
    <div class="plan-box">
      <div class="row">
        <h3>Plan</h3>
        {next != null && <button class="primary" disabled={!online} onClick={() => push(next)}>Push next question</button>}
      </div>
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
      <ul class="picker">{found.map(f => <li key={f.id}><button class="link" disabled={!online} onClick={() => { pushAny(f.id); setQ(''); }}><Prompt text={f.prompt} /></button></li>)}</ul>
    </div>
  );
}

function Chat({ lines, send, waiting }: { lines: ChatLine[]; send: (text: string) => void; waiting: string[] }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => { list.current?.scrollTo({ top: list.current.scrollHeight }); }, [lines.length, waiting.length]);
  return (
    <div class="chat">
      <h3>Chat</h3>
      <ol ref={list} class="chat-lines" aria-live="polite">
        {lines.map(l => <li key={l.id}><span class="who">{l.name}</span> <span class="text">{l.text}</span></li>)}
        {waiting.map((text, i) => <li key={`waiting-${i}`} class="not-sent"><span class="text">{text}</span> <span class="hint">Not sent yet — reconnecting</span></li>)}
      </ol>
      <form onSubmit={e => { e.preventDefault(); const i = e.currentTarget.elements.namedItem('chat') as HTMLInputElement; if (i.value.trim()) { send(i.value); i.value = ''; } }}>
        <input name="chat" aria-label="Chat message" placeholder="Message" maxLength={2000} autocomplete="off" />
      </form>
    </div>
  );
}

function Notes({ notes, send, waiting }: { notes: NoteLine[]; send: (text: string) => void; waiting: string[] }) {
  return (
    <div class="notes">
      <h3>Private notes</h3>
      <ol class="note-lines">
        {notes.map(n => <li key={n.id}><time>{new Date(n.at).toLocaleTimeString()}</time> <span class="text">{n.text}</span></li>)}
        {waiting.map((text, i) => <li key={`waiting-${i}`} class="not-sent"><span class="text">{text}</span> <span class="hint">Not sent yet — reconnecting</span></li>)}
      </ol>
      <form onSubmit={e => { e.preventDefault(); const i = e.currentTarget.elements.namedItem('note') as HTMLTextAreaElement; if (i.value.trim()) { send(i.value); i.value = ''; } }}>
        <textarea name="note" aria-label="Private note" placeholder="Only interviewers see notes" maxLength={10000} rows={2}
          onKeyDown={e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) (e.currentTarget.form as HTMLFormElement).requestSubmit(); }} />
        <button type="submit">Add note</button>
      </form>
    </div>
  );
}


function ScoreBox({ question, scoring, you, send, waiting }: { question: Question; scoring: ScoringView | null; you: string; send: (m: Outgoing) => void; waiting: Outgoing[] }) {
  const mine = scoring?.scores.find(s => s.participantId === you && s.questionId === question.questionId);
  const others = scoring?.revealed ? scoring.scores.filter(s => s.participantId !== you && s.questionId === question.questionId) : [];
  const [hint, setHint] = useState('');
  // A score clicked while reconnecting shows as clicked (it is sent when the connection is back).
  const pending = waiting.filter(m => m.type === 'score' && m.questionId === question.questionId).pop();
  const pendingHints = waiting.filter(m => m.type === 'hint' && m.questionId === question.questionId).map(m => String(m.text));
  const rubric = pending ? (pending.rubric as number | null) : mine?.rubric ?? null;
  const ticked = pending ? (pending.keyPoints as number[]) : mine?.keyPoints ?? [];
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
      {pending && <p class="hint not-sent" role="status">Score not sent yet — it is sent when the connection is back.</p>}
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
      {((scoring && scoring.hints.some(h => h.questionId === question.questionId)) || pendingHints.length > 0) && (
        <ul class="hints">
          {scoring?.hints.filter(h => h.questionId === question.questionId).map(h => <li key={h.id}><time>{new Date(h.at).toLocaleTimeString()}</time> {h.text}</li>)}
          {pendingHints.map((text, i) => <li key={`waiting-${i}`} class="not-sent">{text} <span class="hint">Not sent yet — reconnecting</span></li>)}
        </ul>
      )}
      {others.length > 0 && <ul class="others">{others.map(o => <li><strong>{o.name}</strong>: {o.rubric ?? '—'}/4</li>)}</ul>}
    </div>
  );
}

function Recommend({ scoring, you, send, waiting }: { scoring: ScoringView | null; you: string; send: (m: Outgoing) => void; waiting: boolean }) {
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
          <button type="submit" class="primary" disabled={!choice || waiting}>Submit</button>
          {waiting && <p class="hint not-sent" role="status">Not sent yet — it is sent when the connection is back.</p>}
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
