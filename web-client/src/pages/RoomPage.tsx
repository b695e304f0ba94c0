// The live room, for staff (/rooms/:id, signed in) and for the candidate (/join/:token).
// Candidates see the prompt only; staff also see the answer key, key points, plan and notes
// (StaffPanels), in a column of tabs beside the shared editor.
//
// For a screen reader, what happens without a keystroke of one's own (a question pushed, someone's
// chat line, someone joining or leaving, the session starting or ending, the connection lost or
// back) is said once, politely, through the app's live region (a11y.tsx); what changes all the time
// (the save state, the timer, the answer others type) is there to read, never announced. Focus
// never falls to the page when the control holding it goes (see useFocusKept).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, sessions } from '../api';
import { RoomConnection, type Status } from '../room/connection';
import { EDITOR_KEYS_ID, SharedEditors } from '../room/editors';
import type { ChatLine, NoteLine, Participant, PlanItem, Question, ScoringView, ServerMessage } from '../room/protocol';
import { Prompt, promptText } from '../markdown';
import { announce, focusElement } from '../a11y';
import { Timer, answerLabel, focusLost, questionSaid, useFocusKept } from '../room/a11y';
import { goToLogin } from './SessionsPage';
import { AnswerKey, Notes, Plan, RoomLinks, Recommend, ScoreBox, StaffTabs, nextPlanIndex, pendingLabel, type Outgoing, type Tab } from './StaffPanels';

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
  /**
   * Why an edit of ours was undone (an over-limit paste, an edit the server could not store), or a
   * message of ours dropped (one the server refused for good), until dismissed.
   */
  notice: string | null;
}

const initial: RoomState = { you: null, title: '', candidateName: '', status: 'scheduled', participants: [], plan: [], planSize: 0, current: null, chat: [], notes: [], paused: false, error: null, scoring: null, asked: [], lastPlanIndex: null, notice: null };

/**
 * Who the candidate is in the room of one link: their participant id and the name they typed. Kept
 * per link in localStorage, so a reopened tab, or a second one, rejoins as the same participant
 * (one person in the room, one name in the chat) instead of asking for a name again.
 */
interface CandidateIdentity { participantId?: string; name?: string }

function candidateIdentity(token: string): CandidateIdentity {
  try {
    return JSON.parse(localStorage.getItem(`mockroom:candidate:${token}`) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function keepCandidateIdentity(token: string, change: CandidateIdentity) {
  try {
    localStorage.setItem(`mockroom:candidate:${token}`, JSON.stringify({ ...candidateIdentity(token), ...change }));
  } catch {
    // Storage full or refused (private mode): the tab still works; a reopened one asks again.
  }
}

/** Where a participant id is kept between connections: per link for candidates, per tab for staff. */
interface IdStore { get(): string | undefined; set(id: string): void }

export function CandidateJoinPage({ token }: { token: string }) {
  const [info, setInfo] = useState<{ title: string; candidateName: string; organisationName: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(candidateIdentity(token).name ?? null);
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
          keepCandidateIdentity(token, { name: n });
          setName(n);
        }}>
          <label>Your name<input name="name" required maxLength={60} autocomplete="name" value={typed} onInput={e => setTyped((e.target as HTMLInputElement).value)} /></label>
          <button class="primary" type="submit">Join the room</button>
        </form>
      </section>
    );
  }
  const ids: IdStore = { get: () => candidateIdentity(token).participantId, set: id => keepCandidateIdentity(token, { participantId: id }) };
  return <Room path={`/ws/join/${token}`} ids={ids} name={name} />;
}

export function StaffRoomPage({ id }: { id: string }) {
  const key = `mockroom:participant:${id}`;
  const ids: IdStore = { get: () => sessionStorage.getItem(key) ?? undefined, set: pid => sessionStorage.setItem(key, pid) };
  return <Room path={`/ws/rooms/${id}`} sessionId={id} ids={ids} />;
}

