// A chat line is kept by the page until the server confirms it, and arrives exactly once: sent
// into a connection that died without either end noticing (the line is lost on the way), sent on
// one whose answers are lost (the line arrives, its confirmation does not, and the page sends it
// again), and typed just before the page is reloaded. Each time the page shows the line as
// pending meanwhile, and once the network is back the interviewer and the candidate each see it
// once. A line the database refuses is dropped and the candidate told, not sent again and again.
// The Java test then checks the log holds each line once. The server's database refuses any event
// holding "REFUSE ME" (a trigger the Java test installs).
import { run, step, check, watch, signUpInBrowser } from './browser.mjs';
import { cuttableProxy } from './cuttable-proxy.mjs';

await run(async ({ browser, base, pages }) => {
  const problems = [];
  const expected = /WebSocket connection to .* failed|Failed to load resource: net::ERR_/;
  const staffCtx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const staff = await staffCtx.newPage();
  pages.push(staff);
  watch(staff, 'interviewer', problems, expected);

  step('an interviewer creates a session and opens its room');
  await signUpInBrowser(staff, base, 'Confirmed Lines');
  await staff.getByRole('link', { name: 'New session' }).click();
  await staff.getByLabel('Title').fill('Chat check');
  await staff.getByLabel("Candidate's name").fill('Grace Hopper');
  await staff.getByLabel('Search the bank').fill('decorator');
  await staff.locator('.picker li button').first().click();
  await staff.getByRole('button', { name: 'Create session' }).click();
  const link = await staff.getByLabel('Candidate link').inputValue();
  const roomHref = await staff.getByRole('link', { name: 'Open the room' }).getAttribute('href');
  await staff.goto(`${base}${roomHref}`);
  await staff.getByRole('button', { name: 'Start session' }).waitFor();

  step('the candidate joins through a network the test can freeze and cut');
  const network = await cuttableProxy(Number(new URL(base).port));
  const candCtx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const cand = await candCtx.newPage();
  pages.push(cand);
  watch(cand, 'candidate', problems, expected);
  await cand.goto(link.replace(new URL(link).host, `127.0.0.1:${network.port}`));
  await cand.getByLabel('Your name').fill('Grace Hopper');
  await cand.getByRole('button', { name: 'Join the room' }).click();
  await cand.getByText('Waiting for the interviewer to start').waitFor();
  await staff.locator('.presence .who.online', { hasText: 'Grace Hopper' }).waitFor();

  const say = async text => {
    await cand.getByLabel('Chat message').fill(text);
    await cand.getByLabel('Chat message').press('Enter');
  };
  /** The page's unconfirmed messages: {id, type, sends}. */
  const unconfirmed = () => cand.evaluate(() => window.mockroomRoom.unconfirmed());
  /** Waits until the page has sent its one unconfirmed chat line at least {@code times} times. */
  const sentTimes = times => cand.waitForFunction(n => {
    const u = window.mockroomRoom.unconfirmed();
    return u.length === 1 && u[0].type === 'chat' && u[0].sends >= n;
  }, times, { polling: 100, timeout: 15_000 });
  /** Both sides show the line once, confirmed; a line the candidate sends after it has reached the interviewer, so a duplicate would have too. */
  const once = async (text, marker) => {
    await say(marker);
    await staff.locator('.chat-lines li', { hasText: marker }).waitFor();
    await cand.locator('.chat-lines li:not(.not-sent)', { hasText: marker }).waitFor();
    for (const [page, who] of [[staff, 'the interviewer'], [cand, 'the candidate']]) {
      const lines = await page.locator('.chat-lines li .text').allTextContents();
      check(lines.filter(l => l === text).length === 1, `${who} sees "${text}" once: ${lines.join(' | ')}`);
    }
    check(await cand.locator('.chat-lines li.not-sent').count() === 0, 'nothing is left pending');
    check((await unconfirmed()).length === 0, 'the page holds nothing unconfirmed');
  };

  step('a line sent into a connection that died unnoticed is kept, shown as sending, and sent again');
  network.freeze();
  await say('Sent into a dead line');
  await cand.locator('.chat-lines li.not-sent', { hasText: 'Sent into a dead line' }).waitFor();
  check((await cand.locator('.chat-lines li.not-sent .hint').textContent()).includes('Sending'), 'a line on its way says it is sending');
  const kept = await unconfirmed();
  check(kept.length === 1 && kept[0].sends === 1, `the socket took the line, and the page still keeps it: ${JSON.stringify(kept)}`);
  await sentTimes(2); // its confirmation is overdue: sent again (and lost again)
  check(await staff.locator('.chat-lines li', { hasText: 'Sent into a dead line' }).count() === 0, 'it never reached the room');
  network.cut();
  network.restore();
  await staff.locator('.chat-lines li', { hasText: 'Sent into a dead line' }).waitFor({ timeout: 30_000 });
  await cand.locator('.chat-lines li:not(.not-sent)', { hasText: 'Sent into a dead line' }).waitFor();
  await once('Sent into a dead line', 'marker one');

  step('a line that arrived but whose confirmation was lost is sent again, and posted once');
  network.freeze({ toServer: false });
  await say('Arrived, confirmation lost');
  await staff.locator('.chat-lines li', { hasText: 'Arrived, confirmation lost' }).waitFor();
  await sentTimes(2); // the room has it; the page does not know, and sends it again
  check(await cand.locator('.chat-lines li.not-sent', { hasText: 'Arrived, confirmation lost' }).count() === 1, 'the page still shows it pending');
  network.cut();
  network.restore();
  await cand.locator('.chat-lines li:not(.not-sent)', { hasText: 'Arrived, confirmation lost' }).waitFor({ timeout: 30_000 });
  await once('Arrived, confirmation lost', 'marker two');

  step('a line typed just before the page is reloaded is sent by the reloaded page, once');
  network.freeze();
  await say('Typed before a reload');
  await cand.locator('.chat-lines li.not-sent', { hasText: 'Typed before a reload' }).waitFor();
  await cand.reload();
  await staff.locator('.chat-lines li', { hasText: 'Typed before a reload' }).waitFor({ timeout: 30_000 });
  await cand.locator('.chat-lines li:not(.not-sent)', { hasText: 'Typed before a reload' }).waitFor();
  await once('Typed before a reload', 'marker three');

  step('a line the database refuses is dropped and the candidate told why, not sent again and again');
  await say('Please REFUSE ME');
  await cand.locator('.notice-line', { hasText: 'Your chat message “Please REFUSE ME” was not sent' }).waitFor();
  check((await unconfirmed()).length === 0, 'the refused line is not kept to be sent again');
  check(await cand.locator('.chat-lines li', { hasText: 'REFUSE ME' }).count() === 0, 'nor shown as pending');
  // The room reloads (every socket reconnects); what is sent next arrives, and the refused line never does.
  await say('After the refusal');
  await once('After the refusal', 'marker four');
  check(await staff.locator('.chat-lines li', { hasText: 'REFUSE ME' }).count() === 0, 'the interviewer never sees the refused line');
  check(await cand.locator('.notice-line', { hasText: 'REFUSE ME' }).count() === 1, 'the candidate is still told after the reconnect');

  network.close();
  check(problems.length === 0, `the pages reported problems:\n${problems.join('\n')}`);
});
