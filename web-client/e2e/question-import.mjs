// Importing and exporting an organisation's own questions in a real Chromium: the dialog opens with
// focus in it and closes with Escape back to its button; a chosen file with a bad question shows a
// preview with the refusal first, its place and reason, and offers no import; the corrected file
// imports, and the bank lists the questions as the organisation's own; pasted Markdown updates one;
// the JSON export downloads the three with the update.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, step, check, watch } from './browser.mjs';

const questions = (difficulty) => JSON.stringify({
  format: 'mockroom-questions', version: 1, questions: [
    { prompt: 'What does `yield` do in a function?', topic: 'Imported drills', difficulty: 'intermediate',
      keyPoints: ['Makes it a generator', 'Pauses and resumes'], answer: 'It makes the function a **generator**.' },
    { prompt: 'How do you reverse a list in place?', topic: 'Imported drills', difficulty: 'beginner',
      keyPoints: ['list.reverse()'], answer: 'Call `reverse()`:\n\n```python\nxs.reverse()\n```' },
    { prompt: 'When is a metaclass the right tool?', topic: 'Imported drills', difficulty,
      keyPoints: [], answer: 'Rarely.' },
  ],
}, null, 2);

await run(async ({ browser, base, out, pages }) => {
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  const page = await context.newPage();
  pages.push(page);
  watch(page, 'import', problems);

  step('an interviewer opens the bank');
  const signup = await page.request.post(`${base}/api/auth/signup`, {
    data: { organisation: 'Question Movers', name: 'Grace Hopper', email: `grace-${Date.now()}@example.com`, password: 'correct horse battery' },
  });
  check(signup.status() === 201, `signup: ${signup.status()}`);
  await page.goto(`${base}/bank`);
  await page.locator('.count').waitFor();
  const opener = page.getByRole('button', { name: 'Import questions…' });

  step('the dialog is labelled, takes the focus, and Escape gives it back');
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Import questions' });
  await dialog.waitFor();
  check(await page.evaluate(() => document.activeElement?.matches('dialog input[type=file]')), 'focus is on the file chooser');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  check(await page.evaluate(() => document.activeElement?.textContent === 'Import questions…'), 'focus is back on the button');

  step('a file with a bad question: the preview shows its refusal first, and offers no import');
  await opener.click();
  await dialog.getByLabel('File to import').setInputFiles({ name: 'our-questions.json', mimeType: 'application/json', buffer: Buffer.from(questions('expert')) });
  const result = dialog.locator('#import-result');
  await result.waitFor();
  check((await result.textContent()) === 'our-questions.json — 3 questions: 2 new, 1 refused.', `the summary: ${await result.textContent()}`);
  check(await page.evaluate(() => document.activeElement?.id === 'import-result'), 'focus moves to the summary');
  const first = dialog.locator('.import-list li').first();
  check((await first.locator('.outcome').textContent()) === 'Refused', 'the refusal is listed first');
  check((await first.locator('.where').textContent()) === 'question 3, line 24', `its place: ${await first.locator('.where').textContent()}`);
  check((await first.locator('.reason').textContent()) === 'Difficulty must be beginner, intermediate or advanced.', 'its reason');
  check(await dialog.getByRole('button', { name: /^Import \d/ }).count() === 0, 'no import is offered');
  await page.screenshot({ path: join(out, 'import-refused.png') });

  step('the corrected file previews as three new questions and imports them');
  await dialog.getByLabel('File to import').setInputFiles({ name: 'our-questions.json', mimeType: 'application/json', buffer: Buffer.from(questions('advanced')) });
  await page.waitForFunction(() => document.querySelector('#import-result')?.textContent === 'our-questions.json — 3 questions: 3 new.');
  check(await dialog.locator('.import-list li .outcome').allTextContents().then(t => t.every(o => o === 'New')), 'all three new');
  await page.screenshot({ path: join(out, 'import-preview.png') });
  await dialog.getByRole('button', { name: 'Import 3 questions' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => location.search.includes('origin=author')
    && document.querySelector('.count')?.textContent === 'Showing 1–3 of 3');
  const listed = await page.locator('.questions li .prompt').allTextContents();
  check(listed.includes('How do you reverse a list in place?') && listed.includes('What does yield do in a function?'), `the list: ${listed.join(' | ')}`);
  check(await page.locator('.questions li .own').count() === 3, 'marked as the organisation\'s own');
  check((await page.locator('.import-notice').textContent()).startsWith('Imported 3 questions: 3 added, 0 updated.'), 'a notice says what happened');
  check(await page.evaluate(() => document.activeElement?.textContent === 'Import questions…'), 'focus is back on the button');
  await page.locator('.questions li a', { hasText: 'reverse a list' }).click();
  await page.locator('.detail pre.code').waitFor();
  check(await page.getByRole('button', { name: 'Edit' }).count() === 1, 'an imported question can be edited');

  step('pasted Markdown updates a question');
  await opener.click();
  await dialog.getByText("Or paste the file's text").click();
  await dialog.getByLabel("The file's text").fill([
    '## Question 1', '', '- Topic: Imported drills', '- Difficulty: Beginner', '', '### Prompt', '',
    'how do you reverse a LIST in place?', '', '### Key points', '', '- list.reverse()', '', '### Reference answer', '', 'Use `xs.reverse()`; `reversed(xs)` makes a new iterator.',
  ].join('\n'));
  await dialog.getByRole('button', { name: 'Preview the pasted text' }).click();
  await page.waitForFunction(() => document.querySelector('#import-result')?.textContent === 'The pasted text — 1 question: 1 to update.');
  check((await dialog.locator('.import-list .changed').textContent()) === 'Changes its prompt, reference answer.', 'what changes');
  await dialog.getByRole('button', { name: 'Import 1 question' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('.import-notice')?.textContent.startsWith('Imported one question: 0 added, 1 updated.'));
  await page.waitForFunction(() => [...document.querySelectorAll('.questions li .prompt')].some(p => p.textContent === 'how do you reverse a LIST in place?'));

  step('the JSON export downloads the organisation\'s three questions');
  await page.getByText('Export your questions').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^JSON/ }).click()]);
  check(/^question-movers-questions-\d{4}-\d\d-\d\d\.json$/.test(download.suggestedFilename()), `the file's name: ${download.suggestedFilename()}`);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  check(exported.questions.length === 3, `three questions exported: ${exported.questions.length}`);
  check(exported.questions[1].answer === 'Use `xs.reverse()`; `reversed(xs)` makes a new iterator.', `with the update: ${exported.questions[1].answer}`);

  step('at 320 px the open export menu and the dialog stay on the screen');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${base}/bank`);
  await page.getByText('Export your questions').click();
  await page.getByRole('link', { name: /^Markdown/ }).waitFor();
  const outside = async selector => page.evaluate(s => [...document.querySelectorAll(s)]
    .filter(el => { const r = el.getBoundingClientRect(); return r.left < -1 || r.right > innerWidth + 1; }).map(el => el.textContent), selector);
  check((await outside('.export-menu a')).length === 0, `export links off the screen: ${await outside('.export-menu a')}`);
  await page.screenshot({ path: join(out, 'export-menu-320.png') });
  await page.keyboard.press('Escape');
  await opener.click();
  check((await outside('dialog button, dialog input, dialog summary')).length === 0, `dialog controls off the screen: ${await outside('dialog button, dialog input, dialog summary')}`);
  await page.keyboard.press('Escape');

  check(problems.length === 0, `the page reported problems:\n${problems.join('\n')}`);
});
