// A small, safe Markdown renderer for bank answers: paragraphs, headings, bullet and numbered
// lists, **bold**, *italic*, `code` and fenced code blocks. It builds elements, never HTML
// strings, so text from the bank or from people is always shown as text.
import type { ComponentChildren } from 'preact';
import { HighlightedCode } from './highlight';

type Block =
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'para'; text: string };

function blocks(md: string): Block[] {
  const out: Block[] = [];
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = line.match(/^\s*```([\w+#.-]*)\s*$/);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```\s*$/.test(lines[i])) body.push(lines[i++]);
      i++;
      out.push({ kind: 'code', lang: fence[1].toLowerCase(), text: body.join('\n') });
      continue;
    }
    if (!line.trim()) { i++; continue; }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) { out.push({ kind: 'heading', level: heading[1].length, text: heading[2] }); i++; continue; }
    const bullet = /^\s*[-*+]\s+/;
    const numbered = /^\s*\d+[.)]\s+/;
    if (bullet.test(line) || numbered.test(line)) {
      const ordered = numbered.test(line);
      const re = ordered ? numbered : bullet;
      const items: string[] = [];
      while (i < lines.length && lines[i].trim()) {
        if (re.test(lines[i])) items.push(lines[i].replace(re, ''));
        else if (items.length) items[items.length - 1] += ' ' + lines[i].trim();
        i++;
      }
      out.push({ kind: 'list', ordered, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() && !/^\s*```/.test(lines[i]) && !/^#{1,6}\s/.test(lines[i])) para.push(lines[i++].trim());
    out.push({ kind: 'para', text: para.join(' ') });
  }
  return out;
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

/** Inline Markdown: `code`, **bold**, *italic*; everything else is text. */
export function Inline({ text }: { text: string }) {
  const parts: ComponentChildren[] = [];
  const re = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let key = 0;
  while ((m = re.exec(text))) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const t = m[0];
    if (t.startsWith('`')) parts.push(<code key={key++}>{t.slice(1, -1)}</code>);
    else if (t.startsWith('**')) parts.push(<strong key={key++}>{t.slice(2, -2)}</strong>);
    else parts.push(<em key={key++}>{t.slice(1, -1)}</em>);
    last = m.index + t.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

export function Markdown({ source }: { source: string }) {
  return (
    <div class="markdown">
      {blocks(source).map((b, i) => {
        switch (b.kind) {
          case 'code': return <HighlightedCode key={i} code={b.text} language={b.lang} />;
          case 'heading': return <h4 key={i}><Inline text={b.text} /></h4>;
          case 'list': return b.ordered
            ? <ol key={i}>{b.items.map((t, j) => <li key={j}><Inline text={t} /></li>)}</ol>
            : <ul key={i}>{b.items.map((t, j) => <li key={j}><Inline text={t} /></li>)}</ul>;
          default: return <p key={i}><Inline text={b.text} /></p>;
        }
      })}
    </div>
  );
}
