// The question bank browser in a real Chromium: list, search, filter, a question with
// highlighted code and key points, state in the URL across a reload, a human error for a bad
// id, and screenshots at desktop and phone sizes.
import { join } from 'node:path';
import { run, step, check, watch } from './browser.mjs';

await run(async ({ browser, base, out, pages }) => {
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  pages.push(page);
  watch(page, 'bank', problems);

  step('open /bank and see questions with a total');
  await page.goto(`${base}/bank`);
  const count = page.locator('.count');
  await count.waitFor();
  const total = Number((await count.textContent()).match(/of (\d+)/)[1]);
  check(total > 100, `expected more than 100 questions, saw ${total}`);
  check(await page.locator('.questions li').count() === 20, 'a page shows 20 questions');

  step('search for "metaclass" narrows the list');
  await page.getByRole('searchbox', { name: 'Search' }).fill('metaclass');
  await page.waitForFunction(() => /of \d+$/.test(document.querySelector('.count')?.textContent ?? '') &&
    Number(document.querySelector('.count').textContent.match(/of (\d+)/)[1]) < 30);
  const first = (await page.locator('.questions li .prompt').first().textContent()).toLowerCase();
  check(first.includes('metaclass'), `first result should mention metaclass: ${first}`);
  check(page.url().includes('q=metaclass'), `the URL carries the search: ${page.url()}`);

  step('filter by difficulty: every badge says advanced');
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.waitForFunction(() => !location.search.includes('q='));
  await page.getByLabel('Difficulty').selectOption('advanced');
  await page.waitForFunction(() => location.search.includes('difficulty=advanced'));
  await page.waitForFunction(() => [...document.querySelectorAll('.questions .badge')].length > 0 &&
    [...document.querySelectorAll('.questions .badge')].every(b => b.textContent.startsWith('advanced')));

  step('open a question with code: highlighted, with key points');
  await page.goto(`${base}/bank?q=${encodeURIComponent('decorator to measure the execution time')}`);
  await page.locator('.questions li a').first().click();
  await page.locator('.detail pre.code').first().waitFor();
  check(await page.locator('.detail pre.code .tok-keyword').count() > 0, 'code has highlighted keywords');
  const points = await page.locator('.key-points li').count();
  check(points >= 2 && points <= 5, `2–5 key points, saw ${points}`);
  check(page.url().includes('id='), 'the URL names the open question');
  await page.screenshot({ path: join(out, 'bank-desktop.png'), fullPage: true });

  step('reload keeps the state');
  const prompt = await page.locator('.detail-prompt').textContent();
  await page.reload();
  await page.locator('.detail-prompt').waitFor();
  check((await page.locator('.detail-prompt').textContent()) === prompt, 'same question after reload');

  step('a bad id shows a message for people, not JSON');
  await page.goto(`${base}/bank?id=00000000-0000-0000-0000-000000000000`);
  const error = page.locator('.detail .error');
  await error.waitFor();
  const text = await error.textContent();
  check(text.includes('No question with id') && !text.includes('{'), `human error message: ${text}`);

  step('phone-sized screen');
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const mobile = await phone.newPage();
  pages.push(mobile);
  watch(mobile, 'phone', problems);
  await mobile.goto(`${base}/bank`);
  await mobile.locator('.questions li').first().waitFor();
  const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  check(!overflow, 'no horizontal scrolling at 375px');
  await mobile.screenshot({ path: join(out, 'bank-phone.png'), fullPage: false });

  check(problems.length === 0, `the page reported problems:\n${problems.join('\n')}`);
});
