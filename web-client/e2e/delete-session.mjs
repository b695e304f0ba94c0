// Deleting a session in the browser: from the sessions list (a confirmation dialog that names the
// session and its candidate and says it cannot be undone; Escape cancels and gives the focus back;
// confirming removes the row and says so) while the session's room is open for the interviewer and
// the candidate — both then say "This session was deleted" instead of reconnecting — and from a
// session's review page, which goes back to the list with the notice. Expects --email, --password,
// --live (id of a session, title "Live one", candidate "Lena Live", with --token its candidate
// token) and --reviewed (id of a session, title "Reviewed one", candidate "Rita Review").
import { join } from 'node:path';
import { run, step, check, watch, signIn } from './browser.mjs';

await run(async ({ browser, base, out, pages, options }) => {
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  pages.push(page);
  watch(page, 'list', problems);

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
  await page.goto(`${base}/review/${options.reviewed}`);
  await page.getByRole('heading', { name: 'Rita Review · Reviewed one' }).waitFor();
  await page.getByRole('button', { name: 'Delete session…' }).click();
  const second = page.getByRole('dialog', { name: 'Delete “Reviewed one” with Rita Review?' });
  await second.getByRole('button', { name: 'Delete session' }).click();
  await page.getByRole('heading', { name: 'Sessions' }).waitFor();
  check(new URL(page.url()).pathname === '/', `back on the sessions list: ${page.url()}`);
  await page.getByRole('status').filter({ hasText: 'Session “Reviewed one” with Rita Review was deleted.' }).waitFor();
  check(await page.locator('table.sessions tbody tr', { hasText: 'Reviewed one' }).count() === 0, 'the reviewed session is not listed');
  await page.screenshot({ path: join(out, 'list-after-delete.png'), fullPage: true });

  check(problems.length === 0, `page problems:\n${problems.join('\n')}`);
});
