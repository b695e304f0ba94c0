// A small, safe Markdown renderer for bank answers: paragraphs, headings, bullet and numbered
// lists, block quotes, simple GFM tables, ``` and ~~~ fences, indented code, rules; inline
// `code`, **bold**, *italic* (also with _), \-escapes and http(s) links. It builds elements, never
// HTML strings, so text from the bank or from people is always shown as text; a link's target is
// only ever an http(s) URL.
import type { ComponentChildren } from 'preact';
import { HighlightedCode } from './highlight';

type Align = 'left' | 'center' | 'right' | null;
type Block =
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][] }
  | { kind: 'quote'; children: Block[] }
  | { kind: 'table'; align: Align[]; head: string[]; rows: string[][] }
  | { kind: 'rule' }
  | { kind: 'para'; text: string };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
/** A list item's first line: indent, marker, the spaces after it (none when the item starts empty). */
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])( {1,4}|$)/;
const QUOTE = /^ {0,3}> ?/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const INDENTED = /^(?: {4}|\t)/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** The cells of a table row: split at pipes that are not escaped (\|), without the outer ones. */
function cells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') { cell += '|'; i++; } else if (s[i] === '|') { out.push(cell.trim()); cell = ''; } else cell += s[i];
  }
  out.push(cell.trim());
  return out;
}

const isTableStart = (lines: string[], i: number) =>
  lines[i].includes('|') && i + 1 < lines.length && TABLE_DELIMITER.test(lines[i + 1]) && lines[i + 1].includes('-')
  && cells(lines[i]).length === cells(lines[i + 1]).length;

const indentOf = (line: string) => line.length - line.trimStart().length;
const ordered = (marker: string) => /\d/.test(marker);

/**
 * Whether the line starts a block that ends a paragraph. As in CommonMark, a list does when its
 * first item has text and, for a numbered one, starts at 1 ("Points:" then "- a" is a list, while
 * a sentence wrapped before "2024. was a year" is not).
 */
function interrupts(lines: string[], i: number) {
  const line = lines[i];
  if (FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || RULE.test(line) || isTableStart(lines, i)) return true;
  const item = line.match(ITEM);
  return !!item && line.trim().length > item[0].trim().length && (!ordered(item[2]) || parseInt(item[2], 10) === 1);
}

/**
 * The list that starts at line {@code i}, and the line after it. An item holds every following
 * line indented to its text (dedented and read as blocks of their own, so an indented "- x" is a
 * list inside the item), blank lines followed by such a line, and lazy lines that carry on its
 * paragraph. The list goes on through items of the same kind (bullets, or numbers with the same
 * delimiter), also across blank lines, which make it loose: its items' paragraphs are <p>s.
 */
function list(lines: string[], i: number): { block: Block; next: number } {
  const first = lines[i].match(ITEM)!;
  const kind = (m: RegExpMatchArray) => (ordered(m[2]) ? m[2].slice(-1) : 'bullet');
  const sameKind = (line: string) => {
    const m = line.match(ITEM);
    return !!m && kind(m) === kind(first) && !RULE.test(line);
  };
  const items: Block[][] = [];
  let tight = true;
  while (i < lines.length && sameKind(lines[i])) {
    const m = lines[i].match(ITEM)!;
    const textIndent = m[1].length + m[2].length + Math.max(1, m[3].length);
    const body = [lines[i].slice(m[0].length)];
    i++;
    while (i < lines.length) {
      const line = lines[i];
      if (!line.trim()) {
        let j = i;
        while (j < lines.length && !lines[j].trim()) j++;
        if (j < lines.length && indentOf(lines[j]) >= textIndent) {
          while (i < j) { body.push(''); i++; }
          tight = false;
          continue;
        }
        break;
      }
      if (indentOf(line) >= textIndent) { body.push(line.slice(textIndent)); i++; continue; }
      // A lazy line: it carries on the item's paragraph unless it starts something of its own.
      if (body[body.length - 1].trim() && !ITEM.test(line) && !interrupts(lines, i) && !INDENTED.test(body[body.length - 1])) {
        body.push(line.trim());
        i++;
        continue;
      }
      break;
    }
    items.push(blocks(body.join('\n')));
    let j = i;
    while (j < lines.length && !lines[j].trim()) j++;
    if (j === i) continue;
    if (j < lines.length && sameKind(lines[j])) { tight = false; i = j; continue; }
    break;
  }
  const start = ordered(first[2]) ? parseInt(first[2], 10) : 1;
  return { block: { kind: 'list', ordered: ordered(first[2]), start, tight, items }, next: i };
}