/** {@code takeFocus}: the room went away under the person (ended, deleted): its heading takes focus, unless focus is elsewhere. */
function Notice({ title, text, children, takeFocus }: { title: string; text: string; children?: ComponentChildren; takeFocus?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { if (takeFocus && focusLost()) focusElement(heading.current); }, []);
  return <section class="panel narrow notice"><h1 ref={heading}>{title}</h1>{text && <p>{text}</p>}{children}</section>;
}

/** Why a staff member cannot enter a room, from the server's answer about the session. */
function StaffRefused({ status }: { status: number | null }) {
  const back = <p class="actions"><a class="button primary" href="/">Go to your sessions</a></p>;
  if (status === 404) {
    return <Notice title="No session with this address in your organisation" text="The address may be mistyped, or the session belongs to another organisation.">{back}</Notice>;
  }
  if (status === 403) {
    return <Notice title="You are not invited to this session" text="Ask one of its interviewers to invite you from the room.">{back}</Notice>;
  }
  return <Notice title="You cannot open this room" text="The server refused it.">{back}</Notice>;
}

/** What staff see of an ended session, live or opened later: where its record is. */
function StaffEnded({ sessionId }: { sessionId: string }) {
  return (
    <Notice title="The session has ended" text="Its answers, scores, notes and timeline are on its review page." takeFocus>
      <p class="actions"><a class="button primary" href={`/review/${sessionId}`}>Open the review</a><a class="button" href="/">Back to your sessions</a></p>
    </Notice>
  );
}

