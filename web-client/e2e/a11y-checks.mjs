// What the accessibility tests share (accessibility.mjs, room-accessibility.mjs, saving-paused.mjs):
// Chromium's accessibility tree, where focus is and whether it shows, Tab until a control, the
// app's live region and a record of everything any live region says, and the WCAG AA contrast of
// a page's text and controls.
import { check, watch } from './browser.mjs';

/** Roles a person operates: each must have an accessible name. */
export const INTERACTIVE = new Set(['textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio', 'spinbutton', 'slider', 'button', 'link', 'switch', 'tab']);

/** The page's accessibility tree as Chromium computes it: role, name, description and states of every node. */
export async function axNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter(n => !n.ignored).map(n => {
      const prop = name => n.properties?.find(p => p.name === name)?.value?.value;
      return {
        role: n.role?.value, name: (n.name?.value ?? '').trim(), description: (n.description?.value ?? '').trim(),
        invalid: prop('invalid'), focused: prop('focused') === true, disabled: prop('disabled') === true, level: prop('level'),
        pressed: prop('pressed'), checked: prop('checked'), selected: prop('selected') === true, live: prop('live'),
      };
    });
  } finally {
    await cdp.detach();
  }
}

/** What has focus: its role and accessible name in the tree, and whether a focus ring shows. */
export async function focused(page) {
  const node = (await axNodes(page)).find(n => n.focused && n.role !== 'RootWebArea');
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    // The ring is on the element, or on a frame close round it (a code editor's, whose text area is deep inside).
    const rings = e => { const s = getComputedStyle(e); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; };
    let ringed = false;
    for (let e = el, up = 0; e && up < 4 && !ringed; e = e.parentElement, up++) ringed = rings(e);
    return { outline: ringed, tag: el.tagName.toLowerCase() };
  });
  return { role: node?.role ?? null, name: node?.name ?? '', ring };
}

/**
 * Presses Tab (or Shift+Tab) until the focused control is {@code role} named {@code name} (a
 * string is matched exactly, a RegExp anywhere); fails after {@code max} presses. Every control
 * passed on the way must show a focus ring. A code editor on the way, where Tab indents, is left
 * as its hint says: Escape, then Tab.
 */
export async function tabTo(page, role, name, { back = false, max = 60 } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(() => !!document.activeElement?.closest('.cm-content'))) await page.keyboard.press('Escape');
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    seen.push(`${f.role} "${f.name}"`);
    if (f.ring) check(f.ring.outline, `no visible focus ring on ${f.role} "${f.name}"`);
    if (f.role === role && (name instanceof RegExp ? name.test(f.name) : f.name === name)) return f;
  }
  throw new Error(`Tab never reached ${role} "${name}"; it went through: ${seen.join(', ')}`);
}

export async function expectFocus(page, role, name, what) {
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body);
  const f = await focused(page);
  check(f.role === role && (name instanceof RegExp ? name.test(f.name) : f.name === name),
    `${what}: focus should be on ${role} "${name}", is on ${f.role} "${f.name}"`);
}

/** Waits until focus is on the element {@code selector} matches (focus moves after a load). */
export async function waitForFocusOn(page, selector, what) {
  try {
    await page.waitForFunction(s => document.activeElement?.matches(s), selector, { timeout: 10000 });
  } catch {
    const f = await focused(page);
    throw new Error(`${what}: focus should be on ${selector}, is on ${f.role} "${f.name}"`);
  }
}

/** Waits until the app's live region (a11y.tsx) says {@code text}. */
export async function said(page, text) {
  try {
    await page.waitForFunction(t => document.getElementById('announcer')?.textContent === t, text, { timeout: 10000 });
  } catch {
    throw new Error(`the live region should say "${text}", says "${await page.locator('#announcer').textContent()}"`);
  }
}

/**
 * In the page, from its first script on: every text a live region (aria-live other than off,
 * role status, alert or log) holds after a change, in order, as window.spoken. A region that is
 * emptied says nothing; the same text said again is recorded again.
 */
