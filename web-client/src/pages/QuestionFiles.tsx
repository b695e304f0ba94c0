// The bank page's "Export your questions" and "Import questions…": the organisation's own questions
// out as a file (JSON to import again, Markdown to read), and a file of questions in — chosen or
// pasted, previewed (a dry run: what each question would do, refusals first with their reasons),
// then imported all at once. The dialog follows DeleteSession.tsx: a modal <dialog>, focus moved
// into it and back to its button, Escape closes it, labelled by its heading.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, IMPORT_MAX_BYTES, type ImportOutcome, type ImportReport } from '../api';
import { focusElement } from '../a11y';
import { Prompt } from '../markdown';

/** A disclosure with the two downloads; Escape closes it and gives focus back to its summary. */
export function ExportQuestions() {
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => { if (details.current) details.current.open = false; };
  return (
    <details class="export-menu" ref={details} onKeyDown={e => {
      if (e.key !== 'Escape' || !details.current?.open) return;
      e.stopPropagation(); // not the bank's Escape (it would close an open question too)
      close();
      details.current.querySelector('summary')?.focus();
    }}>
      <summary class="button">Export your questions</summary>
      <div class="menu">
        <a href="/api/questions/export?format=json" download onClick={close}>JSON <span class="hint">to import into Mockroom</span></a>
        <a href="/api/questions/export?format=md" download onClick={close}>Markdown <span class="hint">to read or review</span></a>
      </div>
    </details>
  );
}

const OUTCOME: Record<ImportOutcome['outcome'], string> = {
  refused: 'Refused', created: 'New', updated: 'Updates yours', unchanged: 'Unchanged',
};
const ORDER: ImportOutcome['outcome'][] = ['refused', 'created', 'updated', 'unchanged'];
const FIELD: Record<string, string> = { prompt: 'prompt', topic: 'topic', difficulty: 'difficulty', keyPoints: 'key points', answer: 'reference answer' };

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** "7 questions: 2 new, 1 to update, 3 unchanged, 1 refused." */
function summary(r: ImportReport): string {
  const c = r.counts;
  const parts = [c.created && `${c.created} new`, c.updated && `${c.updated} to update`, c.unchanged && `${c.unchanged} unchanged`,
    c.refused && `${c.refused} refused`].filter(Boolean);
  return `${plural(r.questions.length, 'question')}: ${parts.join(', ')}.`;
}

/**
 * "Import questions…" and its dialog. {@code onImported} runs after an import that wrote the
 * questions (the dialog has closed; focus is back on the button).
 */
