// The live room by keyboard and screen reader, in a real Chromium, for the interviewer and the
// candidate at once: what the accessibility tree says, where focus goes, and what the live regions
// say — every text any live region takes is recorded in the page (listenToLiveRegions), so a test
// can ask what was said and what was not. One part per run (--part):
//   interview  keyboard only where it matters: the candidate joins; the interviewer starts and
//              pushes; the candidate types an answer (Tab indents) and leaves the editor by
//              Escape then Tab; both chat; the interviewer switches tabs by arrow keys, scores
//              with the rubric and a key point, drafts a summary, writes a note, pushes the last
//              question and ends.
//              Names and states of the controls, focus after each step (never the page's body),
//              and the polite announcements: joining and leaving, start, each question with its
//              prompt, the others' chat lines (not one's own), the timer's last minute once and
//              its end once (not every second; the candidate's clock is Playwright's, run a minute
//              on), the connection lost and back, the end — and no talk while typing
//              (the answer, the summary)
//   layout     text and control borders at WCAG AA contrast on both pages and every staff tab, and
//              at 200 % zoom (1280 px wide: 640 CSS px) nothing scrolls sideways or is cut off
import { join } from 'node:path';
import { run, step, check, watch } from './browser.mjs';
import { INTERACTIVE, axNodes, candidateJoinsWithEars, contextWithEars, expectFocus, focused, heard, heardOnce, lowContrast, mark, notHeard, spoken, tabTo, waitForFocusOn } from './a11y-checks.mjs';

const part = (() => { const i = process.argv.indexOf('--part'); return i > 0 ? process.argv[i + 1] : 'all'; })();
const PASSWORD = 'correct horse battery';
const stamp = Date.now().toString(36);
/** What a page may log while a socket is dropped on purpose. */
const EXPECTED = /WebSocket connection to .* failed|Failed to load resource/;

/** Interactive controls without a name, the number of h1 and the roles of the landmarks. */
async function structure(page) {
  const nodes = await axNodes(page);
  return {
    nodes,
    unnamed: nodes.filter(n => INTERACTIVE.has(n.role) && !n.name),
    h1: nodes.filter(n => n.role === 'heading' && n.level === 1).map(n => n.name),
    landmarks: nodes.filter(n => ['main', 'complementary', 'region', 'banner', 'navigation'].includes(n.role)).map(n => `${n.role} "${n.name}"`),
  };
}

async function node(page, role, name) {
  return (await axNodes(page)).find(n => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));
}

/** An interviewer signed up in {@code ctx}, and a session planning two questions (the second with one minute). */
async function aSession(page, base, organisation) {
  const r = await page.request.post(`${base}/api/auth/signup`, { data: { organisation, name: 'Ada Keys', email: `ada-${organisation.replace(/\W/g, '')}-${stamp}@example.com`, password: PASSWORD } });
  check(r.status() === 201, `signup: ${r.status()}`);
  const qs = (await (await page.request.get(`${base}/api/questions?q=decorator&pageSize=2`)).json()).items;
  check(qs.length === 2, 'two questions about decorators in the bank');
  const s = await page.request.post(`${base}/api/sessions`, { data: { title: 'Keyboard interview', candidateName: 'Cara Candidate',
    plan: [{ questionId: qs[0].id }, { questionId: qs[1].id, minutes: 1 }] } });
  check(s.status() === 201, `session: ${s.status()}`);
  return s.json();
}

