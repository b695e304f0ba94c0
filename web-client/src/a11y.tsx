// What keyboard and screen reader users need from every page: the tab's title, focus moved where
// the user's attention goes (a new page's heading, a panel that opened, the field with an error),
// short spoken notes for things that happen out of sight, and form errors tied to their fields.
import { useEffect, useState } from 'preact/hooks';

/** Names the browser tab after the page ("Question bank · Mockroom"); null leaves it alone. */
export function useTitle(title: string | null) {
  useEffect(() => {
    if (title) document.title = `${title} · Mockroom`;
  }, [title]);
}

/** Focuses an element that is not focusable by Tab (a heading, a message) without adding it to the Tab order. */
export function focusElement(el: Element | null | undefined): boolean {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  if (!el.matches('a[href], button, input, select, textarea, [tabindex]')) el.setAttribute('tabindex', '-1');
  el.focus();
  return document.activeElement === el;
}

/**
 * Focuses the first element matching {@code selector} inside {@code root} as soon as it is there
 * (pages show "Loading…" first), giving up after {@code ms}. Returns a cancel function.
 */
export function focusWhenShown(root: Element, selector: string, ms = 10000): () => void {
  const now = root.querySelector(selector);
  if (now) { focusElement(now); return () => {}; }
  const observer = new MutationObserver(() => {
    const el = root.querySelector(selector);
    if (el) { stop(); focusElement(el); }
  });
  const timer = window.setTimeout(() => stop(), ms);
  const stop = () => { observer.disconnect(); window.clearTimeout(timer); };
  observer.observe(root, { childList: true, subtree: true });
  return stop;
}

/** Messages waiting to be said together (see {@link announce}). */
let queued: string[] = [];

/**
 * Says {@code message} through the page's polite live region (the same message twice is said
 * twice). Messages that come together (the live room's: a question pushed just after the session
 * started) are said together, in order, instead of the last one replacing the others unsaid.
 */
export function announce(message: string) {
  const region = document.getElementById('announcer');
  if (!region) return;
  queued.push(message);
  if (queued.length > 1) return; // the first one's timer says it too
  region.textContent = '';
  window.setTimeout(() => { region.textContent = queued.join(' '); queued = []; }, 50);
}

/** The live region {@link announce} speaks through: rendered once by the app, always present. */
export function Announcer() {
  return <div id="announcer" class="sr-only" role="status" aria-live="polite" />;
}

/** A field's name as its label shows it ("Candidate's name"), without the hint under it. */
function labelOf(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  const label = el.labels?.[0];
  const first = label?.childNodes[0]?.textContent?.trim();
  return first || el.getAttribute('aria-label') || 'This field';
}

/** What is wrong with a field the browser found invalid, in words for people. */
function problemOf(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  const v = el.validity;
  const label = labelOf(el);
  if (v.valueMissing) return `${label} is required.`;
  if (v.typeMismatch && el.type === 'email') return `${label} needs an email address, like name@example.com.`;
  if (v.tooShort) return `${label} needs at least ${(el as HTMLInputElement).minLength} characters.`;
  if (v.rangeUnderflow || v.rangeOverflow) return `${label} must be between ${(el as HTMLInputElement).min} and ${(el as HTMLInputElement).max}.`;
  return el.validationMessage || `${label} is not valid.`;
}

/**
 * Errors of a form's fields, shown under each field and tied to it (aria-invalid,
 * aria-describedby), checked by the app instead of the browser's bubbles (the form has noValidate)
 * so that they stay on screen and are read with the field. {@code check} marks every invalid field
 * and focuses the first; {@code props(name)} goes on a field, {@code Error} under it, and
 * {@code onInput} on the form.
 */
export function useFieldErrors(formId: string) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const errorId = (name: string) => `${formId}-${name}-error`;
  const check = (form: HTMLFormElement): boolean => {
    const found: Record<string, string> = {};
    let first: HTMLElement | null = null;
    for (const el of Array.from(form.elements) as HTMLInputElement[]) {
      if (!el.name || !('validity' in el) || el.validity.valid) continue;
      found[el.name] = problemOf(el);
      first ??= el;
    }
    setErrors(found);
    if (first) first.focus();
    return !first;
  };
  /** Marks one field wrong after the server refused it, and focuses it. */
  const fail = (form: HTMLFormElement, name: string, message: string) => {
    setErrors({ [name]: message });
    (form.elements.namedItem(name) as HTMLElement | null)?.focus();
  };
  const clear = (name: string) => { if (errors[name]) setErrors(e => { const n = { ...e }; delete n[name]; return n; }); };
  const props = (name: string, hint?: string) => ({
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': [errors[name] ? errorId(name) : null, hint].filter(Boolean).join(' ') || undefined,
  });
  /** On the form: typing in a field takes its error away. */
  const onInput = (e: Event) => clear((e.target as HTMLInputElement).name);
  const Error = ({ name }: { name: string }) =>
    errors[name] ? <span class="field-error" id={errorId(name)}>{errors[name]}</span> : null;
  return { errors, check, fail, clear, props, onInput, Error, reset: () => setErrors({}) };
}
