// Shared set-up of the browser tests: Debian's Chromium through playwright-core, artefacts
// (screenshots) into --out, a step log, and a clear failure message. No fixed sleeps: every
// wait is Playwright's auto-waiting or an explicit condition.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function args() {
  const out = { base: 'http://127.0.0.1:8080', out: 'target/e2e' };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith('--')) out[a[i].slice(2)] = a[++i];
  }
  mkdirSync(out.out, { recursive: true });
  return out;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

let stepNo = 0;
export function step(name) {
  stepNo++;
  console.log(`[e2e] ${stepNo}. ${name}`);
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Collects what a page says in its console and CSP violations, to fail on script errors. */
/** Records page errors and console errors; 4xx answers (the app's own checks) and {@code expected} are fine. */
export function watch(page, label, problems, expected = null) {
  page.on('pageerror', e => problems.push(`${label}: page error: ${e.message}`));
  page.on('console', m => {
    if (m.type() !== 'error' || /status of 4\d\d/.test(m.text()) || (expected && expected.test(m.text()))) return;
    problems.push(`${label}: console error: ${m.text()}`);
  });
}

/** Runs the test body; on failure takes a screenshot of every open page and exits 1. */
export async function run(body) {
  const options = args();
  const { base, out } = options;
  const browser = await launch();
  const pages = [];
  try {
    await body({ browser, base, out, pages, options });
    console.log('[e2e] passed');
  } catch (e) {
    console.error(`[e2e] FAILED: ${e.stack || e}`);
    for (const [i, p] of pages.entries()) {
      await p.screenshot({ path: join(out, `failure-${i}.png`), fullPage: true }).catch(() => {});
    }
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
  // Whatever a test left open (a server, a timer) must not keep the run alive after its verdict.
  process.exit(process.exitCode ?? 0);
}

/** Signs up through the sign-up page as the first account of {@code organisation}; waits for the sessions list. */
export async function signUpInBrowser(page, base, organisation, email = `ada-${Date.now()}@example.com`) {
  await page.goto(`${base}/signup`);
  await page.getByLabel('Organisation').fill(organisation);
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Sessions' }).waitFor();
}

/** Signs in through the sign-in page; waits for the sessions list. */
export async function signIn(page, base, email, password) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sessions' }).waitFor();
}

/** A page in a browser context of its own (its own cookies), watched for script errors as {@code label}. */
export async function openPage(browser, pages, problems, label, viewport = { width: 1280, height: 860 }) {
  const page = await (await browser.newContext({ viewport })).newPage();
  pages.push(page);
  watch(page, label, problems);
  return page;
}
