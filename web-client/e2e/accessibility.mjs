// The pages outside the live room by keyboard and screen reader, in a real Chromium: what its
// accessibility tree says (names, descriptions, invalid fields, headings, landmarks), where focus
// is after each step, and what a zoomed or narrow screen shows. One part per run (--part):
//   names     every control of sign-up, sign-in, sessions, new session, bank, editor, review and
//             practice has an accessible name; each page has one h1, a main landmark and its title;
//             the bank's filters are named by labels shown above them
//   keyboard  keyboard only: sign up, create a session with a plan, open the bank, search, open a
//             question and close it again, with visible focus all the way
//   errors    form errors are announced (role=alert) and tied to their fields (invalid, described
//             by the message, focused): sign-up, sign-in, new session, question editor
//   focus     focus after actions: a new page's heading, a saved question's heading, the bank's
//             heading after a removal (said aloud), the invitation link, the pager's other button
//   layout    text and control contrast at least WCAG AA, and nothing cut off at 320 px wide
import { join } from 'node:path';
import { run, step, check, watch } from './browser.mjs';
import { INTERACTIVE, axNodes, expectFocus, focused, lowContrast, said, tabTo, waitForFocusOn } from './a11y-checks.mjs';

const part = (() => { const i = process.argv.indexOf('--part'); return i > 0 ? process.argv[i + 1] : 'all'; })();
const PASSWORD = 'correct horse battery';

async function signUp(page, base, organisation, email) {
  const r = await page.request.post(`${base}/api/auth/signup`, { data: { organisation, name: 'Ada Keys', email, password: PASSWORD } });
  check(r.status() === 201, `signup: ${r.status()}`);
}

async function aSession(page, base, title) {
  const qs = await (await page.request.get(`${base}/api/questions?pageSize=3`)).json();
  const r = await page.request.post(`${base}/api/sessions`, { data: { title, candidateName: 'Cara Candidate', plan: qs.items.map(q => ({ questionId: q.id })) } });
  check(r.status() === 201, `session: ${r.status()}`);
  return { session: await r.json(), questions: qs.items };
}

const stamp = Date.now().toString(36);

