// The question bank browser in a real Chromium: list, search, filter, a question with
// highlighted code and key points, state in the URL across a reload, a human error for a bad
// id, a page past the last one, and screenshots at desktop and phone sizes. Then the interviewer
// writes a question of their own, edits it, is told what is wrong with a bad one, copies an
// imported one, and another organisation sees none of theirs. Reference answers render their
// Markdown (emphasis around code, ~~~ fences, indented code, links, quotes, tables) and never the
// HTML in them. Signed out, the bank is not shown at all (its reference answers are what a
// candidate, who has a link to this server, must not read).
import { join } from 'node:path';
import { run, step, check, watch } from './browser.mjs';

await run(async ({ browser, base, out, pages }) => {
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  pages.push(page);
  watch(page, 'bank', problems);

  step('signed out, /bank asks to sign in');
  await page.goto(`${base}/bank`);
  await page.waitForURL(u => u.pathname === '/login' && u.search.includes('next='));
  const anonymous = await page.request.get(`${base}/api/questions`);
  check(anonymous.status() === 401, `the bank's API signed out: ${anonymous.status()}`);

  step('an interviewer opens /bank and sees questions with a total');
  const signup = await page.request.post(`${base}/api/auth/signup`, {
    data: { organisation: 'Bank Writers', name: 'Barbara Liskov', email: 'barbara@example.com', password: 'correct horse battery' },
  });
  check(signup.status() === 201, `signup: ${signup.status()}`);
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

  step('Escape closes the question, and Back opens it again');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !location.search.includes('id=') && !document.querySelector('.detail-prompt'));
  await page.goBack();
  await page.locator('.detail-prompt').waitFor();

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

  step('a page past the last one says so and leads back');
  const lastPage = Math.ceil(total / 20);
  await page.goto(`${base}/bank?page=${lastPage + 1}`);
  await page.getByText(`Page ${lastPage + 1} is past the end`).waitFor();
  check(!(await page.locator('.bank').textContent()).includes(`Showing ${lastPage * 20 + 1}`), 'no "Showing 241–233"');
  await page.getByRole('button', { name: `Go to page ${lastPage}` }).click();
  await page.waitForFunction(n => document.querySelector('.count')?.textContent === `Showing ${(n.pages - 1) * 20 + 1}–${n.total} of ${n.total}`, { pages: lastPage, total });

  step('an imported answer with bold around code renders as bold code');
  await page.goto(`${base}/bank?q=${encodeURIComponent('How do you unpack a list with variable elements?')}`);
  await page.locator('.questions li a', { hasText: 'unpack a list with variable elements' }).first().click();
  const star = page.locator('.detail .markdown strong', { hasText: 'star operator' });
  await star.waitFor();
  check(await star.locator('code').textContent() === '*', `the star in code inside bold: ${await star.innerHTML()}`);
  const answerText = await page.locator('.detail .markdown').first().textContent();
  check(!answerText.includes('**') && !answerText.includes('``'), `no raw Markdown left: ${answerText}`);

  step('phone-sized screen');
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, storageState: await context.storageState() });
  const mobile = await phone.newPage();
  pages.push(mobile);
  watch(mobile, 'phone', problems);
  await mobile.goto(`${base}/bank`);
  await mobile.locator('.questions li').first().waitFor();
  const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  check(!overflow, 'no horizontal scrolling at 375px');
  await mobile.screenshot({ path: join(out, 'bank-phone.png'), fullPage: false });

  step('the interviewer writes a question of their own');
  await page.goto(`${base}/bank`);
  await page.getByRole('button', { name: 'New question' }).click();
  const editor = page.locator('.question-editor');
  await editor.getByLabel('Question').fill('What is a metaclass in Python?');
  await editor.locator('.similar li', { hasText: 'metaclass' }).first().waitFor();
  await editor.getByLabel('Question').fill('How would you cache the results of an expensive pure function?');
  await editor.getByLabel('Topic').fill('Caching drills');
  await editor.getByLabel('Difficulty').selectOption('advanced');
  await editor.getByLabel(/Key points/).fill('Names functools.lru_cache\n\nExplains maxsize\nMentions hashable arguments');
  await editor.getByLabel(/Reference answer/).fill('Use `lru_cache`:\n\n```python\nfrom functools import lru_cache\n\n@lru_cache(maxsize=128)\ndef price(sku):\n    return lookup(sku)\n```');
  await editor.getByRole('button', { name: 'Preview the answer' }).click();
  await editor.locator('.answer-preview pre.code .tok-keyword').first().waitFor();
  await page.screenshot({ path: join(out, 'bank-new-question.png'), fullPage: true });
  await editor.getByRole('button', { name: 'Add to the bank' }).click();
  await page.waitForFunction(() => document.querySelector('.detail-prompt')?.textContent.startsWith('How would you cache'));
  check(page.url().includes('id='), `the new question is open: ${page.url()}`);
  check((await page.locator('.detail .own').textContent()).includes('Barbara Liskov'), 'it names its author');
  check(await page.locator('.key-points li').count() === 3, 'three key points (the blank line dropped)');
  check(await page.locator('.detail pre.code .tok-keyword').count() > 0, 'its code is highlighted');

  step('the Source filter shows the organisation\'s own questions');
  await page.getByLabel('Source').selectOption({ label: 'Written in Bank Writers' });
  await page.waitForFunction(() => location.search.includes('origin=author'));
  await page.waitForFunction(() => document.querySelector('.count')?.textContent === 'Showing 1–1 of 1');
  check((await page.locator('.questions li .own').count()) === 1, 'marked as the organisation\'s');

  step('edit it');
  await page.locator('.questions li a').first().click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await editor.getByLabel('Question').fill('How would you cache an expensive pure function, and when would you not?');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForFunction(() => document.querySelector('.detail-prompt')?.textContent.includes('when would you not'));
  await page.waitForFunction(() => document.querySelector('.questions li .prompt')?.textContent.includes('when would you not'));

  step('a question the server refuses says why and keeps what was typed');
  await page.getByRole('button', { name: 'Edit' }).click();
  await editor.getByLabel(/Key points/).fill(Array.from({ length: 13 }, (_, i) => `point ${i + 1}`).join('\n'));
  await editor.getByRole('button', { name: 'Save changes' }).click();
  const refused = editor.getByRole('alert');
  await refused.waitFor();
  check((await refused.textContent()).includes('at most 12 key points'), `error for people: ${await refused.textContent()}`);
  check((await editor.getByLabel('Question').inputValue()).includes('when would you not'), 'the form keeps its text');

  step('leaving with unsaved changes asks first, and staying keeps them');
  let asked = null;
  page.once('dialog', d => { asked = d.message(); d.dismiss(); });
  await page.locator('.questions li a').first().click();
  check(asked !== null && asked.includes('without saving'), `a question was asked before leaving: ${asked}`);
  check(page.url().includes('edit='), `still editing after "stay": ${page.url()}`);
  check((await editor.getByLabel(/Key points/).inputValue()).includes('point 13'), 'the changes are still there');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForFunction(() => !location.search.includes('edit='));

  step('an imported question is copied into a new one, not edited');
  await page.goto(`${base}/bank?q=${encodeURIComponent('decorator to measure the execution time')}`);
  await page.locator('.questions li a').first().click();
  const importedPrompt = await page.locator('.detail-prompt').textContent();
  check(await page.getByRole('button', { name: 'Edit' }).count() === 0, 'no Edit on an imported question');
  await page.getByRole('button', { name: 'Copy to a new question' }).click();
  await page.waitForFunction(p => document.querySelector('.question-editor textarea[name=prompt]')?.value === p, importedPrompt);
  await editor.getByRole('button', { name: 'Add to the bank' }).click();
  await page.waitForFunction(() => document.querySelector('.detail .own') !== null);
  check(!page.url().includes(importedPrompt), 'saved as a new question');

  step('remove the copy from the bank');
  await page.goto(`${base}/bank?origin=author`);
  await page.waitForFunction(() => document.querySelector('.count')?.textContent === 'Showing 1–2 of 2');
  await page.locator('.questions li a', { hasText: importedPrompt }).click();
  page.once('dialog', d => d.accept());
  await page.getByRole('button', { name: 'Remove from the bank' }).click();
  await page.waitForFunction(() => document.querySelector('.count')?.textContent === 'Showing 1–1 of 1' && !location.search.includes('id='));
  check(await page.locator('.questions li a', { hasText: importedPrompt }).count() === 0, 'the copy is gone');

  step("the answer preview renders Markdown, and only as text and http(s) links");
  await page.goto(`${base}/bank`);
  await page.getByRole('button', { name: 'New question' }).click();
  await editor.getByLabel(/Reference answer/).fill([
    'Use the **Union Operator (`|`)** or *`dict.update`*.',
    '',
    '~~~python',
    'def merge(a, b):',
    '    return a | b',
    '~~~',
    '',
    'Indented:',
    '',
    '    if ok:',
    '        go()',
    '',
    'See [the docs](https://docs.python.org/3/) or [this](javascript:alert(1)).',
    '',
    '> A quote with **weight**',
    '',
    '| Operator | Meaning |',
    '|---|---|',
    '| `\\|` | union |',
    '| `&` | intersection |',
    '',
    'Kinds:',
    '- **List**:',
    '   - Mutable.',
    '- **Tuple**:',
    '   - Immutable.',
    '',
    '3. third',
    '',
    '4. fourth',
    '',
    '<img src=x onerror="window.injected=1"> <b>not bold</b>',
  ].join('\n'));
  await editor.getByRole('button', { name: 'Preview the answer' }).click();
  const preview = editor.locator('.answer-preview .markdown');
  await preview.waitFor();
  check(await preview.locator('strong code').first().textContent() === '|', `bold code: ${await preview.innerHTML()}`);
  check(await preview.locator('em code').first().textContent() === 'dict.update', 'italic code');
  const fenced = await preview.locator('pre.code').nth(0).innerText();
  check(fenced === 'def merge(a, b):\n    return a | b', `a ~~~ fence keeps its lines: ${JSON.stringify(fenced)}`);
  const indented = await preview.locator('pre.code').nth(1).innerText();
  check(indented === 'if ok:\n    go()', `indented code keeps its indentation: ${JSON.stringify(indented)}`);
  const link = preview.locator('a', { hasText: 'the docs' });
  check(await link.getAttribute('href') === 'https://docs.python.org/3/' && (await link.getAttribute('rel')).includes('noopener'), 'an http(s) link');
  check(await preview.locator('a').count() === 1 && (await preview.textContent()).includes('See the docs or this.'), 'a javascript: link is only its text');
  check((await preview.locator('blockquote strong').textContent()) === 'weight', 'a block quote');
  check(await preview.locator('table th').count() === 2 && await preview.locator('table tbody tr').count() === 2
    && (await preview.locator('table tbody tr td code').first().textContent()) === '|', 'a table, with an escaped pipe in a cell');
  check((await preview.locator(':scope > p', { hasText: 'Kinds:' }).textContent()) === 'Kinds:'
    && await preview.locator(':scope > ul > li').count() === 2
    && JSON.stringify(await preview.locator(':scope > ul > li > ul > li').allTextContents()) === '["Mutable.","Immutable."]'
    && (await preview.locator(':scope > ul > li > strong').allTextContents()).join() === 'List,Tuple',
    `a list right after a paragraph, with a list inside each item: ${await preview.innerHTML()}`);
  check(await preview.locator('ol[start="3"] > li').count() === 2, 'a numbered list keeps its first number across blank lines');
  check(await preview.locator('img, b').count() === 0 && (await preview.textContent()).includes('<b>not bold</b>'), 'HTML shows as text');
  check(await page.evaluate(() => window.injected === undefined), 'nothing ran');
  await editor.getByRole('button', { name: 'Cancel' }).click();

  step('another organisation sees none of its questions');
  const outsider = await (await browser.newContext()).newPage();
  pages.push(outsider);
  watch(outsider, 'outsider', problems);
  const other = await outsider.request.post(`${base}/api/auth/signup`, {
    data: { organisation: 'Elsewhere', name: 'Niklaus Wirth', email: 'niklaus@example.com', password: 'correct horse battery' },
  });
  check(other.status() === 201, `outsider signup: ${other.status()}`);
  await outsider.goto(`${base}/bank?q=${encodeURIComponent('when would you not')}`);
  await outsider.locator('.count').waitFor();
  const seen = await outsider.locator('.questions li .prompt').allTextContents();
  check(!seen.some(p => p.includes('when would you not')) && await outsider.locator('.own').count() === 0,
    `an outsider's search shows none of the organisation's questions: ${seen.join(' | ')}`);

  check(problems.length === 0, `the page reported problems:\n${problems.join('\n')}`);
});