function Room({ path, ids, name, sessionId }: { path: string; ids: IdStore; name?: string; sessionId?: string }) {
  const [room, setRoom] = useState<RoomState>(initial);
  const [status, setStatus] = useState<Status>('connecting');
  const [, tick] = useState(0);
  const editorEl = useRef<HTMLDivElement>(null);
  const roomEl = useRef<HTMLDivElement>(null);
  const onFocusIn = useFocusKept(roomEl, room.title);
  const stateRef = useRef(room);
  stateRef.current = room;
  const conn = useRef<RoomConnection | null>(null);
  const editors = useRef<SharedEditors | null>(null);
  /** The HTTP status the server answered when it refused the room. */
  const refusal = useRef<number | null>(null);
  // Known from the address, before any welcome: the page's layout (and the editor's element) never changes.
  const staffPage = sessionId !== undefined;

  useEffect(() => {
    let editorsCreated: SharedEditors | null = null;
    let lastStatus: Status = 'connecting';
    const c = new RoomConnection(
      path,
      () => ({ participantId: ids.get(), name, lastSeq: 0, docs: editorsCreated?.versions() ?? {} }),
      m => handle(m),
      s => {
        setStatus(s);
        if (s === 'reconnecting') editorsCreated?.resetPushes();
        // Said once per outage: the status is set again at every failed attempt.
        if (s === 'reconnecting' && lastStatus === 'online') announce('Connection lost. Reconnecting; what you type is kept and sent when it is back.');
        if (s === 'online' && lastStatus === 'reconnecting') announce('Connection back.');
        lastStatus = s;
      },
      async () => {
        // Would the server refuse this socket? A signed-out interviewer goes to the login page; a
        // dead link or a room you may not enter is refused; no answer means "not yet": keep trying.
        const url = staffPage ? `/api/sessions/${sessionId}` : `/api/join/${path.slice('/ws/join/'.length)}`;
        try {
          const r = await fetch(url);
          if (r.status === 401 && staffPage) { goToLogin(); return true; }
          refusal.current = r.status;
          return r.status === 401 || r.status === 403 || r.status === 404 || r.status === 410;
        } catch {
          return false;
        }
      },
    );
    conn.current = c;
    c.onOutbox = () => tick(t => t + 1);
    // A message the server will never take (too long, not allowed, not stored) is not resent: say which,
    // and why, until dismissed (a refusal for not_stored is followed by a reconnect, whose welcome clears errors).
    c.onRefused = (message, _code, reason) => setRoom(r => ({ ...r, notice: `${refusedWhat(message)} ${reason}` }));
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
          ids.set(m.you.id);
          const e = ed();
          Object.entries(m.docs).forEach(([doc, view]) => e?.load(doc, view));
          if (m.current) e?.show(m.current.doc, answerLabel(m.current));
          // Saving paused or came back while this page was away (a reconnect): said as the room's
          // own message would have said it. A first welcome says only a pause.
          if ((m.saving === 'paused') !== stateRef.current.paused) announceSaving(m.saving === 'paused');
          // A question's answer document is named by the question's id: the documents are the questions shown so far.
          setRoom(r => ({ you: m.you, title: m.session.title, candidateName: m.session.candidateName, status: m.session.status, participants: m.participants, plan: m.plan ?? [],
            planSize: m.planSize, current: m.current, chat: m.chat, notes: m.notes ?? [], paused: m.saving === 'paused', error: null, scoring: m.scoring ?? null,
            asked: Object.keys(m.docs), lastPlanIndex: m.current?.planIndex ?? r.lastPlanIndex, notice: r.notice }));
          break;
        }
        case 'presence': {
          const p = m.participant;
          const was = stateRef.current.participants.find(x => x.id === p.id)?.presence;
          // Arriving and leaving are said; a dropped connection (reconnecting) is not, unless it
          // turns into leaving: a flaky network would otherwise fill the room with talk.
          if (p.id !== stateRef.current.you?.id) {
            if (p.presence === 'online' && (was === undefined || was === 'left')) announce(`${p.name} joined the room.`);
            if (p.presence === 'left' && was !== undefined && was !== 'left') announce(`${p.name} left the room.`);
          }
          setRoom(r => ({ ...r, participants: upsert(r.participants, p) }));
          if (m.participant.presence === 'left') editorsCreated?.forgetParticipant(m.participant.id);
          if (m.participant.presence === 'online') editorsCreated?.someoneArrived();
          break;
        }
        case 'started':
          setRoom(r => ({ ...r, status: 'live' }));
          announce('The session has started.');
          break;
        case 'question':
          ed()?.show(m.question.doc, answerLabel(m.question));
          // Said to everyone but the interviewer who pushed the plan's last question from this tab:
          // their button goes, focus moves to the prompt (useFocusKept) and reads it — said here
          // too, they would hear it twice.
          if (!pushedLastFromHere(stateRef.current, m.question)) announce(`${questionSaid(m.question)}: ${promptText(m.question.prompt)}`);
          setRoom(r => ({ ...r, current: m.question, notice: null, asked: r.asked.includes(m.question.questionId) ? r.asked : [...r.asked, m.question.questionId],
            lastPlanIndex: m.question.planIndex ?? r.lastPlanIndex }));
          break;
        case 'updates': ed()?.receive(m.doc, m.updates); break;
        case 'cursor': editorsCreated?.remoteCursor(m.doc, { id: m.participantId, name: m.name, anchor: m.anchor, head: m.head }); break;
        // A line confirmed again (sent again after a lost confirmation) is shown once.
        case 'chat':
          // Someone else's line is said; one's own (from this tab or another) is not.
          if (m.chat.participantId !== stateRef.current.you?.id && !stateRef.current.chat.some(l => l.id === m.chat.id)) {
            announce(`Chat from ${m.chat.name}: ${m.chat.text}`);
          }
          setRoom(r => r.chat.some(l => l.id === m.chat.id) ? r : ({ ...r, chat: [...r.chat, m.chat] }));
          break;
        case 'note': setRoom(r => r.notes.some(n => n.id === m.note.id) ? r : ({ ...r, notes: [...r.notes, m.note] })); break;
        case 'scoring': setRoom(r => ({ ...r, scoring: m.scoring })); break;
        case 'ended':
          setRoom(r => ({ ...r, status: 'ended' }));
          announce('The session has ended.');
          break;
        case 'saving':
          if ((m.state === 'paused') !== stateRef.current.paused) announceSaving(m.state === 'paused');
          setRoom(r => ({ ...r, paused: m.state === 'paused' }));
          break;
        case 'error':
          if (m.code === 'stale_push' || m.code === 'saving_paused') {
            if (stateRef.current.current) editorsCreated?.stale(stateRef.current.current.doc);
          } else if ((m.code === 'push_rejected' || m.code === 'too_large') && editorsCreated?.refused(m.message)) {
            // The refused edit was undone, and the editor said why.
          } else if (m.code === 'not_stored' && m.clientID) {
            // An edit the database refused: ours is dropped (never sent again, or the room would
            // reload again and again) and the editor says why; another tab's is that tab's business.
            // The room reloads (its sockets close) and we reconnect to what was saved.
            editorsCreated?.notStored(m.doc, m.clientID);
          } else {
            setRoom(r => ({ ...r, error: m.message }));
          }
          break;
      }
    };
    c.open();
    // For the browser tests: simulate a network drop, and see how many reconnects have failed.
    // The editor's view lets a test make an edit the way a program would (dispatch).
    // What the outbox holds, and how often each message was sent, lets a test wait for a resend.
    (window as any).mockroomRoom = { drop: () => c.drop(), failedAttempts: () => c.failedAttempts, editor: () => editorsCreated?.editorView,
      unconfirmed: () => c.unconfirmed };
    return () => c.close();
  }, [path]);

  const you = room.you;
  const interviewer = you?.role === 'interviewer';
  const unsaved = editors.current?.unsaved() ?? 0;
  const online = status === 'online';
  /** What we sent that the server has not confirmed yet (on its way, or waiting for the connection). */
  const waitingOut = (conn.current?.waiting ?? []) as Outgoing[];
  const notSent = waitingOut.length ? ` · ${waitingOut.length} not sent yet` : '';
  const saveState = status === 'reconnecting' ? `Reconnecting…${notSent}` : room.paused ? 'Saving paused' : unsaved > 0 || waitingOut.length ? 'Saving…' : 'All saved';
  const deliver = (m: Outgoing) => conn.current?.deliver(m);

  useEffect(() => {
    if (!room.title) return;
    document.title = staffPage ? `${room.title} with ${room.candidateName} · Mockroom` : `${room.title} · Mockroom`;
    return () => { document.title = 'Mockroom'; };
  }, [room.title, room.candidateName, staffPage]);

  if (status === 'deleted') {
    return staffPage
      ? <Notice title="This session was deleted" text="An interviewer deleted it, with its answers, scores and notes." takeFocus><p class="actions"><a class="button primary" href="/">Back to your sessions</a></p></Notice>
      : <Notice title="This session was deleted" text="The interviewer deleted this session, so this link no longer works. You can close this tab." takeFocus />;
  }
  if (status === 'refused') {
    return staffPage ? <StaffRefused status={refusal.current} />
      : <Notice title="You cannot join this room" text="The link is not valid, or the session has ended. Ask the interviewer for a new link." />;
  }
  if (room.status === 'ended') {
    return staffPage ? <StaffEnded sessionId={sessionId!} />
      : <Notice title="This session has ended" text="Thank you! The interviewer has closed the room; you can close this tab." takeFocus />;
  }

  const waiting = you && !staffPage && room.status === 'scheduled';
  const next = interviewer ? nextPlanIndex(room.plan, room.asked, room.lastPlanIndex) : null;
  const pushPlan = (i: number) => conn.current?.send({ type: 'push_question', planIndex: i });
  const chat = <Chat lines={room.chat} send={t => deliver({ type: 'chat', text: t })} waiting={waitingOut.filter(m => m.type === 'chat')} online={online} />;
  const tabs: Tab[] = !staffPage || !you ? [] : [
    { id: 'question', label: 'Answer key', body: <AnswerKey question={room.current} /> },
    { id: 'score', label: 'Score', body: <>
      {room.current ? <ScoreBox question={room.current} scoring={room.scoring} you={you.id} send={deliver} waiting={waitingOut} online={online} />
        : <p class="muted">Scores are per question: they open with the first question.</p>}
      <Recommend scoring={room.scoring} you={you.id} send={deliver} sending={waitingOut.some(m => m.type === 'recommend')}
        waiting={!online && waitingOut.some(m => m.type === 'recommend')} />
    </> },
    ...(interviewer ? [{ id: 'plan', label: 'Plan', body: <Plan plan={room.plan} current={room.current} asked={room.asked} online={online}
      push={pushPlan} pushAny={id => conn.current?.send({ type: 'push_question', questionId: id })} /> }] : []),
    { id: 'notes', label: 'Notes', body: <Notes notes={room.notes} send={t => deliver({ type: 'note', text: t })} waiting={waitingOut.filter(m => m.type === 'note')} online={online}
      about={id => { if (!id) return null; const i = room.plan.findIndex(p => p.questionId === id); return i >= 0 ? `Q${i + 1}` : 'Extra'; }} /> },
    ...(interviewer ? [{ id: 'links', label: 'Links', body: <RoomLinks sessionId={sessionId!} /> }] : []),
  ];
  return (
    <div class="room" ref={roomEl} onFocusIn={onFocusIn}>
      <header class="room-bar">
        <h1>{room.title || 'Connecting…'}</h1>
        {room.current && <Timer key={`${room.current.doc} ${room.current.startedAt}`} question={room.current} />}
        {/* Not a live region: it changes at every keystroke. Losing and regaining the connection is said (see above). */}
        <span class={`save-state ${saveState === 'All saved' ? 'ok' : 'busy'}`}>{status === 'connecting' ? 'Connecting…' : saveState}</span>
        <ul class="presence" aria-label="Participants">
          {room.participants.filter(p => p.presence !== 'left').map(p => {
            // While we are not connected ourselves, we do not know who is there.
            const state = online ? p.presence : 'not known while reconnecting';
            return (
              <li key={p.id} class={`who ${online ? p.presence : 'unknown'}`} title={`${p.role}, ${state}`}>{p.name}{p.id === you?.id ? ' (you)' : ''}<span class="role"> · {p.role}</span><span class="sr-only">, {state}</span></li>
            );
          })}
        </ul>
        <span class="room-actions">
          {/* data-focus-next: where focus goes when the button goes (useFocusKept). */}
          {interviewer && room.status === 'scheduled' && <button class="primary" data-focus-next=".push-next, .end-session" disabled={!online} onClick={() => conn.current?.send({ type: 'start' })}>Start session</button>}
          {interviewer && next != null && (
            <button class="primary push-next" data-focus-next=".current-prompt" disabled={!online} title={room.plan[next]?.prompt} onClick={() => pushPlan(next)}>Push next question</button>
          )}
          {interviewer && room.status === 'live' && <button class="danger end-session" disabled={!online} onClick={() => { if (confirm('End the session for everyone?')) conn.current?.send({ type: 'end' }); }}>End session</button>}
        </span>
      </header>
      {room.error && <p class="error" role="alert">{room.error}</p>}
      <div class={`room-body ${staffPage ? 'staff' : 'candidate'}`}>
        <div class="room-main">
          <section class="panel question-panel" aria-label="Question">
            {waiting && <div class="waiting"><h2>Waiting for the interviewer to start</h2><p class="muted">You are in the room.{room.planSize > 1 ? ` ${room.planSize} questions are planned; the first` : ' The question'} appears here when the session starts.</p></div>}
            {!waiting && !room.current && <p class="muted">{staffPage ? 'Start the session, then push a question from the plan.' : 'The interviewer will show the first question in a moment.'}</p>}
            {room.current && (
              <>
                <p class="muted">{room.current.planIndex != null ? `Question ${room.current.planIndex + 1} of ${room.current.planSize}` : 'Extra question'}</p>
                <h2 class="current-prompt"><Prompt text={room.current.prompt} /></h2>
              </>
            )}
          </section>
          <section class="panel editor-panel" aria-label="Answer">
            {room.notice && (
              <p class="error notice-line" role="alert">{room.notice}
                <button type="button" class="link" aria-label="Dismiss" data-focus-next=".cm-content" onClick={() => setRoom(r => ({ ...r, notice: null }))}>×</button></p>
            )}
            <div ref={editorEl} class={`editor ${room.current ? '' : 'hidden'}`} />
            {/* Tab indents in the editor: this line, which describes it, says the way out (editors.ts). */}
            {room.current && you && you.role !== 'observer' && <p id={EDITOR_KEYS_ID} class="hint editor-keys">Tab indents. To leave the editor, press Escape, then Tab.</p>}
            {!room.current && <p class="muted">The shared answer editor opens with the first question.</p>}
          </section>
        </div>
        {staffPage ? (
          <aside class="room-side" aria-label="Interviewer tools">
            {tabs.length > 0 && <StaffTabs tabs={tabs} />}
            <section class="panel side chat-panel">{chat}</section>
          </aside>
        ) : <aside class="panel side" aria-label="Chat">{chat}</aside>}
      </div>
    </div>
  );
}

