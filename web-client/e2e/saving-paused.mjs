// The database under a live room goes away and comes back, in a real Chromium for the interviewer
// and one for the candidate. The server runs on an embedded Postgres of the Java test's own, which
// the test stops and starts again when this script asks it to (--control: a small HTTP server on
// 127.0.0.1, POST /database/stop and POST /database/start, each answered 204 once done).
// Checked: both people hear, politely and once each, that saving paused, and later, once each,
// that it works again (every text any live region says is recorded, see a11y-checks.mjs); the save
// state reads "Saving paused" meanwhile; what the candidate typed while the database was away
// stays on their screen, reaches the interviewer only once it is stored, and is then in the
// database (the review transcript, built from the stored events, has it as the answer).
import { run, step, check, watch } from './browser.mjs';
import { candidateJoinsWithEars, contextWithEars, heard, heardOnce, mark, notHeard, spoken } from './a11y-checks.mjs';

const PASSWORD = 'correct horse battery';
const stamp = Date.now().toString(36);
const PAUSED = 'Saving paused: the server cannot save right now. Your work is kept here.';
const AGAIN = 'Saving again.';

await run(async ({ browser, base, pages, options }) => {
  check(options.control, 'give --control: the address of the test\'s switch for its database');
  const database = async what => {
    const r = await fetch(`${options.control}/database/${what}`, { method: 'POST' });
    check(r.status === 204, `the database should ${what}: ${r.status} ${await r.text()}`);
  };
  const problems = [];

  step('an interviewer, a session of one question, and both people in the room');
  const staffCtx = await contextWithEars(browser);
  const staff = await staffCtx.newPage();
  pages.push(staff);
  // Its reconnects during the second outage fail in the handshake (the login is looked up).
  watch(staff, 'interviewer', problems, /WebSocket connection to .* failed/);
  const signup = await staff.request.post(`${base}/api/auth/signup`, { data: { organisation: 'Outage Ltd', name: 'Ada Keys', email: `ada-outage-${stamp}@example.com`, password: PASSWORD } });
  check(signup.status() === 201, `signup: ${signup.status()}`);
  const qs = (await (await staff.request.get(`${base}/api/questions?q=decorator&pageSize=1`)).json()).items;
  check(qs.length === 1, 'a question about decorators in the bank');
  const created = await staff.request.post(`${base}/api/sessions`, { data: { title: 'Outage interview', candidateName: 'Cara Candidate', plan: [{ questionId: qs[0].id }] } });
  check(created.status() === 201, `session: ${created.status()}`);
  const session = await created.json();
  await staff.goto(`${base}/rooms/${session.id}`);
  const cand = await candidateJoinsWithEars(browser, pages, problems, session, staff);
  await staff.getByRole('button', { name: 'Start session' }).click();
  await staff.getByRole('button', { name: 'Push next question' }).click();
  await cand.locator('.question-panel').getByText('Question 1 of 1').waitFor();

  step('the candidate starts an answer while the database is up: it is saved and the interviewer sees it');
  await cand.locator('.cm-content').click();
  await cand.keyboard.type('def timed(fn):');
  await staff.locator('.cm-content', { hasText: 'def timed(fn):' }).waitFor();
  for (const page of [cand, staff]) await page.locator('.save-state', { hasText: 'All saved' }).waitFor();
  const text = page => page.evaluate(() => window.mockroomRoom.editor().state.doc.toString());

  step('the database stops and the candidate types on: both hear once that saving paused; what was typed stays with the candidate');
  const staffFrom = await mark(staff);
  const candFrom = await mark(cand);
  await database('stop');
  await cand.keyboard.press('Enter');
  await cand.keyboard.type('return fn  # typed while the database was away'); // the editor indents it
  await heard(cand, PAUSED, 'the candidate, once saving stopped', { from: candFrom, timeout: 30_000 });
  await heard(staff, PAUSED, 'the interviewer, once saving stopped', { from: staffFrom, timeout: 30_000 });
  for (const page of [cand, staff]) await page.locator('.save-state', { hasText: 'Saving paused' }).waitFor();
  // More typed while saving is paused: kept too.
  await cand.keyboard.press('Enter');
  await cand.keyboard.type('# and more while paused');
  const typed = await text(cand);
  check(/^def timed\(fn\):\n +return fn  # typed while the database was away\n *# and more while paused$/.test(typed),
    `the candidate's editor keeps what they typed: ${JSON.stringify(typed)}`);
  // Nothing typed meanwhile is stored, so nothing of it is shown to the interviewer yet.
  check(!(await text(staff)).includes('database was away'), `the interviewer is not shown what is not stored: ${JSON.stringify(await text(staff))}`);
  check(await cand.locator('.save-state', { hasText: 'Saving paused' }).count() === 1, 'the candidate\'s save state still says saving is paused');
  for (const [page, from, who] of [[cand, candFrom, 'the candidate'], [staff, staffFrom, 'the interviewer']]) {
    await notHeard(page, [AGAIN], `${who}, while the database is away`, from);
  }

  step('the database is back: both hear once that saving works again; what was typed arrives and is stored');
  await database('start');
  await heard(cand, AGAIN, 'the candidate, once saving works again', { from: candFrom, timeout: 60_000 });
  await heard(staff, AGAIN, 'the interviewer, once saving works again', { from: staffFrom, timeout: 60_000 });
  await staff.locator('.cm-content', { hasText: '# and more while paused' }).waitFor();
  for (const page of [cand, staff]) await page.locator('.save-state', { hasText: 'All saved' }).waitFor();
  check(await text(staff) === typed, `the interviewer has the candidate's answer: ${JSON.stringify(await text(staff))}`);
  const transcript = await (await staff.request.get(`${base}/api/review/sessions/${session.id}`)).json();
  check(transcript.questions?.[0]?.finalAnswer === typed, `the database has the answer as typed: ${JSON.stringify(transcript.questions?.[0]?.finalAnswer)}`);
  for (const [page, from, who] of [[cand, candFrom, 'the candidate'], [staff, staffFrom, 'the interviewer']]) {
    await heardOnce(page, PAUSED, who, from);
    await heardOnce(page, AGAIN, who, from);
    const said = (await spoken(page, from)).map(s => s.text);
    check(JSON.stringify(said) === JSON.stringify([PAUSED, AGAIN]), `${who} heard of the outage, in order, and of nothing else: ${JSON.stringify(said)}`);
    const loud = (await spoken(page)).filter(x => x.live !== 'polite' && x.live !== 'status');
    check(loud.length === 0, `${who} was told nothing assertively: ${JSON.stringify(loud)}`);
    console.log(`[e2e]   ${who} heard: ${(await spoken(page)).map(x => x.text).join(' | ')}`);
  }

  step('the database stops again and the interviewer\'s page loses its connection meanwhile: back once it is up, the page says saving works again');
  const staffAway = await mark(staff);
  const candAway = await mark(cand);
  await database('stop');
  await cand.keyboard.type(' # a second outage'); // saving pauses when a write fails
  await heard(staff, PAUSED, 'the interviewer, at the second outage', { from: staffAway, timeout: 30_000 });
  await heard(cand, PAUSED, 'the candidate, at the second outage', { from: candAway, timeout: 30_000 });
  await staff.evaluate(() => window.mockroomRoom.drop());
  await heard(staff, 'Connection lost.', 'the interviewer\'s page, dropped', { from: staffAway });
  await staff.waitForFunction(() => window.mockroomRoom.failedAttempts() >= 1, null, { polling: 100, timeout: 30_000 });
  await database('start');
  await heard(cand, AGAIN, 'the candidate, once saving works again', { from: candAway, timeout: 60_000 });
  await heard(staff, 'Connection back.', 'the interviewer\'s page, reconnected', { from: staffAway, timeout: 60_000 });
  // Said by the welcome of the reconnect when the room's own message went out while the page was away.
  await heard(staff, AGAIN, 'the interviewer, back after the outage ended', { from: staffAway, timeout: 10_000 });
  await heardOnce(staff, AGAIN, 'the interviewer, after the second outage', staffAway);
  await heardOnce(staff, PAUSED, 'the interviewer, after the second outage', staffAway);
  await staff.locator('.cm-content', { hasText: '# a second outage' }).waitFor();
  await staff.locator('.save-state', { hasText: 'All saved' }).waitFor();

  check(problems.length === 0, problems.join('\n'));
});
