// A whole interview in two browser contexts: the interviewer signs up and creates a session,
// the candidate opens the link and enters a name, the interviewer starts and pushes a question,
// the candidate types an answer the interviewer sees live, they chat both ways, a dropped
// connection reconnects without losing text, chat, notes and scores sent while the network is
// cut arrive once it is back, the plan's next question follows the plan after an extra
// question, the interviewer ends, the candidate sees it.
import { join } from 'node:path';
import { run, step, check, watch, signUpInBrowser } from './browser.mjs';
import { cuttableProxy } from './cuttable-proxy.mjs';

await run(async ({ browser, base, out, pages }) => {
  const problems = [];
  const staffCtx = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const staff = await staffCtx.newPage();
  pages.push(staff);
  const offline = /WebSocket connection to .* failed|Failed to load resource: net::ERR_/;
  watch(staff, 'interviewer', problems, offline);
  // The cursor messages the interviewer's page sends (its room sockets, from the first).
  const cursorsSent = [];
  staff.on('websocket', ws => ws.on('framesent', f => { if (String(f.payload).includes('"type":"cursor"')) cursorsSent.push(f.payload); }));

  step('interviewer signs up');
  const email = `ada-${Date.now()}@example.com`;
  await signUpInBrowser(staff, base, 'Analytical Engines <script>alert(1)</script>', email);
  check((await staff.locator('.account').textContent()).includes('Analytical Engines <script>'), 'organisation name shown as text');

  step('interviewer creates a session with a plan');
  await staff.getByRole('link', { name: 'New session' }).click();
  await staff.getByLabel('Title').fill('Python screen');
  await staff.getByLabel("Candidate's name").fill('Grace Hopper');
  // The answer for words typed before, when it comes last, does not replace the last words' results.
  let release;
  const held = new Promise(r => { release = r; });
  const early = u => u.pathname === '/api/questions' && u.searchParams.get('q') === 'iterator';
  await staff.route(early, async route => { await held; await route.continue(); });
  const earlyAsked = staff.waitForRequest(r => early(new URL(r.url())));
  await staff.getByLabel('Search the bank').fill('iterator');
  await earlyAsked;
  await staff.getByLabel('Search the bank').fill('generator expression');
  await staff.locator('.picker li', { hasText: 'generator expressions' }).first().waitFor();
  const found = await staff.locator('.picker li').allInnerTexts();
  const earlyAnswered = staff.waitForResponse(r => early(new URL(r.url())));
  release();
  await earlyAnswered;
  await staff.evaluate(() => new Promise(r => requestAnimationFrame(() => setTimeout(r)))); // drawn, had it been taken
  const after = await staff.locator('.picker li').allInnerTexts();
  check(JSON.stringify(after) === JSON.stringify(found),
    `the picker still shows what "generator expression" found: ${JSON.stringify(after)} (was ${JSON.stringify(found)})`);
  await staff.unroute(early);
  await staff.getByLabel('Search the bank').fill('decorator');
  await staff.locator('.picker li button').first().click();
  await staff.getByLabel('Search the bank').fill('generator');
  await staff.locator('.picker li button:not([disabled]):not([aria-disabled="true"])').first().click();
  check(await staff.locator('ol.plan li').count() === 2, 'two questions planned');
  await staff.getByLabel('Minutes for question 2').fill('25');
  check(await staff.locator('.plan-total').textContent() === '2 questions · 35 min in all', `the plan adds up its minutes: ${await staff.locator('.plan-total').textContent()}`);
  await staff.getByRole('button', { name: 'Create session' }).click();
  const link = await staff.getByLabel('Candidate link').inputValue();
  check(/\/join\/[\w-]{43}$/.test(link), `candidate link carries a long token: ${link}`);
  check(await staff.getByLabel('Candidate link').evaluate(f => f.scrollWidth <= f.clientWidth && f.scrollHeight <= f.clientHeight + 1),
    'the whole candidate link is in view');
  const roomHref = await staff.getByRole('link', { name: 'Open the room' }).getAttribute('href');
  await staff.getByRole('link', { name: 'Sessions' }).click();
  await staff.getByRole('button', { name: 'Copy candidate link for Grace Hopper' }).click();
  await staff.locator('table.sessions').getByText('Copied.').waitFor();
  check(await staff.evaluate(() => navigator.clipboard.readText()) === link, 'the session list copies the candidate link');

  step('the interviewer opens the room (through a network the test can cut); the candidate link is there to copy');
  // Cookies do not depend on the port: the interviewer stays signed in through the proxy.
  const staffNetwork = await cuttableProxy(Number(new URL(base).port));
  await staff.goto(`http://127.0.0.1:${staffNetwork.port}${roomHref}`);
  await staff.getByRole('button', { name: 'Start session' }).waitFor();
  check(await staff.title() === 'Python screen with Grace Hopper · Mockroom', `the tab is named after the session: ${await staff.title()}`);
  await staff.getByRole('tab', { name: 'Links' }).click();
  await staff.getByLabel('Candidate link').waitFor();
  const roomLink = await staff.getByLabel('Candidate link').inputValue();
  check(new URL(roomLink).pathname === new URL(link).pathname, `the room shows the same candidate link: ${roomLink}`);
  await staff.getByRole('button', { name: 'Copy', exact: true }).click();
  await staff.getByText('Copied.').waitFor();
  check(await staff.evaluate(() => navigator.clipboard.readText()) === roomLink, 'Copy put the link on the clipboard');

  step('candidate opens the link and enters a name');
  // The candidate reaches the server through a proxy whose network the test can cut.
  const network = await cuttableProxy(Number(new URL(base).port));
  const candLink = link.replace(new URL(link).host, `127.0.0.1:${network.port}`);
  const candCtx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const cand = await candCtx.newPage();
  pages.push(cand);
  const candCursorsSent = [];
  cand.on('websocket', ws => ws.on('framesent', f => { if (String(f.payload).includes('"type":"cursor"')) candCursorsSent.push(f.payload); }));
  watch(cand, 'candidate', problems, /WebSocket connection to .* failed|Failed to load resource: net::ERR_/);
  await cand.goto(candLink);
  await cand.getByLabel('Your name').fill('Grace Hopper');
  await cand.getByRole('button', { name: 'Join the room' }).click();
  await cand.getByText('Waiting for the interviewer to start').waitFor();
  check((await cand.locator('.waiting p').textContent()).includes('2 questions are planned'), 'the waiting candidate is told how many questions are planned');
  await staff.locator('.presence .who', { hasText: 'Grace Hopper' }).waitFor();

  step('interviewer starts and pushes the first question');
  await staff.getByRole('button', { name: 'Start session' }).click();
  await staff.getByRole('button', { name: 'Push next question' }).click();
  const prompt = await staff.locator('.current-prompt').textContent();
  await cand.locator('.current-prompt', { hasText: prompt }).waitFor();
  check(await cand.locator('.answer-key').count() === 0, 'the candidate sees no answer key');
  check(await staff.locator('.answer-key .key-points li').count() >= 2, 'the interviewer sees key points');
  await cand.locator('.timer').waitFor();

  step('candidate types; the interviewer sees it live');
  await cand.locator('.cm-content').click();
  await cand.keyboard.type('def timed(fn):');
  await staff.locator('.cm-content', { hasText: 'def timed(fn):' }).waitFor();
  await cand.locator('.save-state', { hasText: 'All saved' }).waitFor();

  step("the interviewer's cursor is shown only once they use the editor, not on every keystroke of the candidate's");
  // Any cursor the interviewer's page sent because the text changed left within its 80-ms delay
  // (timers fire in order: the 100-ms one set after it fires after it), before the chat line
  // below, on the same socket: the candidate would see it before the line.
  await cand.keyboard.type(' # times it');
  await staff.locator('.cm-content', { hasText: 'def timed(fn): # times it' }).waitFor();
  await staff.evaluate(() => new Promise(r => setTimeout(r, 100)));
  await staff.getByLabel('Chat message').fill('Go on.');
  await staff.getByLabel('Chat message').press('Enter');
  await cand.locator('.chat-lines li', { hasText: 'Go on.' }).waitFor();
  check(await cand.locator('.remote-label', { hasText: 'Ada Lovelace' }).count() === 0,
    "the interviewer, who has not touched the editor, has no cursor in the candidate's");
  check(cursorsSent.length === 0, `the interviewer's page sent no cursor while only the candidate typed: ${cursorsSent.join(', ')}`);
  await staff.locator('.cm-content').click();
  await cand.locator('.remote-label', { hasText: 'Ada Lovelace' }).waitFor();
  await cand.locator('.cm-content').press('End');

  step("the candidate's caret follows their typing on the interviewer's screen, without a cursor message per keystroke");
  await cand.evaluate(() => new Promise(r => setTimeout(r, 100))); // the cursor of End has left (its 80-ms delay)
  const cursorsBefore = candCursorsSent.length;
  check(cursorsBefore > 0, "the candidate's moves (clicks, End) are sent");
  await cand.keyboard.type(' ok');
  await staff.locator('.cm-content', { hasText: 'def timed(fn): # times it ok' }).waitFor();
  await cand.evaluate(() => new Promise(r => setTimeout(r, 100)));
  check(candCursorsSent.length === cursorsBefore, `typing at the caret sent no cursor: ${candCursorsSent.slice(cursorsBefore).join(', ')}`);
  const caretAtEnd = await staff.evaluate(() => {
    const view = window.mockroomRoom.editor();
    const caret = [...document.querySelectorAll('.remote-caret')].find(c => c.textContent.includes('Grace Hopper'));
    return caret ? view.posAtDOM(caret) === view.state.doc.length : 'no caret';
  });
  check(caretAtEnd === true, `the interviewer sees Grace's caret after what she typed: ${caretAtEnd}`);

  step("a caret's name fades after a moment (it would cover the line above), and shows again on its flag's hover");
  const graceLabel = staff.locator('.remote-caret', { hasText: 'Grace Hopper' }).locator('.remote-label');
  await graceLabel.waitFor({ state: 'hidden', timeout: 10_000 });
  check(await staff.locator('.remote-caret', { hasText: 'Grace Hopper' }).locator('.remote-flag').isVisible(), 'the caret keeps a flag');
  await staff.locator('.editor').screenshot({ path: join(out, 'caret-name-faded.png') });
  await staff.locator('.remote-caret', { hasText: 'Grace Hopper' }).locator('.remote-flag').hover();
  await graceLabel.waitFor({ state: 'visible', timeout: 2_000 });
  await staff.mouse.move(0, 0);

  step('chat both ways, shown as text');
  await cand.getByLabel('Chat message').fill('Can I use functools?');
  await cand.getByLabel('Chat message').press('Enter');
  await staff.locator('.chat-lines li', { hasText: 'Can I use functools?' }).waitFor();
  await staff.getByLabel('Chat message').fill('Yes <b>please</b>');
  await staff.getByLabel('Chat message').press('Enter');
  await cand.locator('.chat-lines li', { hasText: 'Yes <b>please</b>' }).waitFor();
  check(await cand.locator('.chat-lines b').count() === 0, 'chat markup is not rendered as HTML');

  step('interviewer writes a private note the candidate never sees');
  await staff.getByRole('tab', { name: 'Notes' }).click();
  await staff.getByLabel('Private note').fill('Knows decorators well');
  await staff.getByRole('button', { name: 'Add note' }).click();
  await staff.locator('.note-lines li', { hasText: 'Knows decorators well' }).waitFor();
  check(await staff.locator('.note-lines li', { hasText: 'Knows decorators well' }).locator('.note-about').textContent() === 'Q1',
    'the note says it is about the first question of the plan');

  step('the candidate loses the connection, types on, and reconnects without losing text');
  await cand.evaluate(() => window.mockroomRoom.drop());
  await cand.locator('.cm-content').press('End');
  await cand.keyboard.type(' pass');
  await staff.locator('.cm-content', { hasText: 'def timed(fn): # times it ok pass' }).waitFor();
  await cand.locator('.save-state', { hasText: 'All saved' }).waitFor();

  step('the network is cut while both type, chat, note and score: the room keeps trying, and nothing is lost');
  network.cut();
  staffNetwork.cut();
  await cand.locator('.save-state', { hasText: 'Reconnecting' }).waitFor();
  await staff.locator('.save-state', { hasText: 'Reconnecting' }).waitFor();
  await cand.locator('.cm-content').press('End');
  await cand.keyboard.type('  # typed offline');
  for (const text of ['Sent while cut off', 'And a second one']) {
    await cand.getByLabel('Chat message').fill(text);
    await cand.getByLabel('Chat message').press('Enter');
  }
  await cand.locator('.chat-lines li.not-sent', { hasText: 'And a second one' }).waitFor();
  check((await cand.locator('.chat-lines li.not-sent').first().textContent()).includes('Not sent yet'), 'a waiting chat line says it is not sent yet');
  await staff.getByLabel('Private note').fill('Noted while cut off');
  await staff.getByRole('button', { name: 'Add note' }).click();
  await staff.locator('.note-lines li.not-sent', { hasText: 'Noted while cut off' }).waitFor();
  await staff.getByRole('tab', { name: 'Score' }).click();
  await staff.getByRole('button', { name: '3 · Good' }).click();
  await staff.locator('.rubric button[aria-pressed="true"]', { hasText: '3' }).waitFor();
  await staff.getByText('Score not sent yet').waitFor();
  await staff.locator('.save-state', { hasText: 'not sent yet' }).waitFor();
  check(await staff.locator('.presence .who.online').count() === 0 && await staff.locator('.presence .who.unknown').count() === 2,
    'while reconnecting, nobody is shown online');
  await cand.waitForFunction(() => window.mockroomRoom.failedAttempts() >= 3, null, { polling: 100 }); // handshakes failed
  check(await cand.getByText('You cannot join this room').count() === 0, 'a network outage is not a refusal');
  check(await staff.getByLabel('Chat message').inputValue() === '' && await staff.getByText('Noted while cut off').count() === 1, 'what was sent is kept, once');
  network.restore();
  staffNetwork.restore();
  await staff.locator('.cm-content', { hasText: '# typed offline' }).waitFor({ timeout: 30_000 });
  await cand.locator('.save-state', { hasText: 'All saved' }).waitFor();
  await staff.locator('.save-state', { hasText: 'All saved' }).waitFor({ timeout: 30_000 });
  await staff.locator('.chat-lines li:not(.not-sent)', { hasText: 'And a second one' }).waitFor();
  const staffChat = await staff.locator('.chat-lines li .text').allTextContents();
  check(staffChat.indexOf('Sent while cut off') >= 0 && staffChat.indexOf('Sent while cut off') === staffChat.indexOf('And a second one') - 1,
    `the chat sent while cut off arrived, in order: ${staffChat.join(' | ')}`);
  await cand.locator('.chat-lines li:not(.not-sent)', { hasText: 'And a second one' }).waitFor();
  await staff.locator('.note-lines li:not(.not-sent)', { hasText: 'Noted while cut off' }).waitFor({ state: 'attached' }); // in the Notes tab, behind Score
  check(await staff.locator('.note-lines li', { hasText: 'Noted while cut off' }).count() === 1, 'the note arrived once');
  await staff.getByText('Score not sent yet').waitFor({ state: 'detached' });
  await staff.locator('.rubric button[aria-pressed="true"]', { hasText: '3' }).waitFor();
  await staff.locator('.presence .who.online', { hasText: 'Grace Hopper' }).waitFor();
  await cand.screenshot({ path: join(out, 'candidate-room.png') });
  await staff.screenshot({ path: join(out, 'interviewer-room.png') });

  step('interviewer scores the question and submits a recommendation');
  await staff.getByRole('button', { name: '4 · Strong' }).click();
  await staff.locator('.rubric button[aria-pressed="true"]', { hasText: '4' }).waitFor();
  await staff.locator('.key-point-ticks input').first().check();
  await staff.locator('.key-point-ticks input:checked').first().waitFor();
  await staff.getByLabel('Overall recommendation').selectOption('yes');
  await staff.getByLabel('Summary').fill('Writes clear decorators');
  await staff.getByRole('button', { name: 'Submit' }).click();
  await staff.getByText('You submitted:').waitFor();
  check(await cand.locator('.scoring-box, .recommend').count() === 0, 'the candidate sees no scoring');

  step('after an extra question, "Push next question" goes on with the plan, which marks what was asked');
  await staff.getByRole('tab', { name: 'Plan' }).click();
  await staff.getByLabel('Search any bank question').fill('metaclass');
  await staff.locator('.plan-box .picker li button').first().click();
  await staff.getByText('Extra question').waitFor();
  await cand.getByText('Extra question').waitFor();
  check(await staff.locator('ol.plan li.asked').count() === 1, 'the first plan question is marked as asked');
  await staff.getByRole('tab', { name: 'Notes' }).click();
  await staff.getByLabel('Private note').fill('Off the plan, on metaclasses');
  await staff.getByRole('button', { name: 'Add note' }).click();
  const extraNote = staff.locator('.note-lines li:not(.not-sent)', { hasText: 'Off the plan' });
  await extraNote.waitFor();
  check(await extraNote.locator('.note-about').textContent() === 'Extra', 'a note during an extra question says so');
  await staff.getByRole('button', { name: 'Push next question' }).click();
  await staff.getByText('Question 2 of 2').waitFor();
  await cand.getByText('Question 2 of 2').waitFor();
  check(await staff.locator('ol.plan li.asked').count() === 2, 'both plan questions are marked as asked');
  check(await staff.getByRole('button', { name: 'Push next question' }).count() === 0, 'no next question once the whole plan was asked');

  step('interviewer ends the session; the candidate sees it ended');
  staff.once('dialog', d => d.accept());
  await staff.getByRole('button', { name: 'End session' }).click();
  await cand.getByRole('heading', { name: 'This session has ended' }).waitFor();
  await staff.getByRole('heading', { name: 'The session has ended' }).waitFor();
  await cand.screenshot({ path: join(out, 'candidate-ended.png') });

  step('the link no longer opens the room');
  await cand.goto(candLink);
  await cand.getByText('This interview has ended').waitFor();
  network.close();
  staffNetwork.close();

  check(problems.length === 0, `the pages reported problems:\n${problems.join('\n')}`);
});