await run(async ({ browser, base, out, pages }) => {
  const problems = [];

  if (part === 'interview' || part === 'all') {
    const staffCtx = await contextWithEars(browser);
    const staff = await staffCtx.newPage();
    pages.push(staff);
    watch(staff, 'interviewer', problems, EXPECTED);
    const session = await aSession(staff, base, 'Keys Ltd');

    step('the interviewer opens the room: its heading has focus; every control is named; the tabs are one tablist');
    await staff.goto(`${base}/rooms/${session.id}`);
    await staff.getByRole('button', { name: 'Start session' }).waitFor();
    await waitForFocusOn(staff, '.room-bar h1', 'the room opened');
    await expectFocus(staff, 'heading', 'Keyboard interview', 'the room opened');
    const s = await structure(staff);
    check(s.unnamed.length === 0, `controls without a name: ${JSON.stringify(s.unnamed)}`);
    check(s.h1.length === 1, `one h1: ${s.h1.join(' | ')}`);
    const tabs = s.nodes.filter(n => n.role === 'tab').map(n => n.name);
    check(JSON.stringify(tabs) === JSON.stringify(['Answer key', 'Score', 'Plan', 'Notes', 'Links']), `the tabs: ${tabs.join(', ')}`);
    const tabDom = await staff.evaluate(() => [...document.querySelectorAll('[role=tab]')].map(t => ({
      stop: t.tabIndex === 0, panel: document.getElementById(t.getAttribute('aria-controls'))?.getAttribute('role'), selected: t.getAttribute('aria-selected') })));
    check(tabDom.filter(t => t.stop).length === 1 && tabDom[0].stop, `one Tab stop in the tablist, the chosen tab: ${JSON.stringify(tabDom)}`);
    check(tabDom.every(t => t.panel === 'tabpanel'), 'each tab controls its tabpanel');
    check(await staff.evaluate(() => { const a = document.getElementById('announcer'); return a.getAttribute('aria-live') === 'polite' && a.getAttribute('role') === 'status'; }),
      'the room speaks through the polite live region');

    step('a second device of the candidate joins and goes again: the interviewer hears it join (and, later, leave)');
    const otherCtx = await contextWithEars(browser);
    const other = await otherCtx.newPage();
    watch(other, 'second device', problems, EXPECTED);
    await other.goto(session.candidateUrl);
    await other.getByLabel('Your name').fill('Second Device');
    await other.getByLabel('Your name').press('Enter');
    await other.getByText('Waiting for the interviewer to start').waitFor();
    await heard(staff, 'Second Device joined the room.', 'a second device joined');
    await otherCtx.close();

    step('the candidate joins by keyboard: the room\'s heading has focus, the interviewer hears them join');
    const candCtx = await contextWithEars(browser);
    // The candidate's clock is Playwright's (flowing as the real one until the test runs it on), so
    // that a timed question's minute can pass without a minute of waiting.
    await candCtx.clock.install();
    const cand = await candCtx.newPage();
    pages.push(cand);
    watch(cand, 'candidate', problems, EXPECTED);
    await cand.goto(session.candidateUrl);
    await cand.getByRole('heading', { name: 'Keyboard interview' }).waitFor();
    await tabTo(cand, 'textbox', 'Your name');
    await cand.keyboard.press('Control+A');
    await cand.keyboard.type('Cara Candidate');
    await cand.keyboard.press('Enter');
    await cand.getByText('Waiting for the interviewer to start').waitFor();
    await waitForFocusOn(cand, '.room-bar h1', 'the candidate joined');
    await expectFocus(cand, 'heading', 'Keyboard interview', 'the candidate joined');
    await heard(staff, 'Cara Candidate joined the room.', 'the candidate joined');
    const c = await structure(cand);
    check(c.unnamed.length === 0, `candidate's controls without a name: ${JSON.stringify(c.unnamed)}`);
    check(c.h1.length === 1, `the candidate's page has one h1: ${c.h1.join(' | ')}`);
    check(c.landmarks.includes('complementary "Chat"') && c.landmarks.includes('main ""'), `the candidate's landmarks: ${c.landmarks.join(', ')}`);
    await staff.locator('.presence .who.online', { hasText: 'Cara Candidate' }).waitFor();
    const chips = await staff.locator('.presence li').allTextContents();
    check(chips.includes('Ada Keys (you) · interviewer, online') && chips.includes('Cara Candidate · candidate, online'),
      `the presence chips say who, in what role and whether online: ${JSON.stringify(chips)}`);
    check(!(await axNodes(staff)).some(n => /[●◐○]/.test(n.name)), 'the chips\' dots are not read out');

    step('the interviewer starts by keyboard: focus goes on to Push next question; both hear the start');
    await tabTo(staff, 'button', 'Start session');
    await staff.keyboard.press('Enter');
    await waitForFocusOn(staff, '.push-next', 'after starting');
    await expectFocus(staff, 'button', 'Push next question', 'after starting');
    await heard(cand, 'The session has started.', 'the candidate, at the start');
    await heard(staff, 'The session has started.', 'the interviewer, at the start');

    step('the interviewer pushes the first question by keyboard: the candidate hears its prompt, focus stays on the button');
    await staff.keyboard.press('Enter');
    await cand.locator('.question-panel').getByText('Question 1 of 2').waitFor();
    const prompt1 = (await cand.locator('.current-prompt').textContent()).trim();
    await heard(cand, `New question, 1 of 2: ${prompt1}`, 'the candidate, at the first question');
    await heard(staff, `New question, 1 of 2: ${prompt1}`, 'the interviewer, at the first question');
    await expectFocus(staff, 'button', 'Push next question', 'after pushing a question with more to come');
    const editorNode = await node(cand, 'textbox', 'Answer to question 1 of 2');
    check(editorNode, 'the candidate\'s editor is named after its question');
    check(/press Escape, then Tab/.test(editorNode.description), `the editor says how to leave it: "${editorNode.description}"`);
    check(await node(staff, 'textbox', 'Answer to question 1 of 2'), 'the interviewer\'s editor is named after its question');

    step('the candidate types an answer: Tab indents and stays; Escape then Tab leaves for the chat; nothing is said meanwhile');
    const candBefore = await mark(cand);
    const staffBefore = await mark(staff);
    await tabTo(cand, 'textbox', 'Answer to question 1 of 2');
    await cand.keyboard.type('def timed(fn):');
    await cand.keyboard.press('Enter');
    await cand.keyboard.type('return fn');
    await cand.keyboard.press('Enter');
    const text = () => cand.evaluate(() => window.mockroomRoom.editor().state.doc.toString());
    const before = await text();
    await cand.keyboard.press('Tab');
    await expectFocus(cand, 'textbox', 'Answer to question 1 of 2', 'Tab in the editor');
    const after = await text();
    check(after.length > before.length && /^\s*$/.test(after.split('\n').pop()), `Tab indents the line: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    await cand.screenshot({ path: join(out, 'candidate-editor-focused.png') });
    await cand.keyboard.press('Escape');
    await cand.keyboard.press('Tab');
    await expectFocus(cand, 'textbox', 'Chat message', 'Escape, then Tab, in the editor');
    check((await focused(cand)).ring?.outline, 'the chat field shows focus');
    await staff.locator('.cm-content', { hasText: 'return fn' }).waitFor();
    await cand.locator('.save-state', { hasText: 'All saved' }).waitFor();
    await staff.locator('.save-state', { hasText: 'All saved' }).waitFor();
    for (const [page, from, who] of [[cand, candBefore, 'the candidate'], [staff, staffBefore, 'the interviewer']]) {
      await notHeard(page, ['Saving', 'All saved', 'def timed', 'return fn'], `${who}, while the candidate typed`, from);
    }

    step('chat by keyboard: each hears the other\'s line, not their own');
    const candChat = await mark(cand);
    await cand.keyboard.type('Can I use functools?');
    await cand.keyboard.press('Enter');
    await heard(staff, 'Chat from Cara Candidate: Can I use functools?', 'the candidate\'s chat line');
    await cand.locator('.chat-lines li:not(.not-sent)', { hasText: 'Can I use functools?' }).waitFor();
    await expectFocus(cand, 'textbox', 'Chat message', 'after sending a chat line');
    const staffChat = await mark(staff);
    await tabTo(staff, 'textbox', 'Chat message');
    await staff.keyboard.type('Yes, go ahead.');
    await staff.keyboard.press('Enter');
    await heard(cand, 'Chat from Ada Keys: Yes, go ahead.', 'the interviewer\'s chat line');
    await staff.locator('.chat-lines li:not(.not-sent)', { hasText: 'Yes, go ahead.' }).waitFor();
    await notHeard(cand, ['functools'], 'the candidate, of their own line', candChat);
    await notHeard(staff, ['go ahead'], 'the interviewer, of their own line', staffChat);
    for (const [page, who] of [[staff, 'interviewer'], [cand, 'candidate']]) {
      check(await node(page, 'list', 'Chat'), `the ${who}'s chat lines are a list named after their heading`);
    }

    step('the tabs by keyboard: one Tab stop, arrow keys, Home and End');
    await tabTo(staff, 'tab', 'Answer key', { back: true });
    await staff.keyboard.press('Shift+Tab');
    await expectFocus(staff, 'textbox', 'Answer to question 1 of 2', 'Shift+Tab leaves the tablist at once, for the editor before it');
    await staff.keyboard.press('Escape');
    await staff.keyboard.press('Tab');
    await expectFocus(staff, 'tab', 'Answer key', 'Escape, then Tab, from the editor comes back to the chosen tab');
    await staff.keyboard.press('Tab');
    await expectFocus(staff, 'tabpanel', 'Answer key', 'Tab goes from the chosen tab to its panel');
    await staff.keyboard.press('Shift+Tab');
    const chosen = async (name, how) => {
      await expectFocus(staff, 'tab', name, how);
      check((await node(staff, 'tab', name)).selected, `${how}: ${name} is selected`);
      check(await staff.locator(`#${await staff.evaluate(() => document.activeElement.getAttribute('aria-controls'))}`).isVisible(), `${how}: ${name}'s panel shows`);
    };
    for (const [key, name] of [['ArrowRight', 'Score'], ['End', 'Links'], ['Home', 'Answer key'], ['ArrowLeft', 'Links'], ['ArrowRight', 'Answer key'], ['ArrowRight', 'Score']]) {
      await staff.keyboard.press(key);
      await chosen(name, key);
    }
    check(await staff.evaluate(() => document.querySelectorAll('[role=tab][tabindex="0"]').length) === 1, 'still one Tab stop');

    step('scoring by keyboard: the rubric says which score is pressed; a key point is a checkbox');
    await tabTo(staff, 'button', '3 · Good');
    await staff.keyboard.press('Enter');
    await staff.waitForFunction(() => document.querySelector('.rubric button[aria-pressed="true"]')?.textContent.startsWith('3'));
    const rubric = (await axNodes(staff)).filter(n => n.role === 'button' && /^\d · /.test(n.name)).map(n => `${n.name}=${n.pressed}`);
    check(JSON.stringify(rubric) === JSON.stringify(['1 · No=false', '2 · Weak=false', '3 · Good=true', '4 · Strong=false']), `the rubric's states: ${rubric.join(', ')}`);
    await expectFocus(staff, 'button', '3 · Good', 'after scoring');
    const point = (await staff.locator('.key-point-ticks label').first().textContent()).trim();
    await tabTo(staff, 'checkbox', point);
    await staff.keyboard.press('Space');
    await staff.waitForFunction(() => document.querySelector('.key-point-ticks input')?.checked);
    check((await node(staff, 'checkbox', point)).checked === 'true', 'the key point says it is ticked');
    await staff.locator('.save-state', { hasText: 'All saved' }).waitFor();
    const summaryFrom = await mark(staff);
    await tabTo(staff, 'textbox', 'Summary');
    await staff.keyboard.type('Calm and clear');
    await staff.locator('.draft-state', { hasText: 'Draft saved' }).waitFor();
    await notHeard(staff, ['Saving', 'Draft saved'], 'the summary\'s draft, saved as it is typed', summaryFrom);

    step('a note by keyboard: Notes by the arrow keys, Ctrl+Enter adds it');
    await tabTo(staff, 'tab', 'Score', { back: true });
    await staff.keyboard.press('ArrowRight');
    await staff.keyboard.press('ArrowRight');
    await chosen('Notes', 'two ArrowRights from Score');
    await tabTo(staff, 'textbox', 'Private note');
    await staff.keyboard.type('Reads the question aloud first');
    await staff.keyboard.press('Control+Enter');
    await staff.locator('.note-lines li:not(.not-sent)', { hasText: 'Reads the question aloud first' }).waitFor();
    await expectFocus(staff, 'textbox', 'Private note', 'after adding a note');
    check(await node(staff, 'list', 'Notes so far'), 'the notes are a list named for what it holds');

    step('the last question: the button goes, focus goes to the question (not said as well); the candidate hears it, then its last minute once');
    await tabTo(staff, 'button', 'Push next question', { back: true });
    await staff.keyboard.press('Enter');
    await cand.locator('.question-panel').getByText('Question 2 of 2').waitFor();
    await waitForFocusOn(staff, '.current-prompt', 'after pushing the last question');
    const prompt2 = (await staff.locator('.current-prompt').textContent()).trim();
    await expectFocus(staff, 'heading', prompt2, 'after pushing the last question');
    await heard(cand, `New question, 2 of 2: ${prompt2}`, 'the candidate, at the last question');
    await heard(cand, 'One minute left on this question.', 'a one-minute question');
    check(await node(cand, 'textbox', 'Answer to question 2 of 2'), 'the editor is renamed for the new question');
    const timer = cand.locator('[role=timer]');
    const ticks = [await timer.textContent()];
    for (let i = 0; i < 2; i++) {
      await cand.waitForFunction(t => document.querySelector('[role=timer]').textContent !== t, ticks.at(-1));
      ticks.push(await timer.textContent());
    }
    check(ticks.every(t => /^Time left: 0:\d\d$/.test(t)), `the timer reads as time left: ${ticks.join(' | ')}`);
    const minute = (await spoken(cand)).filter(x => x.text.includes('One minute left'));
    check(minute.length === 1, `the last minute is said once: ${JSON.stringify(minute)}`);
    await notHeard(cand, [/\b\d:\d\d\b/], 'the timer, as it ticks');
    await notHeard(staff, [/\b\d:\d\d\b/], 'the interviewer\'s timer, as it ticks');

    step('the question\'s time runs out: the candidate hears it once, the timer reads as over time, nothing is said as it ticks');
    // A minute on the candidate's clock, every timer on the way firing in turn as in a real minute:
    // the timer's 61 ticks, and the room's pings and resend checks, which keep the socket in use.
    const timeUp = await mark(cand);
    await cand.clock.runFor(61_000);
    await heard(cand, 'Time is up for this question.', 'the question\'s time ran out', { from: timeUp });
    const over = [await timer.textContent()];
    for (let i = 0; i < 2; i++) {
      await cand.waitForFunction(t => document.querySelector('[role=timer]').textContent !== t, over.at(-1));
      over.push(await timer.textContent());
    }
    check(over.every(t => /^Over time by \+0:\d\d$/.test(t)), `the timer reads as over time: ${over.join(' | ')}`);
    const saidSince = (await spoken(cand, timeUp)).map(x => x.text);
    check(JSON.stringify(saidSince) === JSON.stringify(['Time is up for this question.']),
      `as the minute ran out and the timer ticked on, only that the time is up was said: ${JSON.stringify(saidSince)}`);
    await heardOnce(cand, 'Time is up for this question.', 'the candidate, over the whole interview');
    await heardOnce(cand, 'One minute left on this question.', 'the candidate, over the whole interview');
    // The room lived through the jump: what the candidate types over time still reaches the interviewer.
    await cand.evaluate(() => { const v = window.mockroomRoom.editor(); v.dispatch({ changes: { from: v.state.doc.length, insert: '# past the time' } }); });
    await staff.locator('.cm-content', { hasText: '# past the time' }).waitFor();

    step('the candidate\'s connection drops and comes back: they hear both; the interviewer hears nothing of it');
    const staffDrop = await mark(staff);
    const candDrop = await mark(cand);
    await cand.evaluate(() => window.mockroomRoom.drop());
    await heard(cand, 'Connection lost.', 'a dropped connection', { from: candDrop });
    await heard(cand, 'Connection back.', 'the connection back', { from: candDrop });
    await staff.locator('.presence .who.online', { hasText: 'Cara Candidate' }).waitFor();
    await notHeard(staff, ['Cara Candidate'], 'the interviewer, while the candidate reconnected', staffDrop);

    step('the second device is said to have left once the room gave up on it');
    await heard(staff, 'Second Device left the room.', 'a device that left', { timeout: 40_000 });

    step('the interviewer ends by keyboard: both hear it, and focus goes to each page\'s heading');
    await tabTo(staff, 'button', 'End session', { back: true });
    staff.once('dialog', d => d.accept());
    await staff.keyboard.press('Enter');
    await staff.getByRole('heading', { name: 'The session has ended' }).waitFor();
    await waitForFocusOn(staff, 'main h1', 'the interviewer, at the end');
    await expectFocus(staff, 'heading', 'The session has ended', 'the interviewer, at the end');
    await cand.getByRole('heading', { name: 'This session has ended' }).waitFor();
    await waitForFocusOn(cand, 'main h1', 'the candidate, at the end');
    await expectFocus(cand, 'heading', 'This session has ended', 'the candidate, at the end');
    await heard(staff, 'The session has ended.', 'the interviewer, at the end');
    await heard(cand, 'The session has ended.', 'the candidate, at the end');
    // Focus on the prompt read the last question to the interviewer who pushed it; said as well, they heard it twice.
    await notHeard(staff, ['New question, 2 of 2'], 'the interviewer who pushed the last question');
    for (const [page, who] of [[staff, 'interviewer'], [cand, 'candidate']]) {
      const loud = (await spoken(page)).filter(x => x.live !== 'polite' && x.live !== 'status');
      check(loud.length === 0, `the ${who} was told nothing assertively: ${JSON.stringify(loud)}`);
    }
    for (const [page, who] of [[staff, 'interviewer'], [cand, 'candidate']]) {
      console.log(`[e2e]   the ${who} heard: ${(await spoken(page)).map(x => x.text).join(' | ')}`);
    }
    await cand.screenshot({ path: join(out, 'candidate-ended.png') });
  }

  if (part === 'layout' || part === 'all') {
    const staffCtx = await contextWithEars(browser);
    const staff = await staffCtx.newPage();
    pages.push(staff);
    watch(staff, 'interviewer', problems);
    const session = await aSession(staff, base, 'Contrast Ltd');
    await staff.goto(`${base}/rooms/${session.id}`);
    const cand = await candidateJoinsWithEars(browser, pages, problems, session, staff);

    step('a room in full swing: a question, an answer, chat both ways, a score, a note');
    await staff.getByRole('button', { name: 'Start session' }).click();
    await staff.getByRole('button', { name: 'Push next question' }).click();
    await cand.locator('.question-panel').getByText('Question 1 of 2').waitFor();
    await cand.locator('.cm-content').click();
    await cand.keyboard.type('def timed(fn):\n    return fn  # a comment, "a string", 42');
    await cand.getByLabel('Chat message').fill('Is this enough?');
    await cand.getByLabel('Chat message').press('Enter');
    await staff.getByLabel('Chat message').fill('Go on.');
    await staff.getByLabel('Chat message').press('Enter');
    await cand.locator('.chat-lines li', { hasText: 'Go on.' }).waitFor();
    await staff.locator('.cm-content', { hasText: '42' }).waitFor();
    await staff.getByRole('tab', { name: 'Score' }).click();
    await staff.getByRole('button', { name: '3 · Good' }).click();
    await staff.getByRole('tab', { name: 'Notes' }).click();
    await staff.getByLabel('Private note').fill('Steady');
    await staff.getByRole('button', { name: 'Add note' }).click();
    await staff.locator('.note-lines li:not(.not-sent)', { hasText: 'Steady' }).waitFor();
    await staff.locator('.cm-content').click(); // the candidate's page shows the interviewer's cursor and name
    await cand.locator('.remote-label', { hasText: 'Ada Keys' }).waitFor();
    await staff.locator('.save-state', { hasText: 'All saved' }).waitFor();

    step('contrast: text at least 4.5:1 (3:1 large), control borders and the focus ring 3:1, on both pages and every tab');
    const tabsOf = ['Answer key', 'Score', 'Plan', 'Notes', 'Links'];
    for (const name of tabsOf) {
      await staff.getByRole('tab', { name }).click();
      await staff.waitForLoadState('networkidle');
      const low = await staff.evaluate(lowContrast);
      check(low.length === 0, `the interviewer's room, ${name}: too little contrast:\n  ${low.slice(0, 15).join('\n  ')}`);
      // The chosen tab is told from the others by a mark of its own, at 3:1 against the tab (WCAG 1.4.11).
      const mark = await staff.evaluate(() => {
        const tab = document.querySelector('[role=tab][aria-selected=true]');
        const m = getComputedStyle(tab).boxShadow.match(/rgba?\([^)]+\)/);
        return m && m[0];
      });
      check(mark, `the chosen tab ${name} has a mark`);
      const ratio = await staff.evaluate(([c]) => {
        const rgb = s => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
        return (1.05) / (lum(rgb(c)) + 0.05); // against the tab's white
      }, [mark]);
      check(ratio >= 3, `the chosen tab's mark is ${ratio.toFixed(2)}:1`);
    }
    const lowCand = await cand.evaluate(lowContrast);
    check(lowCand.length === 0, `the candidate's room: too little contrast:\n  ${lowCand.slice(0, 15).join('\n  ')}`);
    await staff.screenshot({ path: join(out, 'interviewer-1280.png') });

    step('200 % zoom (1280 px wide: 640 CSS px): no page scrolls sideways, every control and the editor are in view across');
    const across = page => page.evaluate(() => {
      const out = [];
      if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`the page is ${document.documentElement.scrollWidth}px wide`);
      for (const el of document.querySelectorAll('main input, main select, main textarea, main button, main a, main h1, main h2, main .cm-editor, main [role=timer]')) {
        if (!el.getClientRects().length || el.closest('.sr-only, pre, [hidden]')) continue;
        const r = el.getBoundingClientRect();
        if (r.right > innerWidth + 1 || r.left < -1) out.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40)}" spans ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
      return out;
    });
    for (const page of [staff, cand]) await page.setViewportSize({ width: 640, height: 430 });
    for (const name of tabsOf) {
      await staff.getByRole('tab', { name }).click();
      const wide = await across(staff);
      check(wide.length === 0, `the interviewer's room at 640 px, ${name}: ${wide.join('; ')}`);
    }
    const wideCand = await across(cand);
    check(wideCand.length === 0, `the candidate's room at 640 px: ${wideCand.join('; ')}`);
    for (const [page, who] of [[staff, 'interviewer'], [cand, 'candidate']]) {
      const h = await page.evaluate(() => document.querySelector('.cm-editor').getBoundingClientRect().height);
      check(h >= 200, `the ${who}'s editor keeps room to write at 640 px: ${h}px tall`);
    }
    await staff.getByRole('tab', { name: 'Score' }).click();
    await staff.screenshot({ path: join(out, 'interviewer-640.png'), fullPage: true });
    await cand.screenshot({ path: join(out, 'candidate-640.png'), fullPage: true });
  }

  check(problems.length === 0, problems.join('\n'));
});
