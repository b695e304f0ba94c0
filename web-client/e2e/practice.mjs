// Peer practice in two browser contexts: two colleagues ask for the same topic and level, the
// first waits and is paired when the second asks; the one who waited opens round one's room as
// the interviewer, the other joins it as the candidate, and the interviewer starts it and pushes a
// question the candidate sees. Then round two is there for both, the other way round.
import { join } from 'node:path';
import { run, step, check, watch, openPage } from './browser.mjs';

await run(async ({ browser, base, out, pages }) => {
  const problems = [];
  const open = label => openPage(browser, pages, problems, label);

  step('two colleagues of one organisation');
  const ada = await open('ada');
  const signup = await ada.request.post(`${base}/api/auth/signup`, {
    data: { organisation: 'Practice Club', name: 'Ada Lovelace', email: `ada-${Date.now()}@example.com`, password: 'correct horse battery' },
  });
  check(signup.status() === 201, `signup: ${signup.status()}`);
  const invite = await (await ada.request.post(`${base}/api/invitations`, { data: {} })).json();
  const grace = await open('grace');
  const joined = await grace.request.post(`${base}/api/auth/signup`, {
    data: { invitation: invite.token, name: 'Grace Hopper', email: `grace-${Date.now()}@example.com`, password: 'correct horse battery' },
  });
  check(joined.status() === 201, `colleague signup: ${joined.status()}`);

  step('Ada asks for a partner and waits');
  await ada.goto(`${base}/practice`);
  await ada.getByRole('link', { name: 'Practice' }).waitFor();
  // The topics arrive after the page: wait for the first to be chosen, not for the page alone.
  await ada.waitForFunction(() => document.querySelector('select[name=topic]')?.value, null, { polling: 50 });
  const topic = await ada.getByLabel('Topic').inputValue();
  check(topic.length > 0, 'a topic is chosen');
  await ada.getByLabel('Level').selectOption('advanced');
  await ada.getByRole('button', { name: 'Find a partner' }).click();
  await ada.getByText('Looking for a colleague').waitFor();
  await ada.screenshot({ path: join(out, 'practice-waiting.png') });

  // While she waits, Ada's page keeps a look held open at the server: the pairing reaches her
  // page as that look's answer, not at a later poll.
  const heldLookAnswersPaired = ada.waitForResponse(async r =>
    r.url().includes('/api/practice?wait=') && (await r.json()).status === 'paired');

  step('Grace asks for the same and is paired at once');
  await grace.goto(`${base}/practice`);
  await grace.getByLabel('Topic').selectOption(topic);
  await grace.getByLabel('Level').selectOption('advanced');
  await grace.getByRole('button', { name: 'Find a partner' }).click();
  await grace.getByText('You are paired with Ada Lovelace').waitFor();
  check(await grace.getByText('Round 1: Ada Lovelace interviews you').count() === 1, 'Ada interviews first');
  check(await grace.getByText('Round 2: you interview Ada Lovelace').count() === 1, 'then Grace');

  step('Ada\'s page sees the pairing by itself, as the answer of its held look');
  await heldLookAnswersPaired;
  await ada.getByText('You are paired with Grace Hopper').waitFor();
  check((await ada.title()) === 'Paired with Grace Hopper · Mockroom', `a background tab's title says so: ${await ada.title()}`);
  await ada.screenshot({ path: join(out, 'practice-paired.png') });

  step('round one: Ada opens the room, Grace joins as the candidate');
  await ada.getByRole('link', { name: 'Open the room' }).click();
  await ada.getByRole('button', { name: 'Start session' }).waitFor();
  await grace.getByRole('link', { name: 'Join as the candidate' }).click();
  await grace.getByLabel('Your name').fill('Grace Hopper');
  await grace.getByRole('button', { name: 'Join the room' }).click();
  await grace.getByText('Waiting for the interviewer to start').waitFor();
  await ada.locator('.presence .who', { hasText: 'Grace Hopper' }).waitFor();
  await ada.getByRole('button', { name: 'Start session' }).click();
  await ada.getByRole('button', { name: 'Push next question' }).click();
  const prompt = await ada.locator('.current-prompt').textContent();
  await grace.locator('.current-prompt', { hasText: prompt }).waitFor();
  check(await grace.locator('.answer-key').count() === 0, 'the candidate sees no answer key');
  await ada.screenshot({ path: join(out, 'practice-round-one.png') });

  step('round two is Grace\'s to run');
  await grace.goto(`${base}/practice`);
  await grace.getByRole('link', { name: 'Open the room' }).waitFor();
  check(await grace.getByText('Round 1: Ada Lovelace interviews you').count() === 1, 'round one still listed');

  check(problems.length === 0, `the page reported problems:\n${problems.join('\n')}`);
});