await run(async ({ browser, base, out, pages }) => {
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  pages.push(page);
  watch(page, 'page', problems);

  if (part === 'names' || part === 'all') {
    step('signed out: the sign-in and sign-up forms name every field');
    const routes = [['/login', 'Sign in'], ['/signup', 'Create your organisation']];
    await signUp(page, base, 'Names Ltd', `names-${stamp}@example.com`);
    const { session, questions } = await aSession(page, base, 'Named session');
    await page.request.post(`${base}/api/auth/logout`, { data: {} });
    const pagesToCheck = async list => {
      for (const [route, heading, prepare] of list) {
        await page.goto(base + route);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        if (prepare) await prepare();
        await page.waitForLoadState('networkidle');
        const nodes = await axNodes(page);
        const unnamed = nodes.filter(n => INTERACTIVE.has(n.role) && !n.name);
        check(unnamed.length === 0, `${route}: controls without a name: ${JSON.stringify(unnamed)}`);
        const h1 = nodes.filter(n => n.role === 'heading' && n.level === 1);
        check(h1.length === 1, `${route}: one h1, saw ${h1.map(h => h.name).join(' | ') || 'none'}`);
        check(nodes.some(n => n.role === 'main'), `${route}: a main landmark`);
        check(nodes.some(n => n.role === 'navigation'), `${route}: a navigation landmark`);
        const title = await page.title();
        check(title !== 'Mockroom' && title.endsWith('· Mockroom'), `${route}: the tab names the page, not just the app: "${title}"`);
        console.log(`[e2e]   ${route}: ${nodes.filter(n => INTERACTIVE.has(n.role)).length} controls named; title "${title}"`);
      }
    };
    await pagesToCheck(routes);

    step('signed in: sessions, new session with a plan, bank, editor, question, review, a session, practice');
    await page.request.post(`${base}/api/auth/login`, { data: { email: `names-${stamp}@example.com`, password: PASSWORD } });
    await pagesToCheck([
      ['/', 'Sessions'],
      ['/sessions/new', 'New session', async () => {
        await page.getByRole('searchbox', { name: 'Search the bank' }).fill('list');
        await page.locator('.picker li button').nth(1).waitFor();
        await page.locator('.picker li button').first().click();
        await page.locator('.picker li button').nth(1).click();
        await page.getByRole('spinbutton', { name: 'Minutes for question 2' }).waitFor();
      }],
      ['/bank', 'Question bank'],
      ['/bank?edit=new', 'Question bank', () => page.getByRole('heading', { name: 'New question' }).waitFor()],
      [`/bank?id=${questions[0].id}`, 'Question bank', () => page.locator('.detail-prompt').waitFor()],
      ['/review', 'Review'],
      [`/review/${session.id}`, `Cara Candidate · Named session`],
      ['/practice', 'Practise with a colleague', () => page.getByRole('button', { name: 'Find a partner' }).waitFor()],
    ]);

    step('the bank\'s filters: each has a label on screen, tied to it, that is its name');
    await page.goto(`${base}/bank?sort=asked`); // sort shown: every filter there is
    await page.locator('.count').waitFor();
    const filters = [['searchbox', 'Search'], ['combobox', 'Topic'], ['combobox', 'Difficulty'], ['combobox', 'Sort'],
      ['combobox', 'Source'], ['textbox', 'Not yet asked to']];
    check(await page.locator('form.filters').locator('input, select').count() === filters.length,
      `the bank has ${filters.length} filters, each checked here: ${await page.locator('form.filters').innerHTML()}`);
    for (const [role, name] of filters) {
      const control = page.locator('form.filters').getByRole(role, { name, exact: true });
      check(await control.count() === 1, `one ${role} named "${name}" among the filters`);
      const label = await control.evaluate(el => {
        const l = el.labels?.[0];
        if (!l) return null;
        // The label's own words (not the control's options), where they are drawn.
        const words = [...l.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
        const range = document.createRange();
        if (words.length) range.selectNodeContents(words[0]);
        const box = range.getBoundingClientRect();
        const s = getComputedStyle(l);
        return {
          text: words.map(n => n.textContent).join('').trim(), ariaLabel: el.getAttribute('aria-label'),
          shown: words.length > 0 && box.width > 1 && box.height > 1 && box.right <= innerWidth && s.visibility !== 'hidden'
            && !l.closest('.sr-only') && parseFloat(s.fontSize) >= 12,
          above: words.length > 0 && box.bottom <= el.getBoundingClientRect().top + 1,
        };
      });
      check(label, `${name}: no <label> tied to the ${role}`);
      check(label.text === name, `${name}: its label says "${label.text}"`);
      check(label.ariaLabel === null, `${name}: named by its visible label, not aria-label "${label.ariaLabel}"`);
      check(label.shown, `${name}: its label is not shown on screen`);
      check(label.above, `${name}: its label is above the control`);
    }
  }

  if (part === 'keyboard' || part === 'all') {
    step('keyboard only: the first Tab offers to skip to the main content');
    await page.goto(`${base}/signup`);
    await page.getByRole('heading', { name: 'Create your organisation' }).waitFor();
    await page.keyboard.press('Tab');
    await expectFocus(page, 'link', 'Skip to main content', 'first Tab');
    check((await focused(page)).ring.outline, 'the skip link shows focus');
    await page.keyboard.press('Enter');
    await expectFocus(page, 'heading', 'Create your organisation', 'after the skip link');

    step('keyboard only: sign up');
    await tabTo(page, 'textbox', 'Organisation');
    await page.keyboard.type('Keyboard Co');
    await tabTo(page, 'textbox', 'Your name');
    await page.keyboard.type('Kim Keys');
    await tabTo(page, 'textbox', 'Email');
    await page.keyboard.type(`kim-${stamp}@example.com`);
    await tabTo(page, 'textbox', 'Password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(u => u.pathname === '/');
    await waitForFocusOn(page, 'main h1', 'after signing up');
    await expectFocus(page, 'heading', 'Sessions', 'after signing up');
    check(await page.title() === 'Sessions · Mockroom', `title after sign-up: ${await page.title()}`);

    step('keyboard only: New session, title, candidate, two questions from the search, reordered');
    await tabTo(page, 'link', 'New session');
    await page.keyboard.press('Enter');
    await page.waitForURL(u => u.pathname === '/sessions/new');
    await waitForFocusOn(page, 'main h1', 'on the new session page');
    await expectFocus(page, 'heading', 'New session', 'on the new session page');
    await tabTo(page, 'textbox', 'Title');
    await page.keyboard.type('Keyboard screen');
    await tabTo(page, 'textbox', "Candidate's name");
    await page.keyboard.type('Grace Keys');
    await tabTo(page, 'searchbox', 'Search the bank');
    await page.keyboard.type('decorator');
    await page.waitForFunction(() => [...document.querySelectorAll('.picker li')].filter(li => /decorator/i.test(li.textContent)).length >= 2
      && /decorator/i.test(document.querySelector('.picker li').textContent));
    const first = await tabTo(page, 'button', /decorator/i);
    await page.keyboard.press('Enter');
    await page.locator('.plan li[data-id]').first().waitFor();
    await expectFocus(page, 'button', new RegExp(`^${first.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*in the plan$`), 'the question just added keeps focus, and says it is in the plan');
    check(await page.evaluate(() => document.activeElement.getAttribute('aria-disabled')) === 'true', 'an added question says it cannot be added again');
    await said(page, 'Added to the plan as question 1.');
    const second = await tabTo(page, 'button', /decorator/i);
    check(second.name !== first.name, 'Tab moves on to the next question');
    await page.keyboard.press('Enter');
    await page.locator('.plan li[data-id]').nth(1).waitFor();
    const planned = async () => page.locator('.plan li[data-id] .prompt').allTextContents();
    const before = await planned();
    await tabTo(page, 'button', 'Move question 2 up');
    await page.keyboard.press('Enter');
    await page.waitForFunction(b => document.querySelector('.plan li[data-id] .prompt')?.textContent === b[1], before);
    await expectFocus(page, 'button', 'Move question 1 up', 'the moved question keeps focus');
    check(JSON.stringify(await planned()) === JSON.stringify([before[1], before[0]]), 'the order is swapped');
    await tabTo(page, 'spinbutton', 'Minutes for question 1');
    await tabTo(page, 'button', 'Create session');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Keyboard screen' }).waitFor();
    await expectFocus(page, 'heading', 'Keyboard screen', 'after creating the session');
    await tabTo(page, 'textbox', 'Candidate link');

    step('keyboard only: the question bank, a search, a question opened and closed');
    await tabTo(page, 'link', 'Question bank', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(u => u.pathname === '/bank');
    await waitForFocusOn(page, 'main h1', 'on the bank');
    await expectFocus(page, 'heading', 'Question bank', 'on the bank');
    check(await page.title() === 'Question bank · Mockroom', `title of the bank: ${await page.title()}`);
    await tabTo(page, 'searchbox', 'Search');
    await page.keyboard.type('metaclass');
    await page.waitForFunction(() => location.search.includes('q=metaclass'));
    await page.waitForFunction(() => /of \d+$/.test(document.querySelector('.count')?.textContent ?? '')
      && Number(document.querySelector('.count').textContent.match(/of (\d+)/)[1]) < 30);
    check(await page.locator('.count').getAttribute('aria-live') === 'polite', 'the number of results is read out');
    const link = await tabTo(page, 'link', /metaclass/i);
    await page.keyboard.press('Enter');
    await page.locator('.detail-prompt').waitFor();
    await waitForFocusOn(page, '.detail-prompt', 'after opening a question');
    check(/metaclass/i.test((await focused(page)).name), 'the opened question\'s heading has focus');
    check(await page.locator(`.questions a[aria-current="true"]`).count() === 1, 'the list marks the open question');
    await page.screenshot({ path: join(out, 'keyboard-bank.png') });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.search.includes('id='));
    await expectFocus(page, 'link', link.name, 'Escape gives focus back to the question\'s link');
  }

  if (part === 'errors' || part === 'all') {
    const email = `taken-${stamp}@example.com`;
    const alert = () => page.getByRole('alert');
    /** The field's node in the tree: invalid, and described by {@code message}. */
    const tiedTo = async (role, name, message, what) => {
      const node = (await axNodes(page)).find(n => n.role === role && n.name === name);
      check(node, `${what}: no ${role} "${name}"`);
      check(node.invalid === 'true', `${what}: ${name} should be invalid, is ${node.invalid}`);
      check(message instanceof RegExp ? message.test(node.description) : node.description.includes(message),
        `${what}: ${name} should be described by "${message}", is "${node.description}"`);
    };

    step('sign-up with nothing filled in: every empty field says so, the first has focus');
    await page.goto(`${base}/signup`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectFocus(page, 'textbox', 'Organisation', 'the first empty field');
    await tiedTo('textbox', 'Organisation', 'Organisation is required.', 'empty sign-up');
    await tiedTo('textbox', 'Password', /Password is required\. At least 10 characters\./, 'empty sign-up');
    check(await page.locator('.field-error').count() === 4, 'four fields, four errors');

    step('a short password: its field says what is needed, keeping the hint');
    await page.getByLabel('Organisation').fill('Errors Ltd');
    check(await page.getByLabel('Organisation').getAttribute('aria-invalid') === null, 'typing takes the error away');
    await page.getByLabel('Your name').fill('Erin Errors');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByLabel('Password').press('Enter');
    await expectFocus(page, 'textbox', 'Password', 'a short password');
    await tiedTo('textbox', 'Password', 'Password needs at least 10 characters.', 'short password');

    step('an email already taken: the server\'s answer is announced and tied to the email field');
    await signUp(page, base, 'Earlier Ltd', email);
    await page.request.post(`${base}/api/auth/logout`, { data: {} });
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await alert().filter({ hasText: 'already exists' }).waitFor();
    await expectFocus(page, 'textbox', 'Email', 'an email taken');
    await tiedTo('textbox', 'Email', 'already exists', 'email taken');

    step('sign-in with a wrong password: announced, tied to the password');
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await alert().filter({ hasText: 'do not match' }).waitFor();
    await tiedTo('textbox', 'Password', 'do not match', 'wrong password');
    await expectFocus(page, 'textbox', 'Password', 'a wrong password');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(u => u.pathname === '/');

    step('a new session without a title or candidate: both say so, the title has focus');
    await page.goto(`${base}/sessions/new`);
    await page.getByRole('button', { name: 'Create session' }).click();
    await expectFocus(page, 'textbox', 'Title', 'an empty new session');
    await tiedTo('textbox', 'Title', 'Title is required.', 'empty session');
    await tiedTo('textbox', "Candidate's name", "Candidate's name is required.", 'empty session');

    step('the question editor: an empty question, then one the server refuses');
    await page.goto(`${base}/bank?edit=new`);
    const editor = page.locator('.question-editor');
    await editor.getByRole('button', { name: 'Add to the bank' }).click();
    await expectFocus(page, 'textbox', 'Question', 'an empty question');
    await tiedTo('textbox', 'Question', 'Question is required.', 'empty question');
    await editor.getByLabel('Question').fill('How do you keep a cache from growing without bound?');
    await editor.getByLabel('Topic').fill('Caching drills');
    await editor.getByLabel(/Key points/).fill(Array.from({ length: 13 }, (_, i) => `point ${i + 1}`).join('\n'));
    await editor.getByRole('button', { name: 'Add to the bank' }).click();
    await editor.getByRole('alert').filter({ hasText: 'key points' }).waitFor();
    await tiedTo('textbox', 'Key points to tick while scoring, one per line', 'key points', 'too many key points');
    await expectFocus(page, 'textbox', 'Key points to tick while scoring, one per line', 'too many key points');
    await page.screenshot({ path: join(out, 'errors-editor.png') });
  }

  if (part === 'focus' || part === 'all') {
    await signUp(page, base, 'Focus Ltd', `focus-${stamp}@example.com`);

    step('a link to another page puts focus on its heading, and the tab is named after it');
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    for (const [link, heading, title] of [['Review', 'Review', 'Review · Mockroom'], ['Practice', 'Practise with a colleague', 'Practice · Mockroom'],
      ['Question bank', 'Question bank', 'Question bank · Mockroom'], ['Sessions', 'Sessions', 'Sessions · Mockroom']]) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
      await waitForFocusOn(page, 'main h1', `after following ${link}`);
      await expectFocus(page, 'heading', heading, `after following ${link}`);
      check(await page.title() === title, `title after ${link}: ${await page.title()}`);
    }

    step('Invite a colleague: focus goes to the link that replaces the button');
    await page.getByRole('button', { name: 'Invite a colleague' }).focus();
    await page.keyboard.press('Enter');
    await waitForFocusOn(page, '.invite input', 'after inviting');
    await expectFocus(page, 'textbox', 'Invitation link (7 days)', 'after inviting');
    check(await page.evaluate(() => document.activeElement.selectionEnd - document.activeElement.selectionStart) > 20, 'the link is selected, ready to copy');

    step('a saved question: its heading has focus, and "Saved" is said');
    await page.goto(`${base}/bank`);
    await page.getByRole('button', { name: 'New question' }).focus();
    await page.keyboard.press('Enter');
    await waitForFocusOn(page, '.question-editor .detail-prompt', 'the editor opened');
    const editor = page.locator('.question-editor');
    await editor.getByLabel('Question').fill('How would you rate-limit calls to a flaky service?');
    await editor.getByLabel('Topic').fill('Focus drills');
    await editor.getByRole('button', { name: 'Add to the bank' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.detail:not(.question-editor) .detail-prompt', { hasText: 'rate-limit' }).waitFor();
    await waitForFocusOn(page, '.detail-prompt', 'after saving');
    await said(page, 'Saved to the bank.');

    step('Escape in the editor with changes asks first; a removed question leaves focus on the bank\'s heading');
    await page.getByRole('button', { name: 'Edit' }).focus();
    await page.keyboard.press('Enter');
    await waitForFocusOn(page, '.question-editor .detail-prompt', 'the editor for an edit');
    await editor.getByLabel('Topic').fill('Focus drills, changed');
    await page.evaluate(() => new Promise(r => requestAnimationFrame(() => setTimeout(r)))); // the form knows it has changes a frame later
    await editor.getByRole('button', { name: 'Preview the answer' }).focus();
    let asked = null;
    page.once('dialog', d => { asked = d.message(); d.dismiss(); });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => true); // the dialog was handled before the key press returned
    check(asked && /Leave without saving/.test(asked), `Escape asks before losing changes: ${asked}; ${page.url()} ${await editor.getByLabel('Topic').inputValue()} ${JSON.stringify(await focused(page))}`);
    check(await editor.getByLabel('Topic').inputValue() === 'Focus drills, changed', 'dismissing keeps the changes');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await waitForFocusOn(page, '.detail .detail-prompt', 'after Cancel');
    page.once('dialog', d => d.accept());
    await page.getByRole('button', { name: 'Remove from the bank' }).focus();
    await page.keyboard.press('Enter');
    await waitForFocusOn(page, '#bank-heading', 'after removing');
    await said(page, 'Removed from the bank.');

    step('Next up to the last page: focus stays on the pager');
    await page.goto(`${base}/bank?difficulty=advanced`);
    await page.locator('.count').waitFor();
    const pages = Math.ceil(Number((await page.locator('.count').textContent()).match(/of (\d+)/)[1]) / 20);
    check(pages >= 2, `advanced questions fill ${pages} pages`);
    await page.getByRole('button', { name: 'Next' }).focus();
    for (let p = 1; p < pages; p++) {
      await expectFocus(page, 'button', 'Next', `on page ${p}`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(n => new URLSearchParams(location.search).get('page') === String(n)
        && document.querySelector('.count')?.textContent.startsWith(`Showing ${(n - 1) * 20 + 1}`), p + 1);
    }
    await page.waitForFunction(() => document.querySelector('.pager button:last-child').disabled);
    await expectFocus(page, 'button', 'Previous', 'on the last page');
  }

  if (part === 'layout' || part === 'all') {
    await signUp(page, base, 'Layout Ltd', `layout-${stamp}@example.com`);
    const { session, questions } = await aSession(page, base, 'Layout session');
    const routes = ['/', '/sessions/new', '/bank', `/bank?id=${questions[0].id}`, '/bank?edit=new', '/review', `/review/${session.id}`, '/practice'];

    step('contrast: text at least 4.5:1 (3:1 large), control borders and the focus ring at least 3:1');
    for (const route of routes) {
      await page.goto(base + route);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const low = await page.evaluate(lowContrast);
      check(low.length === 0, `${route}: too little contrast:\n  ${low.slice(0, 15).join('\n  ')}`);
    }

    step('320 px wide (1280 px at 400 %): no page scrolls sideways, every control is in view');
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 }, storageState: await context.storageState() });
    const small = await narrow.newPage();
    pages.push(small);
    watch(small, 'narrow', problems);
    for (const route of routes) {
      await small.goto(base + route);
      await small.locator('main h1').waitFor();
      await small.waitForLoadState('networkidle');
      const wide = await small.evaluate(() => {
        const out = [];
        if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`the page is ${document.documentElement.scrollWidth}px wide`);
        for (const el of document.querySelectorAll('main input, main select, main textarea, main button, main a, main h1, main h2')) {
          if (!el.getClientRects().length || el.closest('.table-scroll, pre, .sr-only, .skip-link')) continue;
          const r = el.getBoundingClientRect();
          if (r.right > innerWidth + 1 || r.left < -1) out.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40)}" spans ${Math.round(r.left)}–${Math.round(r.right)}`);
        }
        return out;
      });
      check(wide.length === 0, `${route} at 320 px: ${wide.join('; ')}`);
    }
    await small.goto(`${base}/sessions/new`);
    await small.locator('main h1').waitFor();
    await small.screenshot({ path: join(out, 'narrow-new-session.png'), fullPage: true });
    await small.goto(`${base}/bank?sort=asked`);
    await small.locator('.count').waitFor();
    await small.screenshot({ path: join(out, 'narrow-bank.png') });
  }

  check(problems.length === 0, problems.join('\n'));
});
