// Static syntax highlighting for code blocks: the Lezer Python parser and CSS classes (tok-*),
// so that no inline styles are needed under the Content-Security-Policy.
import { highlightCode, classHighlighter } from '@lezer/highlight';
import { pythonLanguage } from '@codemirror/lang-python';
import type { JSX } from 'preact';

export function HighlightedCode({ code, language }: { code: string; language: string }) {
  const parts: JSX.Element[] = [];
  const python = language === '' || language === 'python' || language === 'py';
  if (!python) {
    return <pre class="code" data-lang={language}><code>{code}</code></pre>;
  }
  const tree = pythonLanguage.parser.parse(code);
  let key = 0;
  highlightCode(
    code,
    tree,
    classHighlighter,
    (text, classes) => parts.push(classes ? <span key={key++} class={classes}>{text}</span> : <span key={key++}>{text}</span>),
    () => parts.push(<br key={key++} />),
  );
  return <pre class="code" data-lang="python"><code>{parts}</code></pre>;
}
