// Writing a question for the organisation's bank, or editing one of its own. A copy of an imported
// question starts from that question's text and is saved as a new one (imported ones are read-only).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Difficulty, type QuestionDetail, type QuestionDraft, type QuestionSummary } from '../api';
import { Markdown, Prompt } from '../markdown';
import { guardLeaving } from '../router';
import { focusElement, useFieldErrors } from '../a11y';

export type EditorMode = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'copy'; id: string };

const EMPTY: QuestionDraft = { prompt: '', answer: '', topic: '', difficulty: 'intermediate', keyPoints: [] };

function draftOf(q: QuestionDetail): QuestionDraft {
  return { prompt: q.prompt, answer: q.answer, topic: q.topic, difficulty: q.difficulty, keyPoints: q.keyPoints };
}

export function QuestionEditor({ mode, topics, onSaved, onCancel }: {
  mode: EditorMode;
  topics: string[];
  onSaved: (q: QuestionDetail) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<QuestionDraft | null>(mode.kind === 'new' ? EMPTY : null);
  const [keyPoints, setKeyPoints] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);
  // What the form held when it was loaded: anything else is a change that leaving would lose.
  const [loaded, setLoaded] = useState(mode.kind === 'new' ? JSON.stringify([EMPTY, '']) : '');
  const fields = useFieldErrors('question');
  const heading = useRef<HTMLHeadingElement>(null);
  const current = draft ? JSON.stringify([draft, keyPoints]) : '';
  const dirty = draft !== null && current !== loaded;

  // With changes, leaving the editor (another question, a link, a reload, closing the tab) asks
  // first; moving about while it stays open (the bank's filters) does not.
  useEffect(() => {
    if (!dirty) return;
    const param = mode.kind === 'copy' ? 'copy' : 'edit';
    const value = mode.kind === 'edit' || mode.kind === 'copy' ? mode.id : 'new';
    guardLeaving(url => new URL(url, location.href).searchParams.get(param) === value
      || window.confirm('Leave without saving your changes to this question?'));
    const unload = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = ''; };
    window.addEventListener('beforeunload', unload);
    return () => { guardLeaving(null); window.removeEventListener('beforeunload', unload); };
  }, [dirty, mode.kind, mode.kind === 'new' ? '' : mode.id]);

  // A new question starts empty from the first render: not emptied again once drawn (what was
  // typed in the meantime, as quick as a test types, would be lost), only when the editor moves
  // from another question to a new one.
  const opened = useRef(false);
  useEffect(() => {
    const first = !opened.current;
    opened.current = true;
    setError(null);
    if (mode.kind === 'new') { if (first) return; setDraft(EMPTY); setKeyPoints(''); setLoaded(JSON.stringify([EMPTY, ''])); return; }
    setDraft(null);
    api.question(mode.id)
      .then(q => { setDraft(draftOf(q)); setKeyPoints(q.keyPoints.join('\n')); setLoaded(JSON.stringify([draftOf(q), q.keyPoints.join('\n')])); })
      .catch(e => setError(e instanceof ApiError ? e.message : 'Could not load the question.'));
  }, [mode.kind, mode.kind === 'new' ? '' : mode.id]);

  // Opening the editor (New question, Edit, Copy) moves focus to its heading, as a new page would;
  // then Tab reaches Close and the fields. Not when focus is in the editor already.
  useEffect(() => {
    if (!heading.current?.closest('.question-editor')?.contains(document.activeElement)) focusElement(heading.current);
  }, [mode.kind, mode.kind === 'new' ? '' : mode.id]);

  // Escape closes the editor as Cancel does, asking first when there are changes (not while typing
  // in a field: there Escape is the field's).
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target as HTMLElement).closest('input, textarea, select')) onCancel();
    };
    document.addEventListener('keydown', key);
    return () => document.removeEventListener('keydown', key);
  }, [onCancel]);

  const similar = useSimilar(mode.kind === 'edit' ? null : draft?.prompt ?? '', mode.kind === 'copy' ? mode.id : null);

  const title = mode.kind === 'edit' ? 'Edit question' : mode.kind === 'copy' ? 'New question from a copy' : 'New question';
  const set = (field: keyof QuestionDraft) => (e: Event) =>
    setDraft(d => d && { ...d, [field]: (e.target as HTMLInputElement).value });

  const save = (e: Event) => {
    e.preventDefault();
    if (!draft || busy) return;
    const form = e.currentTarget as HTMLFormElement;
    setError(null);
    if (!fields.check(form)) return;
    const body = { ...draft, keyPoints: keyPoints.split('\n').map(k => k.trim()).filter(k => k) };
    setBusy(true);
    setError(null);
    (mode.kind === 'edit' ? api.updateQuestion(mode.id, body) : api.createQuestion(body))
      .then(q => { setLoaded(current); guardLeaving(null); onSaved(q); })
      .catch(err => {
        const message = err instanceof ApiError ? err.message : 'Could not save the question.';
        setError(message);
        const field = /key point/i.test(message) ? 'keyPoints' : /reference answer/i.test(message) ? 'answer'
          : /topic/i.test(message) ? 'topic' : /\bthe question\b/i.test(message) ? 'prompt' : null;
        if (field) fields.fail(form, field, message);
      })
      .finally(() => setBusy(false));
  };

  return (
    <section class="panel detail question-editor" aria-label={title}>
      <h2 class="detail-prompt" ref={heading}>{title}</h2>
      <button type="button" class="close" onClick={() => { guardLeaving(null); onCancel(); }} aria-label="Close without saving">×</button>
      {mode.kind === 'copy' && <p class="muted">Imported questions follow their source documents. This copy becomes your organisation's own, to change as you like.</p>}
      {!draft && !error && <p class="muted">Loading…</p>}
      {draft && (
        <form onSubmit={save} noValidate onInput={fields.onInput}>
          <label>Question<textarea name="prompt" rows={3} required maxLength={10000} value={draft.prompt} onInput={set('prompt')} {...fields.props('prompt')} /></label>
          <fields.Error name="prompt" />
          {similar.length > 0 && (
            <div class="similar" role="note">Already in the bank — perhaps one of these?
              <ul>{similar.map(q => <li key={q.id}><a href={`/bank?id=${q.id}`} target="_blank" rel="noopener"><Prompt text={q.prompt} /></a></li>)}</ul>
            </div>
          )}
          <div class="grid2">
            <div><label>Topic<input name="topic" required maxLength={80} list="bank-topics" value={draft.topic} onInput={set('topic')} {...fields.props('topic')} /></label>
              <fields.Error name="topic" /></div>
            <label>Difficulty
              <select name="difficulty" value={draft.difficulty} onChange={e => setDraft({ ...draft, difficulty: (e.target as HTMLSelectElement).value as Difficulty })}>
                <option value="beginner">Beginner</option>
                <option value="intermediate">Intermediate</option>
                <option value="advanced">Advanced</option>
              </select>
            </label>
          </div>
          <datalist id="bank-topics">{topics.map(t => <option value={t} />)}</datalist>
          <label>Key points to tick while scoring, one per line
            <textarea name="keyPoints" rows={4} value={keyPoints} onInput={e => setKeyPoints((e.target as HTMLTextAreaElement).value)} {...fields.props('keyPoints')} /></label>
          <fields.Error name="keyPoints" />
          <label>Reference answer (Markdown; fence code with its language, e.g. ```python)
            <textarea name="answer" rows={10} class="code-input" maxLength={100000} value={draft.answer} onInput={set('answer')} {...fields.props('answer')} /></label>
          <fields.Error name="answer" />
          <p><button type="button" class="link" onClick={() => setPreview(!preview)} aria-expanded={preview}>{preview ? 'Hide the preview' : 'Preview the answer'}</button></p>
          {preview && <div class="answer-preview"><Markdown source={draft.answer} /></div>}
          {error && <p class="error" role="alert">{error}</p>}
          <p class="actions">
            <button class="primary" type="submit" aria-disabled={busy ? 'true' : undefined}>{busy ? 'Saving…' : mode.kind === 'edit' ? 'Save changes' : 'Add to the bank'}</button>
            <button type="button" onClick={() => { guardLeaving(null); onCancel(); }}>Cancel</button>
          </p>
        </form>
      )}
      {!draft && error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}

/**
 * Bank questions like the prompt being written (a search by its words, a moment after typing
 * stops), so nobody writes again what the bank has; a copy's original is not among them.
 */
function useSimilar(prompt: string | null, copiedFrom: string | null): QuestionSummary[] {
  const [found, setFound] = useState<QuestionSummary[]>([]);
  const words = (prompt ?? '').trim();
  useEffect(() => {
    setFound([]); // what was found for the words before is not shown for these
    if (words.length < 12) return;
    let live = true;
    const t = window.setTimeout(() => {
      api.questions(new URLSearchParams({ q: words.slice(0, 200), pageSize: '3' }))
        .then(p => { if (live) setFound(p.items.filter(q => q.id !== copiedFrom)); })
        .catch(() => { if (live) setFound([]); });
    }, 400);
    return () => { live = false; window.clearTimeout(t); };
  }, [words, copiedFrom]);
  return found;
}