/** How an error names a message of ours the server refused for good. */
function announceSaving(paused: boolean) {
  announce(paused ? 'Saving paused: the server cannot save right now. Your work is kept here.' : 'Saving again.');
}

/**
 * Whether {@code q} was pushed with this tab's Push next question button (it has focus) and was the
 * plan's last to ask, so that the button goes once the room shows it.
 */
function pushedLastFromHere(r: RoomState, q: Question): boolean {
  if (!document.activeElement?.classList.contains('push-next')) return false;
  return nextPlanIndex(r.plan, [...r.asked, q.questionId], q.planIndex ?? r.lastPlanIndex) == null;
}

function refusedWhat(m: Outgoing): string {
  const quoted = (t: unknown) => { const s = String(t ?? ''); return `“${s.length > 60 ? `${s.slice(0, 60)}…` : s}”`; };
  switch (m.type) {
    case 'chat': return `Your chat message ${quoted(m.text)} was not sent:`;
    case 'note': return `Your note ${quoted(m.text)} was not saved:`;
    case 'hint': return `Your hint ${quoted(m.text)} was not saved:`;
    case 'score': return 'Your score was not saved:';
    case 'recommend': return 'Your recommendation was not saved:';
    default: return 'Not saved:';
  }
}

function upsert(list: Participant[], p: Participant) {
  const i = list.findIndex(x => x.id === p.id);
  if (i < 0) return [...list, p];
  const next = [...list];
  next[i] = p;
  return next;
}

/** {@code waiting}: our lines not confirmed yet, shown greyed after the others until they are. */
function Chat({ lines, send, waiting, online }: { lines: ChatLine[]; send: (text: string) => void; waiting: Outgoing[]; online: boolean }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => { list.current?.scrollTo({ top: list.current.scrollHeight }); }, [lines.length, waiting.length]);
  return (
    <div class="chat">
      <h3 id="chat-heading">Chat</h3>
      {/* Not a live region: someone else's new line is said by the room; one's own is not. */}
      <ol ref={list} class="chat-lines" aria-labelledby="chat-heading">
        {lines.map(l => <li key={l.id}><span class="who">{l.name}</span> <span class="text">{l.text}</span></li>)}
        {waiting.map(m => <li key={`waiting-${m.id}`} class="not-sent"><span class="text">{String(m.text)}</span> <span class="hint">{pendingLabel(online)}</span></li>)}
      </ol>
      <form onSubmit={e => { e.preventDefault(); const i = e.currentTarget.elements.namedItem('chat') as HTMLInputElement; if (i.value.trim()) { send(i.value); i.value = ''; } }}>
        <input name="chat" aria-label="Chat message" placeholder="Message" maxLength={2000} autocomplete="off" />
      </form>
    </div>
  );
}

