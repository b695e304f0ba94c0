// The details of the live room that an audit found wanting, each checked in Chromium: a reopened
// or second candidate tab rejoins as the same participant; going back to a question carries on
// its timer (also after a reload); the interviewer's layout keeps the editor, the score and the
// plan in view at 1440x900, 1280x800 and 800x600, with no horizontal overflow and no button broken
// mid-word; notes and hints name their author; the recommendation's summary is saved as it is
// typed and shown after Submit; an invited colleague is given the room's link; an edit the
// database refuses is undone once instead of reloading the room again and again; staff see where
// an ended session's review is, and a staff message for an unknown room.
// The server's database refuses any event holding "REFUSE ME" (a trigger the Java test installs).
import { join } from 'node:path';
import { run, step, check, watch, signUpInBrowser } from './browser.mjs';

const seconds = text => {
  const m = /^(\+?)(\d+):(\d\d)$/.exec(text.trim());
  if (!m) throw new Error(`not a timer: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};

/** Layout facts of a page, for the checks at each window size. */
const layout = page => page.evaluate(() => {
  const rect = el => el?.getBoundingClientRect();
  const wrapped = [...document.querySelectorAll('.room button')].filter(b => b.offsetParent !== null).filter(b => {
    const text = [...b.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!text) return false;
    const range = document.createRange();
    range.selectNodeContents(text);
    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
  }).map(b => b.textContent);
  const panel = document.querySelector('.tab-panel:not([hidden])');
  const codeOut = [...document.querySelectorAll('.tab-panel:not([hidden]) pre')].filter(p => rect(p).right > rect(panel).right + 1).length;
  return {
    width: window.innerWidth, height: window.innerHeight,
    pageWidth: document.documentElement.scrollWidth,
    editorTop: rect(document.querySelector('.cm-editor')).top + window.scrollY,
    editorBottom: rect(document.querySelector('.cm-editor')).bottom + window.scrollY,
    wrapped, codeOut,
    panelOverflows: panel ? panel.scrollWidth > panel.clientWidth + 1 : false,
  };
});

await run(async ({ browser, base, out, pages }) => {
  const problems = [];
  const expected = /WebSocket connection to .* failed|Failed to load resource/;
  const staffCtx = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const staff = await staffCtx.newPage();
  pages.push(staff);
  watch(staff, 'interviewer', problems, expected);

  step('interviewer signs up and plans two questions');
  await signUpInBrowser(staff, base, 'Difference Engines');
  await staff.getByRole('link', { name: 'New session' }).click();
  await staff.getByLabel('Title').fill('Python screen');
  await staff.getByLabel("Candidate's name").fill('Grace Hopper');
  await staff.getByLabel('Search the bank').fill('decorator');
  await staff.locator('.picker li button').first().click();
  await staff.getByLabel('Search the bank').fill('generator');
  await staff.locator('.picker li button:not([disabled]):not([aria-disabled="true"])').first().click();
  await staff.getByRole('button', { name: 'Create session' }).click();
  const link = await staff.getByLabel('Candidate link').inputValue();
  const roomHref = await staff.getByRole('link', { name: 'Open the room' }).getAttribute('href');
  const sessionId = roomHref.split('/').pop();
  await staff.goto(`${base}${roomHref}`);
  await staff.getByRole('button', { name: 'Start session' }).waitFor();

  step('the candidate joins with the name they type');
  const candCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let cand = await candCtx.newPage();
  pages.push(cand);
  watch(cand, 'candidate', problems, expected);
  await cand.goto(link);
  await cand.getByLabel('Your name').fill('Grace B. Hopper');
  await cand.getByRole('button', { name: 'Join the room' }).click();
  await cand.getByText('Waiting for the interviewer to start').waitFor();
  await staff.locator('.presence .who.online', { hasText: 'Grace B. Hopper' }).waitFor();

  step('interviewer starts and pushes the first question; the candidate types');
  await staff.getByRole('button', { name: 'Start session' }).click();
  await staff.getByRole('button', { name: 'Push next question' }).click();
  await staff.getByText('Question 1 of 2').waitFor();
  await cand.getByText('Question 1 of 2').waitFor();
  await cand.locator('.cm-content').click();
  await cand.keyboard.type('def timed(fn):');
  await staff.locator('.cm-content', { hasText: 'def timed(fn):' }).waitFor();

  step('a reopened candidate tab rejoins as the same participant, without asking the name again');
  await cand.close();
  cand = await candCtx.newPage();
  pages.push(cand);
  watch(cand, 'candidate (reopened)', problems, expected);
  await cand.goto(link);
  await cand.getByText('Question 1 of 2').waitFor();
  check(await cand.getByLabel('Your name').count() === 0, 'the reopened tab does not ask for a name');
  await cand.locator('.presence .who', { hasText: 'Grace B. Hopper (you)' }).waitFor();
  await cand.locator('.cm-content', { hasText: 'def timed(fn):' }).waitFor();
  await staff.locator('.presence .who.online', { hasText: 'Grace B. Hopper' }).waitFor();
  const candidatesShown = () => staff.locator('.presence .who', { hasText: '· candidate' }).count();
  check(await candidatesShown() === 1, `the room lists one candidate, not ${await candidatesShown()}`);

  step('a second candidate tab is the same participant too: its chat is under the same name');
  const second = await candCtx.newPage();
  pages.push(second);
  watch(second, 'candidate (second tab)', problems, expected);
  await second.goto(link);
  await second.getByText('Question 1 of 2').waitFor();
  await second.getByLabel('Chat message').fill('From my second tab');
  await second.getByLabel('Chat message').press('Enter');
  await staff.locator('.chat-lines li', { hasText: 'From my second tab' }).waitFor();
  check((await staff.locator('.chat-lines li', { hasText: 'From my second tab' }).locator('.who').textContent()) === 'Grace B. Hopper', 'the chat line is under the chosen name');
  check(await candidatesShown() === 1, 'still one candidate in the room');
  await second.close();

  step('the interviewer\'s layout keeps the editor, the score and the plan in view, without overflow');
  for (const [width, height] of [[1440, 900], [1280, 800], [800, 600]]) {
    await staff.setViewportSize({ width, height });
    await staff.evaluate(() => window.scrollTo(0, 0));
    await staff.getByRole('tab', { name: 'Answer key' }).click();
    const key = await layout(staff);
    check(key.pageWidth <= width, `${width}x${height}: the page is ${key.pageWidth} px wide`);
    check(key.codeOut === 0 && !key.panelOverflows, `${width}x${height}: code in the answer key stays in its column (it scrolls)`);
    check(key.wrapped.length === 0, `${width}x${height}: buttons broken mid-word: ${key.wrapped.join(', ')}`);
    check(key.editorTop < height, `${width}x${height}: the shared editor starts in the first screen (at ${key.editorTop} px)`);
    await staff.evaluate(() => window.scrollTo(0, 0));
    await staff.screenshot({ path: join(out, `interviewer-${width}x${height}.png`) });
    await staff.getByRole('tab', { name: 'Score' }).click();
    const score = await layout(staff);
    check(score.wrapped.length === 0 && score.pageWidth <= width, `${width}x${height}: the score tab fits`);
    if (width >= 1000) {
      const rubric = await staff.getByRole('button', { name: '3 · Good' }).boundingBox();
      check(rubric.y + rubric.height <= height && score.editorBottom > 0 && score.editorTop < height,
        `${width}x${height}: the rubric and the editor are on screen together`);
      const push = await staff.getByRole('button', { name: 'Push next question' }).boundingBox();
      check(push.y + push.height <= height, `${width}x${height}: "Push next question" is on screen`);
      await staff.screenshot({ path: join(out, `interviewer-score-${width}x${height}.png`) });
    }
    await staff.getByRole('tab', { name: 'Plan' }).click();
    const plan = await layout(staff);
    check(plan.wrapped.length === 0 && plan.pageWidth <= width, `${width}x${height}: the plan fits, its buttons whole: ${plan.wrapped.join(', ')}`);
  }
  await staff.setViewportSize({ width: 1440, height: 900 });
  await staff.getByRole('tab', { name: 'Answer key' }).click();

  step('going back to a question carries on its timer');
  const timer = page => page.locator('.timer').textContent().then(seconds);
  await staff.waitForFunction(() => {
    const t = document.querySelector('.timer')?.textContent ?? '';
    return /^\d+:\d\d$/.test(t) && !/^(10:00|9:59|9:58)$/.test(t);
  }, null, { polling: 200 });
  const leftWhenLeaving = await timer(staff);
  await staff.getByRole('button', { name: 'Push next question' }).click();
  await staff.getByText('Question 2 of 2').waitFor();
  await cand.getByText('Question 2 of 2').waitFor();
  check(await timer(staff) >= 9 * 60 + 55, 'the second question starts with its whole time');
  await staff.getByRole('tab', { name: 'Plan' }).click();
  await staff.getByRole('button', { name: 'Push question 1' }).click();
  await staff.getByText('Question 1 of 2').waitFor();
  await cand.getByText('Question 1 of 2').waitFor();
  check(await timer(staff) <= leftWhenLeaving, `back on question 1 the interviewer's timer goes on from ${leftWhenLeaving}s left, not ${await timer(staff)}s`);
  check(await timer(cand) <= leftWhenLeaving, `and so does the candidate's, not ${await timer(cand)}s`);
  await staff.reload();
  await staff.getByText('Question 1 of 2').waitFor();
  check(await timer(staff) <= leftWhenLeaving, `after a reload too, not ${await timer(staff)}s`);

  step('notes and hints show who wrote them');
  await staff.getByRole('tab', { name: 'Notes' }).click();
  await staff.getByLabel('Private note').fill('Knows decorators well');
  await staff.getByRole('button', { name: 'Add note' }).click();
  await staff.locator('.note-lines li', { hasText: 'Knows decorators well' }).locator('.who', { hasText: 'Ada Lovelace' }).waitFor();
  await staff.getByRole('tab', { name: 'Score' }).click();
  await staff.getByLabel('Hint given').fill('Think of functools.wraps');
  await staff.getByRole('button', { name: 'Log hint' }).click();
  await staff.locator('.hints li', { hasText: 'Think of functools.wraps' }).locator('.who', { hasText: 'Ada Lovelace' }).waitFor();

  step('the recommendation\'s summary is saved as it is typed, kept over a reload, and shown after Submit');
  await staff.getByLabel('Overall recommendation').selectOption('yes');
  await staff.getByLabel('Summary').click();
  await staff.keyboard.type('Clear decorators, solid on generators.');
  await staff.locator('.draft-state', { hasText: 'Draft saved' }).waitFor();
  check(await staff.getByLabel('Summary').evaluate(t => t === document.activeElement), 'saved while the box still has the focus');
  await staff.reload();
  await staff.getByRole('tab', { name: 'Score' }).click();
  await staff.waitForFunction(() => document.querySelector('textarea[aria-label="Summary"]')?.value === 'Clear decorators, solid on generators.', null, { polling: 100 });

  step('inviting a colleague gives the room\'s link to send them');
  const colleagueEmail = `charles-${Date.now()}@example.com`;
  const invitation = await staff.evaluate(() => fetch('/api/invitations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then(r => r.json()));
  const obsCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const observer = await obsCtx.newPage();
  pages.push(observer);
  watch(observer, 'observer', problems, expected);
  await observer.goto(`${base}/login`);
  const signedUp = await observer.evaluate(([token, email]) => fetch('/api/auth/signup', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ invitation: token, name: 'Charles Babbage', email, password: 'correct horse battery' }) }).then(r => r.status),
  [invitation.url.split('/').pop(), colleagueEmail]);
  check(signedUp === 201 || signedUp === 200, `the colleague signed up: ${signedUp}`);
  await staff.getByRole('tab', { name: 'Links' }).click();
  await staff.getByLabel("Colleague's email").fill(colleagueEmail);
  await staff.getByLabel('Their role').selectOption('observer');
  await staff.getByRole('button', { name: 'Invite' }).click();
  const roomLink = await staff.getByLabel('Room link for your colleague').inputValue();
  check(new URL(roomLink).pathname === `/rooms/${sessionId}`, `the room's link is given: ${roomLink}`);
  await staff.locator('.invited').getByRole('button', { name: 'Copy' }).click();
  await staff.locator('.invited').getByText('Copied.').waitFor();
  check(await staff.evaluate(() => navigator.clipboard.readText()) === roomLink, 'Copy put the room link on the clipboard');
  await observer.goto(`${base}${new URL(roomLink).pathname}`);
  await observer.locator('.presence .who', { hasText: 'Charles Babbage (you)' }).waitFor();
  check((await observer.locator('.presence .who', { hasText: 'Charles Babbage (you)' }).textContent()).includes('observer'), 'the colleague is in the room as observer');

  step('an edit the database refuses is undone once, with a message, and typing goes on');
  const sockets = [];
  cand.on('websocket', ws => sockets.push(ws));
  await cand.locator('.cm-content').click();
  await cand.keyboard.press('Control+End');
  await cand.keyboard.insertText('REFUSE ME');
  await cand.getByRole('alert').filter({ hasText: 'could not save your last change' }).waitFor();
  await cand.locator('.save-state', { hasText: 'All saved' }).waitFor({ timeout: 20_000 });
  check(!(await cand.evaluate(() => window.mockroomRoom.editor().state.doc.toString())).includes('REFUSE ME'), 'the refused text is gone from the editor');
  await cand.locator('.cm-content').click();
  await cand.keyboard.press('Control+End');
  await cand.keyboard.type(' # saved');
  await staff.locator('.cm-content', { hasText: '# saved' }).waitFor();
  await cand.locator('.save-state', { hasText: 'All saved' }).waitFor();
  check(sockets.length === 1, `the room reloaded once (one reconnection), not ${sockets.length} times`);
  check(!(await staff.evaluate(() => window.mockroomRoom.editor().state.doc.toString())).includes('REFUSE ME'), 'the interviewer never had the refused text');
  await cand.getByRole('button', { name: 'Dismiss' }).click();

  step('submitting shows the submitted summary');
  await staff.getByRole('tab', { name: 'Score' }).click();
  await staff.getByRole('button', { name: 'Submit' }).click();
  await staff.getByText('You submitted:').waitFor();
  await staff.locator('.recommend .summary', { hasText: 'Clear decorators, solid on generators.' }).waitFor();

  step('ending the session shows staff where its review is; the room says so when opened later');
  staff.once('dialog', d => d.accept());
  await staff.getByRole('button', { name: 'End session' }).click();
  await staff.getByRole('heading', { name: 'The session has ended' }).waitFor();
  await observer.getByRole('heading', { name: 'The session has ended' }).waitFor();
  await cand.getByRole('heading', { name: 'This session has ended' }).waitFor();
  check(await staff.getByRole('link', { name: 'Open the review' }).getAttribute('href') === `/review/${sessionId}`, 'a link to the review');
  check(await observer.getByRole('link', { name: 'Open the review' }).count() === 1, 'the observer has it too');
  await staff.screenshot({ path: join(out, 'interviewer-ended.png') });
  await staff.goto(`${base}${roomHref}`);
  await staff.getByRole('heading', { name: 'The session has ended' }).waitFor();
  await staff.getByRole('link', { name: 'Back to your sessions' }).click();
  await staff.getByRole('heading', { name: 'Sessions' }).waitFor();

  step('an unknown room gives staff a staff message');
  await staff.goto(`${base}/rooms/00000000-0000-4000-8000-000000000000`);
  await staff.getByRole('heading', { name: 'No session with this address in your organisation' }).waitFor();
  check(await staff.getByText('Ask the interviewer').count() === 0, 'not the candidate\'s message');
  await staff.getByRole('link', { name: 'Go to your sessions' }).click();
  await staff.getByRole('heading', { name: 'Sessions' }).waitFor();

  check(problems.length === 0, `the pages reported problems:\n${problems.join('\n')}`);
});