function blocks(md: string): Block[] {
  const out: Block[] = [];
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = line.match(FENCE);
    if (fence) {
      // Closed by a run of the same character at least as long (CommonMark); the opening indent is removed from the body.
      const indent = line.length - line.trimStart().length;
      const close = new RegExp(`^ {0,3}${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}\\s*$`);
      const body: string[] = [];
      i++;
      while (i < lines.length && !close.test(lines[i])) body.push(lines[i++].replace(new RegExp(`^ {0,${indent}}`), ''));
      i++;
      out.push({ kind: 'code', lang: fence[2].toLowerCase(), text: body.join('\n') });
      continue;
    }
    if (!line.trim()) { i++; continue; }
    if (INDENTED.test(line)) {
      const body: string[] = [];
      while (i < lines.length && (INDENTED.test(lines[i]) || !lines[i].trim())) body.push(lines[i++].replace(INDENTED, ''));
      while (body.length && !body[body.length - 1].trim()) body.pop();
      out.push({ kind: 'code', lang: '', text: body.join('\n') });
      continue;
    }
    if (RULE.test(line)) { out.push({ kind: 'rule' }); i++; continue; }
    const heading = line.match(HEADING);
    if (heading) { out.push({ kind: 'heading', level: heading[1].length, text: heading[2] ?? '' }); i++; continue; }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && lines[i].trim() && (QUOTE.test(lines[i]) || !interrupts(lines, i))) body.push(lines[i++].replace(QUOTE, ''));
      out.push({ kind: 'quote', children: blocks(body.join('\n')) });
      continue;
    }
    if (isTableStart(lines, i)) {
      const head = cells(line);
      const align: Align[] = cells(lines[i + 1]).map(c =>
        c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : c.startsWith(':') ? 'left' : null);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i].trim() && lines[i].includes('|') && !interrupts(lines, i)) {
        const row = cells(lines[i++]);
        rows.push(head.map((_, c) => row[c] ?? ''));
      }
      out.push({ kind: 'table', align, head, rows });
      continue;
    }
    if (ITEM.test(line)) {
      const { block, next } = list(lines, i);
      out.push(block);
      i = next;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() && (para.length === 0 || !interrupts(lines, i))) para.push(lines[i++].trim());
    out.push({ kind: 'para', text: para.join(' ') });
  }
  return out;
}