function listenToLiveRegions() {
  window.spoken = [];
  const LIVE = '[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log]';
  new MutationObserver(records => {
    const regions = new Set();
    for (const r of records) {
      const node = r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement;
      const region = node?.closest(LIVE);
      if (region) regions.add(region);
      for (const added of r.addedNodes) if (added.nodeType === Node.ELEMENT_NODE && added.matches(LIVE)) regions.add(added);
    }
    for (const region of regions) {
      const text = region.textContent.trim();
      if (text) window.spoken.push({ region: region.id || region.className || region.getAttribute('role'), live: region.getAttribute('aria-live') ?? region.getAttribute('role'), text });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** A browser context whose pages record what their live regions say (window.spoken, see listenToLiveRegions). */
export async function contextWithEars(browser, viewport = { width: 1280, height: 860 }, extra = {}) {
  const ctx = await browser.newContext({ viewport, ...extra });
  await ctx.addInitScript(listenToLiveRegions);
  return ctx;
}

/** What the live regions of {@code page} said since {@code from} (a {@link mark}). */
/**
 * The candidate of {@code session} joins by its link in a context whose live regions are recorded,
 * and {@code staff}'s room shows them online (as "Cara Candidate", the name these sessions give).
 */
export async function candidateJoinsWithEars(browser, pages, problems, session, staff) {
  const candCtx = await contextWithEars(browser);
  const cand = await candCtx.newPage();
  pages.push(cand);
  watch(cand, 'candidate', problems);
  await cand.goto(session.candidateUrl);
  await cand.getByRole('button', { name: 'Join the room' }).click();
  await staff.locator('.presence .who.online', { hasText: 'Cara Candidate' }).waitFor();
  return cand;
}

export const spoken = (page, from = 0) => page.evaluate(n => window.spoken.slice(n), from);
/** Where what is said next will start: pass it as {@code from}. */
export const mark = page => page.evaluate(() => window.spoken.length);
const matches = (text, expected) => expected instanceof RegExp ? expected.test(text) : text.includes(expected);

/** Waits until a live region of {@code page} has said {@code expected} (a string it contains, or a RegExp), since {@code from}. */
export async function heard(page, expected, what, { from = 0, timeout = 10000 } = {}) {
  try {
    await page.waitForFunction(([e, re, n]) => window.spoken.slice(n).some(s => re ? new RegExp(e).test(s.text) : s.text.includes(e)),
      [expected instanceof RegExp ? expected.source : expected, expected instanceof RegExp, from], { timeout });
  } catch {
    throw new Error(`${what}: a live region should have said "${expected}"; said: ${JSON.stringify((await spoken(page, from)).map(s => s.text))}`);
  }
}

/** Fails when a live region of {@code page} said something {@code unwanted} matches since {@code from}. */
export async function notHeard(page, unwanted, what, from = 0) {
  const said = (await spoken(page, from)).filter(s => unwanted.some(u => matches(s.text, u)));
  check(said.length === 0, `${what}: should not have been said: ${JSON.stringify(said)}`);
}

/** Fails unless a live region of {@code page} said {@code expected} exactly once since {@code from}. */
export async function heardOnce(page, expected, what, from = 0) {
  const said = (await spoken(page, from)).filter(s => matches(s.text, expected));
  check(said.length === 1, `${what}: "${expected}" should have been said once, was said ${said.length} times: ${JSON.stringify(said.map(s => s.text))}`);
}

/** In the page: text, control borders and focus rings with less contrast than WCAG AA asks (1.4.3, 1.4.11). */
export function lowContrast() {
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return { r, g, b, a }; };
  const lum = ({ r, g, b }) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
  /** The colour behind an element: its and its ancestors' backgrounds, blended down to white. */
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) { layers.push(c); if (c.a === 1) break; } }
    return layers.reverse().reduce((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
  };
  const exempt = el => el.closest('[disabled], [aria-disabled="true"], .sr-only, .skip-link, option') || el.closest('[aria-hidden="true"]');
  const name = el => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const done = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || done.has(el) || !el.getClientRects().length || exempt(el)) continue;
    done.add(el);
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || parseFloat(s.opacity) === 0) continue;
    const fg = parse(s.color);
    const bg = background(el);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    const r = ratio(over(fg, bg), bg);
    if (r < (large ? 3 : 4.5)) out.push(`text ${name(el)} ${r.toFixed(2)}:1`);
  }
  for (const el of document.querySelectorAll('input:not([type=checkbox]):not([type=range]), select, textarea, button, a.button')) {
    // A tab is shown by its place in the row of tabs, as a link by its text; the chosen one's mark is checked on its own.
    if (!el.getClientRects().length || exempt(el) || el.getAttribute('role') === 'tab') continue;
    const s = getComputedStyle(el);
    if (parseFloat(s.borderTopWidth) === 0 || s.borderTopStyle === 'none') continue; // a link-like button: its text is what shows it
    const border = parse(s.borderTopColor);
    const own = parse(s.backgroundColor);
    const behind = background(el.parentElement);
    // A border shows the control when it stands out from the page or from the control's own fill.
    const r = Math.max(ratio(over(border, behind), behind), own && own.a > 0 ? ratio(over(border, behind), over(own, behind)) : 0);
    if (r < 3 && !(own && own.a === 1 && ratio(over(own, behind), behind) >= 3)) out.push(`border of ${name(el)} ${r.toFixed(2)}:1`);
  }
  const probe = document.querySelector('main input, main button, main a');
  if (probe) {
    probe.focus({ focusVisible: true });
    const s = getComputedStyle(probe);
    const ring = parse(s.outlineColor);
    const behind = background(probe.parentElement);
    if (s.outlineStyle === 'none' || ratio(ring, behind) < 3) out.push(`focus ring of ${name(probe)} ${s.outlineStyle} ${ring ? ratio(ring, behind).toFixed(2) : '?'}:1`);
    probe.blur();
  }
  return out;
}
