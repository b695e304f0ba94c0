// Review in the browser: sign in, find the finished session on the dashboard by filtering,
// open it, move the replay slider to an earlier moment and see the answer as it was then,
// and download the Markdown export; then plan a new session for the same candidate, where the
// question they were asked is marked and can be left out of the picker. The dashboard's dates
// filter by the viewer's own days (a browser in another time zone), and the pages fit a 390-px
// phone. Expects --email, --password, --candidate, --candidateEmail, --early, --final (the first
// answer), --third (the third answer; the second has none) and --asked (questions shown).
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { run, step, check, watch, signIn } from './browser.mjs';

/** Fails, naming the widest elements, when the page is wider than its viewport (horizontal scrolling). */
async function fitsTheWidth(page, label) {
  const wide = await page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width + 1) return null;
    const culprits = [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > width + 1)
      .map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).replaceAll(' ', '.') : ''} (${Math.round(e.getBoundingClientRect().right)} px)`);
    return `${document.documentElement.scrollWidth} px wide: ${culprits.slice(0, 8).join(', ')}`;
  });
  check(wide === null, `${label} overflows a ${page.viewportSize().width}-px screen: ${wide}`);
}

await run(async ({ browser, base, out, pages, options }) => {
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  pages.push(page);
  watch(page, 'review', problems);

  step('sign in');
  await signIn(page, base, options.email, options.password);

  step('the dashboard, filtered to the candidate');
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('heading', { name: 'Review', exact: true }).waitFor();
  await page.getByLabel('Candidate', { exact: true }).fill(options.candidate.split(' ')[0]);
  await page.waitForFunction(() => location.search.includes('candidate='));
  const rows = page.locator('table.review tbody tr');
  await rows.first().waitFor();
  check(await rows.count() === 1, `one session for the candidate, saw ${await rows.count()}`);
  check((await rows.first().textContent()).includes('Yes'), 'the recommendation is listed');
  await page.getByLabel('Recommendation', { exact: true }).selectOption('strong_no');
  await page.getByText('No sessions match these filters.').waitFor();
  await page.getByLabel('Recommendation', { exact: true }).selectOption('yes');
  await rows.first().waitFor();
  await page.screenshot({ path: join(out, 'review-dashboard.png'), fullPage: true });

  step('open the session: final answer and scores');
  await rows.first().getByRole('link').click();
  await page.locator('.reviewed-question').first().waitFor();
  const finalText = (await page.locator('.reviewed-question pre.code').first().textContent());
  check(finalText.includes(options.final.split('\\n')[0]), `final answer shown: ${finalText}`);
  check((await page.locator('.given-scores').first().textContent()).includes('4/4'), 'the score is shown');
  const second = page.locator('.reviewed-question').nth(1);
  check((await second.locator('.no-answer').textContent()) === 'No answer' && await second.locator('pre').count() === 0,
    'a question without an answer says so, not as code the candidate typed');
  const firstRemarks = await page.locator('.reviewed-question').first().locator('.remarks li').allTextContents();
  check(firstRemarks.length === 1 && /^Hint Ada Lovelace .*: Try printing it$/.test(firstRemarks[0]), `the first question's hint is under it: ${firstRemarks.join(' | ')}`);
  const secondRemarks = await second.locator('.remarks li').allTextContents();
  check(secondRemarks.length === 1 && /^Note Ada Lovelace .*: Skipped the second$/.test(secondRemarks[0]), `the note written during the second is under it: ${secondRemarks.join(' | ')}`);
  const timeline = await page.locator('.timeline li').allTextContents();
  check(timeline.some(l => l.endsWith('Ada Lovelace scored question 1: 4/4 Strong')), `the timeline says which question a score was for: ${timeline.join(' | ')}`);
  const drafts = timeline.filter(l => l.includes('drafted a recommendation'));
  check(drafts.length === 1 && drafts[0].endsWith('Ada Lovelace drafted a recommendation (Yes) (saved 2 times)'),
    `two drafts in a row are one line of the timeline: ${drafts.join(' | ')}`);

  step('the replay slider shows the answer at an earlier moment');
  const slider = page.getByLabel('Replay position');
  check((await page.locator('.replay-text').textContent()) === options.final.replaceAll('\\n', '\n'), 'the replay starts at the end');
  await slider.fill('2');
  await page.waitForFunction(early => document.querySelector('.replay-text')?.textContent === early, options.early);
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(final => document.querySelector('.replay-text')?.textContent === final, options.final.replaceAll('\\n', '\n'));
  await page.screenshot({ path: join(out, 'review-session.png'), fullPage: true });

  step('the replay switches to another answer, numbered as in the question list');
  const answers = page.getByLabel('Answer to replay');
  const labels = await answers.locator('option').allTextContents();
  check(labels.length === 2 && labels[0].startsWith('1. ') && labels[1].startsWith('3. '), `replay choices: ${labels.join(' | ')}`);
  await slider.fill('4');
  await answers.selectOption({ label: labels[1] });
  await page.waitForFunction(third => document.querySelector('.replay-text')?.textContent === third, options.third);
  check(await slider.getAttribute('max') === '1' && await slider.inputValue() === '1', 'the slider is at the end of the shorter answer');
  check((await page.locator('.replay-at').textContent()).startsWith('1/1'), 'the position is within the answer');
  await slider.fill('0');
  await page.waitForFunction(() => document.querySelector('.replay-text')?.textContent === '');
  await answers.selectOption({ label: labels[0] });
  await page.waitForFunction(final => document.querySelector('.replay-text')?.textContent === final, options.final.replaceAll('\\n', '\n'));
  check(await slider.getAttribute('max') === '4', 'back on the first answer, its own four edits');
  check(problems.length === 0, `switching the replay reported problems:\n${problems.join('\n')}`);

  step("the candidate's history: sessions, a topic chart and the questions already asked");
  await page.getByRole('link', { name: `All sessions of ${options.candidate}` }).click();
  await page.getByRole('heading', { name: 'Scores by topic' }).waitFor();
  check(await page.locator('svg.chart circle').count() >= 1, 'the chart has a point');
  await page.getByText('The scores as a table').click();
  const scoreCells = await page.getByRole('table', { name: /per topic, per session/ }).getByRole('cell').allTextContents();
  check(scoreCells.some(c => /^\d\.\d$/.test(c)), `the chart's numbers are in a table too: ${scoreCells.join(' | ')}`);
  check(await page.getByRole('heading', { name: 'Questions already asked' }).count() === 1, 'seen questions listed');
  const seenPrompt = (await page.locator('h2:has-text("Questions already asked") + ul li').first().textContent()).split(' · ')[0].trim();
  const history = await page.locator('.review-session .panel').first().textContent();
  check(history.includes('Ada Lovelace: Yes') && !history.includes(': yes'), `recommendations by their labels: ${history}`);
  await page.screenshot({ path: join(out, 'candidate-history.png'), fullPage: true });
  await page.goBack();
  await page.locator('.reviewed-question').first().waitFor();

  step('download the Markdown export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Markdown' }).click()]);
  const file = join(out, download.suggestedFilename());
  await download.saveAs(file);
  const md = readFileSync(file, 'utf8');
  check(md.includes(options.candidate) && md.includes('## Timeline'), 'the Markdown export is the transcript');
  check(md.split('Recommendation drafted by').length === 2 && md.includes('Recommendation drafted by Ada Lovelace (saved 2 times)'),
    'the Markdown timeline has the two drafts as one line');

  step('the bank leaves out what the candidate was asked');
  await page.goto(`${base}/bank`);
  await page.locator('.count').waitFor();
  const total = Number((await page.locator('.count').textContent()).match(/of (\d+)/)[1]);
  await page.getByLabel('Not yet asked to').fill(options.candidateEmail);
  await page.waitForFunction(() => location.search.includes('notAskedTo='));
  await page.waitForFunction(n => document.querySelector('.count')?.textContent.endsWith(`of ${n}`), total - Number(options.asked));

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

  step("the dates filter by the viewer's own days: a browser far from UTC");
  const row = (await (await page.request.get(`${base}/api/review/sessions?candidate=${encodeURIComponent(options.candidate)}`)).json()).items[0];
  const created = new Date(row.createdAt);
  // A zone whose calendar is on another day than UTC's when the session was created.
  const timezoneId = created.getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
  const away = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId, storageState: await context.storageState() });
  const there = await away.newPage();
  pages.push(there);
  watch(there, timezoneId, problems);
  await there.goto(`${base}/review?candidate=${encodeURIComponent(options.candidate)}`);
  const shown = await there.locator('table.review tbody tr td:nth-child(4)').first().textContent();
  const [month, day, year] = shown.split('/').map(Number);
  const localDay = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const utcDay = row.createdAt.slice(0, 10);
  check(localDay !== utcDay, `in ${timezoneId} the table should show another day than UTC's ${utcDay}, saw ${shown}`);
  await there.goto(`${base}/review?from=${localDay}&to=${localDay}`);
  await there.locator('table.review tbody tr', { hasText: options.candidate }).waitFor();
  await there.goto(`${base}/review?from=${utcDay}&to=${utcDay}`);
  await there.getByText('No sessions match these filters.').waitFor();
  await there.goto(`${base}/review`);
  await there.getByLabel('From', { exact: true }).fill(localDay);
  await there.getByLabel('To', { exact: true }).fill(localDay);
  await there.waitForFunction(d => location.search.includes(`to=${d}`), localDay);
  await there.locator('table.review tbody tr', { hasText: options.candidate }).waitFor();

  step('a past page says so; the pages fit a 390-px phone');
  await there.goto(`${base}/review?page=7`);
  await there.getByText('Page 7 is past the end').waitFor();
  await there.getByRole('button', { name: 'Go to page 1' }).click();
  await there.locator('table.review tbody tr').first().waitFor();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await context.storageState() });
  const mobile = await phone.newPage();
  pages.push(mobile);
  watch(mobile, 'phone', problems);
  await mobile.goto(`${base}/`);
  await mobile.locator('table.sessions tbody tr').first().waitFor();
  await fitsTheWidth(mobile, 'Sessions (/)');
  await mobile.goto(`${base}/review`);
  await mobile.locator('table.review tbody tr').first().waitFor();
  await fitsTheWidth(mobile, 'Review (/review)');
  await mobile.screenshot({ path: join(out, 'review-dashboard-phone.png'), fullPage: true });
  await mobile.goto(`${base}/review/${row.id}`);
  await mobile.locator('.reviewed-question').first().waitFor();
  await fitsTheWidth(mobile, 'A session (/review/{id})');
  await mobile.screenshot({ path: join(out, 'review-session-phone.png'), fullPage: true });

  check(problems.length === 0, `the page reported problems:\n${problems.join('\n')}`);
});
