// Deleting a session in the browser: from the sessions list (a confirmation dialog that names the
// session and its candidate and says it cannot be undone; Escape cancels and gives the focus back;
// confirming removes the row and says so) while the session's room is open for the interviewer and
// the candidate — both then say "This session was deleted" instead of reconnecting — and from a
// session's review page, which goes back to the list with the notice. Expects --email, --password,
// --live (id of a session, title "Live one", candidate "Lena Live", with --token its candidate
// token) and --reviewed (id of a session, title "Reviewed one", candidate "Rita Review"). Before
// that, --observer (an observer of both, same password) and --colleague (invited to neither) see
// both sessions listed without any Delete, and the review page without "Delete session…". Last,
// the candidate with the email --erase ("Erin Erase", two more sessions of the interviewer) is
// erased from their history page, which offers it to the interviewer only.
import { join } from 'node:path';
import { run, step, check, watch, signIn, openPage } from './browser.mjs';

/** The review page of session {@code id}, once it has heard the viewer's role in the session. */
async function reviewPage(page, base, id, heading) {
  const role = page.waitForEvent('requestfinished', r => new URL(r.url()).pathname === `/api/sessions/${id}`);
  await page.goto(`${base}/review/${id}`);
  await page.getByRole('heading', { name: heading }).waitFor();
  await role;
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => setTimeout(r)))); // drawn with it
}

