// Review in the browser: sign in, find the finished session on the dashboard by filtering,
// open it, move the replay slider to an earlier moment and see the answer as it was then,
// and download the Markdown export; then plan a new session for the same candidate, where the
// question they were asked is marked and can be left out of the picker. Expects --email,
// --password, --candidate, --candidateEmail, --early, --final.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { run, step, check, watch } from './browser.mjs';

await run(async ({ browser, base, out, pages, options }) => {
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  pages.push(page);
  watch(page, 'review', problems);

  step('sign in');
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(options.email);
  await page.getByLabel('Password').fill(options.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sessions' }).waitFor();

  step('the dashboard, filtered to the candidate');
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('heading', { name: 'Past sessions' }).waitFor();
  await page.getByLabel('Candidate', { exact: true }).fill(options.candidate.split(' ')[0]);
  await page.waitForFunction(() => location.search.includes('candidate='));
  const rows = page.locator('table.review tbody tr');
  await rows.first().waitFor();
  check(await rows.count() === 1, `one session for the candidate, saw ${await rows.count()}`);
  check((await rows.first().textContent()).includes('Yes'), 'the recommendation is listed');
  await page.getByLabel('Recommendation', { exact: true }).selectOption('strong_no');
  await page.getByText('No sessions match.').waitFor();
  await page.getByLabel('Recommendation', { exact: true }).selectOption('yes');
  await rows.first().waitFor();
  await page.screenshot({ path: join(out, 'review-dashboard.png'), fullPage: true });

  step('open the session: final answer and scores');
  await rows.first().getByRole('link').click();
  await page.locator('.reviewed-question').first().waitFor();
  const finalText = (await page.locator('.reviewed-question pre.code').first().textContent());
  check(finalText.includes(options.final.split('\\n')[0]), `final answer shown: ${finalText}`);
  check((await page.locator('.given-scores').first().textContent()).includes('4/4'), 'the score is shown');

  step('the replay slider shows the answer at an earlier moment');
  const slider = page.getByLabel('Replay position');
  check((await page.locator('.replay-text').textContent()) === options.final.replaceAll('\\n', '\n'), 'the replay starts at the end');
  await slider.fill('2');
  await page.waitForFunction(early => document.querySelector('.replay-text')?.textContent === early, options.early);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(final => document.querySelector('.replay-text')?.textContent === final, options.final.replaceAll('\\n', '\n'));
  await page.screenshot({ path: join(out, 'review-session.png'), fullPage: true });

  step("the candidate's history: sessions, a topic chart and the questions already asked");
  await page.getByRole('link', { name: `All sessions of ${options.candidate}` }).click();
  await page.getByRole('heading', { name: 'Scores by topic' }).waitFor();
  check(await page.locator('svg.chart circle').count() >= 1, 'the chart has a point');
  check(await page.getByRole('heading', { name: 'Questions already asked' }).count() === 1, 'seen questions listed');
  const seenPrompt = (await page.locator('h2:has-text("Questions already asked") + ul li').first().textContent()).split(' · ')[0].trim();
  await page.screenshot({ path: join(out, 'candidate-history.png'), fullPage: true });
  await page.goBack();
  await page.locator('.reviewed-question').first().waitFor();

  step('download the Markdown export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Markdown' }).click()]);
  const file = join(out, download.suggestedFilename());
  await download.saveAs(file);
  const md = readFileSync(file, 'utf8');
  check(md.includes(options.candidate) && md.includes('## Timeline'), 'the Markdown export is the transcript');

  step('the bank leaves out what the candidate was asked');
  await page.goto(`${base}/bank`);
  await page.locator('.count').waitFor();
  const total = Number((await page.locator('.count').textContent()).match(/of (\d+)/)[1]);
  await page.getByLabel('Not yet asked to').fill(options.candidateEmail);
  await page.waitForFunction(() => location.search.includes('notAskedTo='));
  await page.waitForFunction(n => document.querySelector('.count')?.textContent.endsWith(`of ${n}`), total - 1);

  step('a new session for the same candidate marks what they were asked, and can leave it out');
  await page.goto(`${base}/sessions/new`);
  await page.getByLabel("Candidate's email (optional)").fill(options.candidateEmail);
  await page.getByText('This candidate was interviewed before').waitFor();
  await page.getByLabel('Search the bank').fill(seenPrompt);
  const seenItem = page.locator('.picker li', { hasText: seenPrompt });
  await seenItem.locator('.warn', { hasText: 'asked before' }).waitFor();
  await page.getByLabel('Only questions this candidate was not asked yet').check();
  await seenItem.waitFor({ state: 'detached' });
  await page.getByLabel('Only questions this candidate was not asked yet').uncheck();
  await seenItem.waitFor();

  check(problems.length === 0, `the page reported problems:\n${problems.join('\n')}`);
});
