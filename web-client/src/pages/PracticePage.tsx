// Peer practice: ask for a colleague who wants the same topic and level, wait, then two rounds —
// the one who waited interviews first, then the other way round. While waiting, the page keeps one
// look held open at the server, which answers the moment the pairing comes (and every 20 s
// otherwise); that looking also keeps the request alive (a closed tab's is passed over).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, practice, type Difficulty, type PracticeState } from '../api';
import { announce, focusElement, useTitle } from '../a11y';

const LOOK_EVERY_MS = 3000;
const HOLD_SECONDS = 20;
const LEVELS: Difficulty[] = ['beginner', 'intermediate', 'advanced'];
const level = (d: string | null) => (d ? d[0].toUpperCase() + d.slice(1) : '');

export function PracticePage() {
  const [state, setState] = useState<PracticeState | null>(null);
  const [topics, setTopics] = useState<{ topic: string; count: number }[]>([]);
  const [topic, setTopic] = useState('');
  const [difficulty, setDifficulty] = useState<Difficulty>('intermediate');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : 'Something went wrong.');
  useTitle('Practice');

  useEffect(() => {
    api.topics().then(t => { setTopics(t.topics); setTopic(x => x || t.topics[0]?.topic || ''); }).catch(fail);
  }, []);

  // Looks once, then follows what can change by itself: waiting, one held look after another (the
  // server answers when the pairing comes); paired, every few seconds (the rounds' status). Idle,
  // nothing changes by itself. A new status starts this over; a failed look is retried after a pause.
  const status = state?.status ?? null;
  useEffect(() => {
    if (status === 'idle') return;
    let live = true;
    let timer = 0;
    const again = (ms: number) => { timer = window.setTimeout(look, ms); };
    const look = () => practice.get(status === 'waiting' ? HOLD_SECONDS : undefined)
      .then(s => {
        if (!live) return;
        setState(s);
        setError(null);
        if (s.status === status) again(status === 'waiting' ? 0 : LOOK_EVERY_MS);
      })
      .catch(e => { if (live) { fail(e); again(LOOK_EVERY_MS); } });
    if (status === null) look();
    else again(status === 'waiting' ? 0 : LOOK_EVERY_MS);
    return () => { live = false; window.clearTimeout(timer); };
  }, [status]);

  // The form, the wait and the pairing replace each other, taking the focused button with them:
  // focus goes to what can be done next, and the change is said (a status that appears with its
  // text is not always read out). Not on the first look: the page just opened.
  const seenStatus = useRef<string | null>(null);
  useEffect(() => {
    const before = seenStatus.current;
    seenStatus.current = status;
    if (!before || !status || before === status) return;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (status === 'waiting') {
      announce(`Looking for a partner for ${state!.topic}, ${level(state!.difficulty)}.`);
      if (lost) focusElement(document.getElementById('stop-looking'));
    } else if (status === 'paired') {
      announce(`You are paired with ${state!.partner}.`);
      if (lost) focusElement(document.querySelector('.practice .rounds a') ?? document.querySelector('.practice h1'));
    } else {
      announce('You are not looking for a partner.');
      if (lost) focusElement(document.querySelector('.practice select'));
    }
  }, [status]);

  // A waiting tab is often in the background: its title tells when the pairing came.
  useEffect(() => {
    if (state?.status !== 'paired') return;
    const before = document.title;
    document.title = `Paired with ${state.partner} · Mockroom`;
    return () => { document.title = before; };
  }, [state?.status, state?.partner]);

  const act = (call: Promise<PracticeState>) => {
    setBusy(true);
    setError(null);
    call.then(setState).catch(fail).finally(() => setBusy(false));
  };

  return (
    <section class="panel narrow practice">
      <h1>Practise with a colleague</h1>
      {!state && !error && <p class="muted">Loading…</p>}
      {state?.status === 'idle' && (
        <form onSubmit={e => { e.preventDefault(); if (!busy) act(practice.ask(topic, difficulty)); }}>
          <p>Pick a topic and a level. When a colleague picks the same, you are paired: the one who was waiting
            interviews first with two questions of the topic from the bank, then you swap with two others.
            A topic with fewer than four questions is filled up with other topics' questions at that level.</p>
          <div class="grid2">
            <label>Topic
              <select name="topic" value={topic} onChange={e => setTopic((e.target as HTMLSelectElement).value)}>
                {topics.map(t => <option value={t.topic}>{t.topic} ({t.count} question{t.count === 1 ? '' : 's'})</option>)}
              </select>
            </label>
            <label>Level
              <select name="difficulty" value={difficulty} onChange={e => setDifficulty((e.target as HTMLSelectElement).value as Difficulty)}>
                {LEVELS.map(l => <option value={l}>{level(l)}</option>)}
              </select>
            </label>
          </div>
          <button class="primary" type="submit" disabled={!topic} aria-disabled={busy ? 'true' : undefined}>Find a partner</button>
        </form>
      )}
      {state?.status === 'waiting' && (
        <div role="status">
          <p>Looking for a colleague who wants to practise <strong>{state.topic}</strong> at the <strong>{level(state.difficulty)}</strong> level…</p>
          <p class="muted">Waiting since {new Date(state.since!).toLocaleTimeString()}. Keep this page open: you are paired as soon as someone asks for the same.</p>
          <button type="button" id="stop-looking" aria-disabled={busy ? 'true' : undefined} onClick={() => { if (!busy) act(practice.cancel()); }}>Stop looking</button>
        </div>
      )}
      {state?.status === 'paired' && (
        <div>
          <p role="status">You are paired with <strong>{state.partner}</strong> to practise <strong>{state.topic}</strong> ({level(state.difficulty)}).</p>
          <ol class="rounds">
            {state.rounds.map(r => (
              <li key={r.sessionId}>
                <span>Round {r.number}: {r.yourRole === 'interviewer' ? `you interview ${r.candidate}` : `${r.interviewer} interviews you`}
                  <span class="muted"> · {r.status === 'ended' ? 'done' : r.status === 'live' ? 'in progress' : 'not started'}</span></span>
                {r.status !== 'ended' && (
                  <a class={'button' + (r.number === currentRound(state) ? ' primary' : '')} href={r.url}>
                    {r.yourRole === 'interviewer' ? 'Open the room' : 'Join as the candidate'}
                  </a>
                )}
              </li>
            ))}
          </ol>
          <p class="muted">Each round is a session of your organisation: its transcript and scores are in Review afterwards.</p>
          <button type="button" disabled={busy} onClick={() => {
            if (window.confirm(`Leave this pairing with ${state.partner}? The rounds stay in your sessions; you can look for a new partner.`)) act(practice.cancel());
          }}>Leave this pairing</button>
        </div>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}

/** The first round not yet done: the one to go to now. */
function currentRound(s: PracticeState) {
  return s.rounds.find(r => r.status !== 'ended')?.number ?? 0;
}