/** A question's prompt as plain words, for a screen reader to say ("New question, 2 of 3: …"). */
export function promptText(text: string): string {
  return text.replace(/`([^`]+)`/g, '$1');
}

/**
 * A question's prompt: its `code` spans as code, everything else as text. Not {@link Inline}:
 * prompts like "What are *args and **kwargs?" are not emphasis.
 */
export function Prompt({ text }: { text: string }) {
  const parts: ComponentChildren[] = [];
  const re = /`([^`]+)`/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(<code key={m.index}>{m[1]}</code>);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

// Inline parsing, after CommonMark: code spans and links are found first (nothing inside a code
// span is Markdown), then runs of * and _ are paired into emphasis around and between them.
type Node =
  | string
  | { t: 'code'; text: string }
  | { t: 'link'; href: string; kids: Node[] }
  | { t: 'em' | 'strong' | 'span'; kids: Node[] };
type Delim = { d: true; ch: '*' | '_'; n: number; open: boolean; close: boolean };
type Item = Node | Delim;

const PUNCTUATION = /[!-\/:-@[-`{-~\p{P}\p{S}]/u;
const SPACE = /\s/;
const isDelim = (x: Item): x is Delim => typeof x === 'object' && 'd' in x;
const SAFE_URL = /^https?:\/\/[^\s<>"]+$/i;

/** Where the bracket opened at {@code start} closes, skipping code spans and nested brackets; -1 if it does not. */
function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') { i++; continue; }
    if (c === '`') {
      const run = text.slice(i).match(/^`+/)![0];
      const end = text.indexOf(run, i + run.length);
      if (end > 0) { i = end + run.length - 1; continue; }
      i += run.length - 1;
      continue;
    }
    if (c === '[') depth++;
    if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function tokens(text: string): Item[] {
  const items: Item[] = [];
  let plain = '';
  const flush = () => { if (plain) { items.push(plain); plain = ''; } };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]) && text.charCodeAt(i + 1) < 128) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = text.slice(i).match(/^`+/)![0];
      // The span closes at the next run of exactly as many backticks.
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      close.lastIndex = i + run.length;
      const m = close.exec(text);
      if (m) {
        flush();
        let code = text.slice(i + run.length, m.index);
        if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
        items.push({ t: 'code', text: code });
        i = m.index + run.length;
      } else {
        plain += run;
        i += run.length;
      }
      continue;
    }
    if (c === '[') {
      const end = closingBracket(text, i);
      const target = end > 0 ? text.slice(end + 1).match(/^\(\s*((?:[^\s()]|\([^\s()]*\))+)(?:\s+"[^"]*")?\s*\)/) : null;
      if (target) {
        flush();
        const label = parseInline(text.slice(i + 1, end));
        // Only http(s) targets become links; any other (javascript:, data:, #anchors) shows its label as text.
        items.push(SAFE_URL.test(target[1]) ? { t: 'link', href: target[1], kids: label } : { t: 'span', kids: label });
        i = end + 1 + target[0].length;
        continue;
      }
    }
    const autolink = c === '<' ? text.slice(i).match(/^<(https?:\/\/[^\s<>"]+)>/i) : null;
    if (autolink) {
      flush();
      items.push({ t: 'link', href: autolink[1], kids: [autolink[1]] });
      i += autolink[0].length;
      continue;
    }
    if (c === '*' || c === '_') {
      const run = text.slice(i).match(c === '*' ? /^\*+/ : /^_+/)![0];
      const before = i > 0 ? text[i - 1] : ' ';
      const after = i + run.length < text.length ? text[i + run.length] : ' ';
      const left = !SPACE.test(after) && (!PUNCTUATION.test(after) || SPACE.test(before) || PUNCTUATION.test(before));
      const right = !SPACE.test(before) && (!PUNCTUATION.test(before) || SPACE.test(after) || PUNCTUATION.test(after));
      flush();
      items.push({
        d: true, ch: c as Delim['ch'], n: run.length,
        open: c === '*' ? left : left && (!right || PUNCTUATION.test(before)),
        close: c === '*' ? right : right && (!left || PUNCTUATION.test(after)),
      });
      i += run.length;
      continue;
    }
    plain += c;
    i++;
  }
  flush();
  return items;
}

/** Pairs delimiter runs into emphasis (CommonMark's "process emphasis", with its rule of 3). */
function parseInline(text: string): Node[] {
  const items = tokens(text);
  const literal = (x: Item): Node => (isDelim(x) ? x.ch.repeat(x.n) : x);
  let c = 0;
  while (c < items.length) {
    const closer = items[c];
    if (!isDelim(closer) || !closer.close || closer.n === 0) { c++; continue; }
    let o = c - 1;
    for (; o >= 0; o--) {
      const op = items[o];
      if (!isDelim(op) || op.ch !== closer.ch || !op.open || op.n === 0) continue;
      if ((op.close || closer.open) && (op.n + closer.n) % 3 === 0 && !(op.n % 3 === 0 && closer.n % 3 === 0)) continue;
      break;
    }
    if (o < 0) { c++; continue; }
    const opener = items[o] as Delim;
    const use = opener.n >= 2 && closer.n >= 2 ? 2 : 1;
    opener.n -= use;
    closer.n -= use;
    const kids = items.slice(o + 1, c).map(literal);
    items.splice(o + 1, c - o - 1, { t: use === 2 ? 'strong' : 'em', kids });
    c = o + 2; // the closer again: what is left of it may close an earlier opener
  }
  return items.map(literal).filter(x => x !== '');
}

function render(nodes: Node[]): ComponentChildren[] {
  return nodes.map((n, key) => {
    if (typeof n === 'string') return n;
    switch (n.t) {
      case 'code': return <code key={key}>{n.text}</code>;
      case 'link': return <a key={key} href={n.href} rel="noopener noreferrer nofollow" target="_blank">{render(n.kids)}</a>;
      case 'strong': return <strong key={key}>{render(n.kids)}</strong>;
      case 'em': return <em key={key}>{render(n.kids)}</em>;
      default: return <span key={key}>{render(n.kids)}</span>;
    }
  });
}

/** Inline Markdown: `code`, **bold**, *italic*, http(s) links; everything else is text. */
export function Inline({ text }: { text: string }) {
  return <>{render(parseInline(text))}</>;
}

const alignClass = (a: Align) => (a ? `align-${a}` : undefined);

/** Blocks in order; {@code tight}: the items of a tight list, whose paragraphs are bare text. */
function Blocks({ list, tight = false }: { list: Block[]; tight?: boolean }) {
  return (
    <>
      {list.map((b, i) => {
        switch (b.kind) {
          case 'code': return <HighlightedCode key={i} code={b.text} language={b.lang} />;
          case 'heading': return <h4 key={i}><Inline text={b.text} /></h4>;
          case 'list': {
            const items = b.items.map((item, j) => <li key={j}><Blocks list={item} tight={b.tight} /></li>);
            return b.ordered ? <ol key={i} start={b.start === 1 ? undefined : b.start}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'quote': return <blockquote key={i}><Blocks list={b.children} /></blockquote>;
          case 'rule': return <hr key={i} />;
          case 'table': return (
            <div class="table-scroll" key={i}>
              <table>
                <thead><tr>{b.head.map((h, j) => <th class={alignClass(b.align[j])}><Inline text={h} /></th>)}</tr></thead>
                <tbody>{b.rows.map(r => <tr>{r.map((d, j) => <td class={alignClass(b.align[j])}><Inline text={d} /></td>)}</tr>)}</tbody>
              </table>
            </div>
          );
          default: return tight ? <Inline key={i} text={b.text} /> : <p key={i}><Inline text={b.text} /></p>;
        }
      })}
    </>
  );
}

export function Markdown({ source }: { source: string }) {
  return <div class="markdown"><Blocks list={blocks(source)} /></div>;
}