await run(async ({ browser, base, out, pages, options }) => {
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  pages.push(page);
  watch(page, 'list', problems);

  step('an observer and a colleague not invited: both sessions listed, no Delete in the list nor on the review page');
  for (const [who, email, note] of [['observer', options.observer, 'You observe it'], ['colleague', options.colleague, 'You are not invited to it']]) {
    const other = await openPage(browser, pages, problems, who);
    await signIn(other, base, email, options.password);
    const rows = other.locator('table.sessions tbody tr');
    await rows.filter({ hasText: 'Live one' }).waitFor();
    check(await rows.filter({ hasText: 'Reviewed one' }).count() === 1, `${who}: the reviewed session is listed`);
    check(await rows.filter({ hasText: note }).count() === (who === 'observer' ? 2 : 4), `${who}: each row of theirs says "${note}"`);
    check(await other.locator('table.sessions').getByRole('button', { name: /^Delete/ }).count() === 0, `${who}: no Delete in the list`);
    check(await other.locator('table.sessions thead th').count() === 6, `${who}: no Delete column`);
    check(await rows.getByRole('link', { name: 'Live one' }).count() === (who === 'observer' ? 1 : 0),
      `${who}: the title opens the room only for someone invited to it`);
    await other.screenshot({ path: join(out, `list-as-${who}.png`) });
    await reviewPage(other, base, options.reviewed, 'Rita Review · Reviewed one');
    check(await other.getByRole('button', { name: /Delete/ }).count() === 0, `${who}: no Delete on the review page`);
    await other.goto(`${base}/review/candidate?email=${encodeURIComponent(options.erase)}`);
    await other.getByRole('heading', { name: 'Erin Erase' }).waitFor();
    check(await other.getByRole('button', { name: /Erase/ }).count() === 0, `${who}: no Erase on the candidate's history`);
    await other.context().close();
  }

  step('sign in');
  await signIn(page, base, options.email, options.password);

  step('the live session is open in a room tab and for the candidate');
  const room = await context.newPage();
  pages.push(room);
  watch(room, 'room', problems, /WebSocket connection to .* failed/);
  await room.goto(`${base}/rooms/${options.live}`);
  await room.getByRole('button', { name: 'Start session' }).waitFor();
  const candCtx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const cand = await candCtx.newPage();
  pages.push(cand);
  watch(cand, 'candidate', problems, /WebSocket connection to .* failed/);
  await cand.goto(`${base}/join/${options.token}`);
  await cand.getByLabel('Your name').fill('Lena Live');
  await cand.getByRole('button', { name: 'Join the room' }).click();
  await cand.getByText('Waiting for the interviewer to start').waitFor();

  step('the dialog names the session and its candidate; Escape cancels');
  const row = page.locator('table.sessions tbody tr', { hasText: 'Live one' });
  const opener = row.getByRole('button', { name: 'Delete session “Live one” with Lena Live…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Live one” with Lena Live?' });
  await dialog.waitFor();
  const text = await dialog.textContent();
  check(text.includes('cannot be undone'), `the dialog says it cannot be undone: ${text}`);
  check(await dialog.evaluate(d => d.contains(document.activeElement)), 'the focus is in the dialog');
  check(await page.evaluate(() => document.activeElement.textContent) === 'Cancel', 'the focus starts on Cancel');
  await page.screenshot({ path: join(out, 'delete-dialog.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  check(await opener.evaluate(b => b === document.activeElement), 'the focus is back on the Delete button');
  check(await row.count() === 1, 'the session is still listed after Escape');

  step('confirming deletes it: the row goes, the list says so, the room and the candidate say so');
  await opener.click();
  await dialog.getByRole('button', { name: 'Delete session' }).click();
  await page.getByRole('status').filter({ hasText: 'Session “Live one” with Lena Live was deleted.' }).waitFor();
  await row.waitFor({ state: 'detached' });
  check(await page.getByRole('dialog').count() === 0, 'the dialog is closed');
  await room.getByRole('heading', { name: 'This session was deleted' }).waitFor();
  await cand.getByRole('heading', { name: 'This session was deleted' }).waitFor();
  await cand.screenshot({ path: join(out, 'candidate-deleted.png') });
  check((await page.request.get(`${base}/api/sessions/${options.live}`)).status() === 404, 'the session is gone from the API');
  check((await cand.request.get(`${base}/api/join/${options.token}`)).status() === 404, 'the candidate link no longer works');

  step('from the review page: back to the list with the notice');
  await reviewPage(page, base, options.reviewed, 'Rita Review · Reviewed one');
  check(await page.getByRole('button', { name: 'Delete session…' }).count() === 1, 'its interviewer is offered Delete on the review page');
  await page.getByRole('button', { name: 'Delete session…' }).click();
  const second = page.getByRole('dialog', { name: 'Delete “Reviewed one” with Rita Review?' });
  await second.getByRole('button', { name: 'Delete session' }).click();
  await page.getByRole('heading', { name: 'Sessions' }).waitFor();
  check(new URL(page.url()).pathname === '/', `back on the sessions list: ${page.url()}`);
  await page.getByRole('status').filter({ hasText: 'Session “Reviewed one” with Rita Review was deleted.' }).waitFor();
  check(await page.locator('table.sessions tbody tr', { hasText: 'Reviewed one' }).count() === 0, 'the reviewed session is not listed');
  await page.screenshot({ path: join(out, 'list-after-delete.png'), fullPage: true });

  step("erasing a candidate from their history: every session with their email goes");
  await page.goto(`${base}/review/candidate?email=${encodeURIComponent(options.erase)}`);
  await page.getByRole('heading', { name: 'Erin Erase' }).waitFor();
  await page.getByRole('button', { name: 'Erase Erin Erase…' }).click();
  const erase = page.getByRole('dialog', { name: `Erase Erin Erase (${options.erase})?` });
  await erase.waitFor();
  const says = await erase.textContent();
  check(says.includes('all 2 sessions') && says.includes('cannot be undone') && says.includes('without this email'),
    `the dialog says what goes and what it does not find: ${says}`);
  await page.screenshot({ path: join(out, 'erase-dialog.png') });
  await erase.getByRole('button', { name: 'Erase Erin Erase' }).click();
  await page.getByRole('status').filter({ hasText: `Erin Erase (${options.erase}) was erased: all 2 sessions deleted.` }).waitFor();
  check(new URL(page.url()).pathname === '/', `back on the sessions list: ${page.url()}`);
  check(await page.locator('table.sessions tbody tr', { hasText: 'Erase' }).count() === 0, "neither of the candidate's sessions is listed");
  const history = await (await page.request.get(`${base}/api/review/candidates?email=${encodeURIComponent(options.erase)}`)).json();
  check(history.sessions.length === 0 && history.mayErase === false, `the history is empty: ${JSON.stringify(history)}`);

  check(problems.length === 0, `page problems:\n${problems.join('\n')}`);
});
