// Long answers in two browsers: a 100,000-character paste reaches the interviewer's screen at once
// (it once froze the candidate's tab for seconds), the editor scrolls inside itself instead of
// pushing the question and the chat off the page, a paste over the 256 KiB answer limit is undone
// with a message — refused in the browser, and refused by the server when it gets one anyway —
// and typing afterwards is saved. The review page keeps the long answer in a scrolling block.
import { join } from 'node:path';
import { run, step, check, watch } from './browser.mjs';

const LIMIT = 256 * 1024;
const TOO_LONG = 'That paste would make the answer longer than the 256 KiB limit';

/** A Python-looking text of exactly n characters whose last line is {@code last}. */
function longAnswer(n, last) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < n; i++) {
    const line = `    total += item_${i} * weight  # line ${i} of a long answer\n`;
    lines.push(line);
    size += line.length;
  }
  return (lines.join('').slice(0, n - last.length - 1) + '\n' + last);
}

/** The shown document's text, read from the editor's state (only visible lines are in the DOM). */
const docText = page => page.evaluate(() => window.mockroomRoom.editor()?.state.doc.toString() ?? '');

await run(async ({ browser, base, out, pages }) => {
  const problems = [];
  const staffCtx = await browser.newContext({ viewport: { width: 1440, height: 900 } });

  step('an interviewer with a session of one planned question (set up over the API)');
  const email = `long-${Date.now()}@example.com`;
  const signup = await staffCtx.request.post(`${base}/api/auth/signup`,
    { data: { organisation: 'Long Answers Ltd', name: 'Ada Lovelace', email, password: 'correct horse battery' } });
  check(signup.ok(), `sign-up answered ${signup.status()}`);
  const bank = await (await staffCtx.request.get(`${base}/api/questions?q=decorator&pageSize=1`)).json();
  const created = await staffCtx.request.post(`${base}/api/sessions`,
    { data: { title: 'Long answers', candidateName: 'Grace Hopper', plan: [{ questionId: bank.items[0].id, minutes: 20 }] } });
  check(created.ok(), `creating the session answered ${created.status()}`);
  const session = await created.json();

  const staff = await staffCtx.newPage();
  pages.push(staff);
  watch(staff, 'interviewer', problems);
  await staff.goto(`${base}/rooms/${session.id}`);
  const cand = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  pages.push(cand);
  watch(cand, 'candidate', problems);
  await cand.goto(session.candidateUrl);
  await cand.getByLabel('Your name').fill('Grace Hopper');
  await cand.getByRole('button', { name: 'Join the room' }).click();
  await staff.locator('.presence .who', { hasText: 'Grace Hopper' }).waitFor();
  await staff.getByRole('button', { name: 'Start session' }).click();
  await staff.getByRole('button', { name: 'Push next question' }).click();
  await cand.locator('.current-prompt').waitFor();

  step('the candidate pastes 100,000 characters; the interviewer has them in seconds');
  const long = longAnswer(100_000, '# end of the long paste');
  await cand.locator('.cm-content').click();
  const started = Date.now();
  await cand.keyboard.insertText(long);
  await staff.waitForFunction(n => window.mockroomRoom.editor()?.state.doc.length === n, long.length, { timeout: 15_000, polling: 100 });
  console.log(`[e2e]    the paste reached the interviewer after ${Date.now() - started} ms`);
  check(await docText(staff) === long, "the interviewer's answer is the pasted text");
  await cand.locator('.save-state', { hasText: 'All saved' }).waitFor();

  step('the editor scrolls inside itself: the bar, the question and the chat stay on the page');
  for (const [who, page] of [['candidate', cand], ['interviewer', staff]]) {
    const box = await page.evaluate(() => {
      const scroller = document.querySelector('.cm-scroller');
      return {
        editor: document.querySelector('.cm-editor').getBoundingClientRect().height,
        scrolls: scroller.scrollHeight > scroller.clientHeight,
        page: document.documentElement.scrollHeight,
        window: window.innerHeight,
      };
    });
    check(box.editor <= box.window, `${who}: the editor (${box.editor} px) fits the window (${box.window} px)`);
    check(box.scrolls, `${who}: the long answer scrolls inside the editor`);
    check(box.page < 3 * box.window, `${who}: the page stays short (${box.page} px)`);
    check(await page.locator('.room-bar').isVisible() && await page.getByLabel('Chat message').isVisible(), `${who}: bar and chat in view`);
  }
  await cand.screenshot({ path: join(out, 'candidate-long-answer.png') });
  await staff.screenshot({ path: join(out, 'interviewer-long-answer.png') });

  step('a paste past the 256 KiB limit is undone in the browser, with a message');
  await cand.keyboard.press('Control+End');
  await cand.keyboard.insertText('x'.repeat(200_000));
  await cand.getByRole('alert').filter({ hasText: TOO_LONG }).waitFor();
  check(await docText(cand) === long, 'the answer is as it was before the paste');
  await cand.locator('.save-state', { hasText: 'All saved' }).waitFor();
  await cand.getByRole('button', { name: 'Dismiss' }).click();

  step('an over-limit change the server refuses is rolled back to what it confirmed');
  // Made the way a program would, past the editor's own check, so the server's refusal is what undoes it.
  await cand.evaluate(n => {
    const view = window.mockroomRoom.editor();
    view.dispatch({ changes: { from: view.state.doc.length, insert: 'y'.repeat(n) }, filter: false });
  }, LIMIT - long.length + 10);
  await cand.getByRole('alert').filter({ hasText: TOO_LONG }).waitFor();
  await cand.waitForFunction(n => window.mockroomRoom.editor().state.doc.length === n, long.length, { polling: 100 });
  await cand.locator('.save-state', { hasText: 'All saved' }).waitFor();

  step('typing afterwards is saved, and undo does not bring the refused paste back');
  await cand.locator('.cm-content').press('Control+End');
  await cand.keyboard.type('\nprint("after")');
  await staff.waitForFunction(() => window.mockroomRoom.editor()?.state.doc.toString().endsWith('print("after")'), null, { polling: 100 });
  await cand.keyboard.press('Control+z');
  await cand.locator('.save-state', { hasText: 'All saved' }).waitFor();
  const afterUndo = await docText(cand);
  check(afterUndo.length <= LIMIT && !afterUndo.includes('yyyy') && !afterUndo.includes('xxxx'), 'undo did not bring a refused paste back');
  await staff.waitForFunction(t => window.mockroomRoom.editor()?.state.doc.toString() === t, afterUndo, { polling: 100 });

  step('the session ends; its review keeps the long answer in blocks that scroll');
  staff.once('dialog', d => d.accept());
  await staff.getByRole('button', { name: 'End session' }).click();
  await staff.getByRole('heading', { name: 'The session has ended' }).waitFor();
  await staff.goto(`${base}/review/${session.id}`);
  await staff.locator('.reviewed-question pre.code').first().waitFor();
  const review = await staff.evaluate(() => ({
    code: document.querySelector('.reviewed-question pre.code').getBoundingClientRect().height,
    replay: document.querySelector('.replay-text').getBoundingClientRect().height,
    page: document.documentElement.scrollHeight,
    window: window.innerHeight,
  }));
  check(review.code <= review.window && review.replay <= review.window, `the answer blocks fit the window: ${JSON.stringify(review)}`);
  check(review.page < 6 * review.window, `the review page stays a page, not ${review.page} px`);
  await staff.screenshot({ path: join(out, 'review-long-answer.png') });

  check(problems.length === 0, `the pages reported problems:\n${problems.join('\n')}`);
});