export function ImportQuestions({ onImported }: { onImported: (report: ImportReport) => void }) {
  const [open, setOpen] = useState(false);
  const [pasted, setPasted] = useState('');
  /** The text previewed, and where it came from (a file's name, or null when pasted). */
  const [file, setFile] = useState<{ text: string; name: string | null } | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const chooser = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLHeadingElement>(null);
  const errorEl = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) {
      d.showModal();
      chooser.current?.focus(); // the first thing to do
    }
  }, [open]);
  // What the server said goes where the person's attention is: the preview's summary, or the error.
  useEffect(() => { if (preview) focusElement(result.current); }, [preview]);
  useEffect(() => { if (error) focusElement(errorEl.current); }, [error]);

  // Cancel, Escape, or done: back to the button, with nothing kept for next time.
  const closed = () => {
    setOpen(false);
    setPasted(''); setFile(null); setPreview(null); setError(null); setBusy(null);
    opener.current?.focus();
  };

  const check = (text: string, name: string | null) => {
    setError(null);
    setPreview(null);
    if (new Blob([text]).size > IMPORT_MAX_BYTES) {
      setError(`${name ?? 'The pasted text'} is larger than 2 MiB, the most one import takes. Split it into smaller files.`);
      return;
    }
    setFile({ text, name });
    setBusy('preview');
    api.importQuestions(text, true)
      .then(setPreview)
      .catch(e => setError(e instanceof ApiError ? e.message : 'Could not read the file.'))
      .finally(() => setBusy(null));
  };

  const choose = (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = ''; // choosing the same file again (after correcting it) is a change too
    if (!chosen) return;
    if (chosen.size > IMPORT_MAX_BYTES) {
      setPreview(null);
      setError(`${chosen.name} is ${(chosen.size / 1024 / 1024).toFixed(1)} MiB; one import takes at most 2 MiB. Split it into smaller files.`);
      return;
    }
    chosen.text().then(text => check(text, chosen.name), () => setError(`Could not read ${chosen.name}.`));
  };

  const run = () => {
    if (!file || busy) return;
    setBusy('import');
    setError(null);
    api.importQuestions(file.text, false)
      .then(report => { dialog.current?.close(); onImported(report); })
      .catch(e => { setBusy(null); setError(e instanceof ApiError ? e.message : 'Could not import the questions.'); });
  };

  const writes = preview ? preview.counts.created + preview.counts.updated : 0;
  const sorted = preview ? [...preview.questions].sort((a, b) => ORDER.indexOf(a.outcome) - ORDER.indexOf(b.outcome) || a.index - b.index) : [];

  return (
    <>
      <button type="button" ref={opener} onClick={() => setOpen(true)}>Import questions…</button>
      {open && (
        <dialog ref={dialog} class="confirm-dialog import-dialog" aria-modal="true" aria-labelledby="import-title"
          aria-describedby="import-text" onClose={closed} onCancel={e => { if (busy === 'import') e.preventDefault(); }}>
          <h2 id="import-title">Import questions</h2>
          <p id="import-text">
            A JSON file exported from Mockroom, or Markdown in the format of the Markdown export. A question whose prompt
            is one of your organisation's updates it; the others are added as your organisation's own. Nothing is written
            until you confirm, and nothing at all if a question is refused.
          </p>
          <label>File to import
            <input type="file" ref={chooser} accept=".json,.md,.markdown,.txt,application/json,text/markdown,text/plain"
              disabled={busy !== null} onChange={e => choose(e.currentTarget)} />
          </label>
          <details class="paste">
            <summary>Or paste the file's text</summary>
            <label>The file's text
              <textarea rows={6} class="code-input" value={pasted} disabled={busy !== null}
                onInput={e => { setPasted(e.currentTarget.value); if (file?.name === null) { setPreview(null); setFile(null); } }} />
            </label>
            <p class="actions"><button type="button" disabled={!pasted.trim() || busy !== null} onClick={() => check(pasted, null)}>Preview the pasted text</button></p>
          </details>
          {busy === 'preview' && <p class="muted" role="status">Reading the file…</p>}
          {error && <p class="error" role="alert" ref={errorEl}>{error}</p>}
          {preview && file && (
            <section class="import-preview" aria-labelledby="import-result">
              <h3 id="import-result" ref={result}>{file.name ?? 'The pasted text'} — {summary(preview)}</h3>
              {preview.counts.refused > 0
                ? <p class="error">Nothing can be imported until the refused {preview.counts.refused === 1 ? 'question is' : 'questions are'} corrected in the file. Then choose it again.</p>
                : writes === 0 && <p class="muted">Nothing to import: every question is in your bank as the file has it.</p>}
              <ol class="import-list" tabIndex={0} aria-label="Questions of the file">
                {sorted.map(q => (
                  <li key={q.index} class={q.outcome}>
                    <span class="outcome">{OUTCOME[q.outcome]}</span>
                    <span class="where">question {q.index}, line {q.line}</span>
                    {q.prompt && <span class="prompt"><Prompt text={q.prompt} /></span>}
                    {q.reason && <span class="reason">{q.reason}</span>}
                    {q.changed.length > 0 && <span class="changed">Changes its {q.changed.map(f => FIELD[f] ?? f).join(', ')}.</span>}
                  </li>
                ))}
              </ol>
            </section>
          )}
          <p class="actions">
            <button type="button" onClick={() => dialog.current?.close()} disabled={busy === 'import'}>Cancel</button>
            {preview && preview.counts.refused === 0 && writes > 0 && (
              <button type="button" class="primary" onClick={run} aria-disabled={busy ? 'true' : undefined}>
                {busy === 'import' ? 'Importing…' : `Import ${plural(writes, 'question')}`}
              </button>
            )}
          </p>
        </dialog>
      )}
    </>
  );
}
