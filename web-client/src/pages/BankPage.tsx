// The question bank browser: search, filters, paging and one question's detail, all in the URL.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Page, type QuestionDetail, type QuestionSummary } from '../api';
import { navigate } from '../router';
import { Inline, Markdown, Prompt } from '../markdown';
import { useAccount } from '../session';
import { QuestionEditor, type EditorMode } from './QuestionEditor';
import { ExportQuestions, ImportQuestions } from './QuestionFiles';
import { PastTheEnd } from '../pager';
import { announce, focusElement, useTitle } from '../a11y';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'topic', 'difficulty', 'source', 'origin', 'notAskedTo', 'sort', 'page'] as const;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** The Source filter's choice for the organisation's own questions (origin=author). */
const OWN = 'origin:author';

function withParam(query: URLSearchParams, name: string, value: string | null, resetPage = true) {
  const next = new URLSearchParams(query);
  if (value) next.set(name, value); else next.delete(name);
  if (resetPage && name !== 'page') next.delete('page');
  if (name !== 'id' && resetPage) next.delete('id');
  if (name !== 'edit' && name !== 'copy') { next.delete('edit'); next.delete('copy'); }
  const s = next.toString();
  return '/bank' + (s ? '?' + s : '');
}

/** The bank with the question editor open: a new question, or one to edit or copy. */
function withEditor(query: URLSearchParams, kind: 'edit' | 'copy', value: string) {
  const next = new URLSearchParams(query);
  next.delete('id'); next.delete('edit'); next.delete('copy');
  next.set(kind, value);
  return '/bank?' + next.toString();
}

function editorMode(query: URLSearchParams): EditorMode | null {
  const edit = query.get('edit');
  const copy = query.get('copy');
  if (edit === 'new') return { kind: 'new' };
  if (edit) return { kind: 'edit', id: edit };
  if (copy) return { kind: 'copy', id: copy };
  return null;
}

export function BankPage({ query }: { query: URLSearchParams }) {
  const [topics, setTopics] = useState<{ topic: string; count: number }[]>([]);
  const [sources, setSources] = useState<{ file: string; count: number }[]>([]);
  const [page, setPage] = useState<Page<QuestionSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(query.get('q') ?? '');
  const [candidate, setCandidate] = useState(query.get('notAskedTo') ?? '');
  const debounce = useRef<number | undefined>(undefined);
  const [saved, setSaved] = useState(0); // bumped after a save or an import, to read the list and topics again
  const [imported, setImported] = useState<string | null>(null); // what the last import did, until dismissed
  const account = useAccount();
  const listKey = FILTERS.map(f => query.get(f) ?? '').join('|') + '|' + saved + '|' + (account?.id ?? '');
  const selected = query.get('id');
  const editor = account ? editorMode(query) : null;
  useTitle('Question bank');
  // Where focus goes once the list or a panel changed after an action (see the effects below).
  const focusDetail = useRef(false); // the question panel's heading, once its question is loaded
  const returnTo = useRef<string | null>(null); // a question's link in the list, or 'new' (the New question button), or 'heading'
  const pagerMoved = useRef(false);

  useEffect(() => {
    api.topics().then(t => setTopics(t.topics)).catch(() => setTopics([]));
  }, [saved, account?.id]);
  useEffect(() => {
    api.sources().then(s => setSources(s.sources)).catch(() => setSources([]));
  }, []);

  useEffect(() => {
    const params = new URLSearchParams();
    for (const f of FILTERS) { const v = query.get(f); if (v) params.set(f, v); }
    params.set('pageSize', String(PAGE_SIZE));
    setError(null);
    let live = true;
    api.questions(params)
      .then(p => { if (live) setPage(p); })
      .catch(e => { if (live) { setPage(null); setError(e instanceof ApiError ? e.message : 'Something went wrong.'); } });
    return () => { live = false; };
  }, [listKey]);

  // A panel that closed gives focus back to what opened it: the question's link in the list
  // (when still on this page), the New question button, or the page's heading.
  useEffect(() => {
    const target = returnTo.current;
    if (!target || selected || editor || !page) return;
    returnTo.current = null;
    const el = target === 'new' ? document.getElementById('new-question')
      : target === 'heading' ? null : document.querySelector(`.questions a[data-id="${target}"]`);
    focusElement(el ?? document.getElementById('bank-heading'));
  }, [selected, editor?.kind, page]);

  // Previous or Next went away under the keyboard (first or last page): focus the other one.
  useEffect(() => {
    if (!pagerMoved.current || !page) return;
    pagerMoved.current = false;
    // (Chromium lets go of a button that became disabled a moment after it was drawn.)
    const el = document.activeElement;
    if (el && el !== document.body && !el.matches(':disabled')) return;
    focusElement(document.querySelector('.bank .pager button:not([disabled])') ?? document.getElementById('bank-heading'));
  }, [page]);

  useEffect(() => { setText(query.get('q') ?? ''); }, [query.get('q')]);
  useEffect(() => { setCandidate(query.get('notAskedTo') ?? ''); }, [query.get('notAskedTo')]);

  const onSearch = (value: string) => {
    setText(value);
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => navigate(withParam(query, 'q', value.trim() || null), true), 250);
  };

  // Applied once it looks like an email address (not on every keystroke of one); cleared at once.
  const onCandidate = (value: string) => {
    setCandidate(value);
    const v = value.trim();
    if (!v || EMAIL.test(v)) navigate(withParam(query, 'notAskedTo', v || null), true);
  };

  const current = page ? page.page : 1;
  const from = page && page.total ? (current - 1) * PAGE_SIZE + 1 : 0;
  const to = page ? Math.min(page.total, current * PAGE_SIZE) : 0;
  const pages = page ? Math.ceil(page.total / PAGE_SIZE) : 0;

  return (
    <div class={'bank' + (selected || editor ? ' has-detail' : '')}>
      {/* Above the list and the panel, so it stays in view when a narrow screen shows the panel alone. */}
      <div class="row bank-head">
        <h1 id="bank-heading">Question bank</h1>
        {account && (
          <div class="bank-actions">
            <button type="button" id="new-question" onClick={() => navigate(withEditor(query, 'edit', 'new'))}>New question</button>
            <ImportQuestions onImported={r => {
              const c = r.counts;
              const said = `Imported ${c.created + c.updated === 1 ? 'one question' : `${c.created + c.updated} questions`}: ${c.created} added, ${c.updated} updated.`;
              setImported(said);
              announce(said);
              setSaved(n => n + 1);
              // The list shows what the organisation wrote, the imported questions among them.
              navigate('/bank?origin=author');
            }} />
            <ExportQuestions />
          </div>
        )}
      </div>
      {imported && (
        <p class="import-notice">{imported} They are listed under Source “Written in {account?.organisationName}”.{' '}
          <button type="button" class="link" onClick={() => setImported(null)}>Dismiss</button></p>
      )}
      <section class="panel list-panel" aria-label="Questions">
        {/* Each filter's label is shown above it and is its accessible name (a placeholder vanishes while typing). */}
        <form class="filters" role="search" onSubmit={e => { e.preventDefault(); navigate(withParam(query, 'q', text.trim() || null)); }}>
          <label class="filter search">Search
            <input type="search" name="q" placeholder="Questions and answers"
                   value={text} onInput={e => onSearch((e.target as HTMLInputElement).value)} />
          </label>
          <label class="filter">Topic
            <select value={query.get('topic') ?? ''} onChange={e => navigate(withParam(query, 'topic', (e.target as HTMLSelectElement).value || null))}>
              <option value="">All topics</option>
              {topics.map(t => <option value={t.topic}>{t.topic} ({t.count})</option>)}
            </select>
          </label>
          <label class="filter">Difficulty
            <select value={query.get('difficulty') ?? ''} onChange={e => navigate(withParam(query, 'difficulty', (e.target as HTMLSelectElement).value || null))}>
              <option value="">Any difficulty</option>
              <option value="beginner">Beginner</option>
              <option value="intermediate">Intermediate</option>
              <option value="advanced">Advanced</option>
            </select>
          </label>
          {query.get('sort') !== null || page?.items.some(i => i.asked !== null) ? (
            <label class="filter">Sort
              <select value={query.get('sort') ?? ''} onChange={e => navigate(withParam(query, 'sort', (e.target as HTMLSelectElement).value || null))}>
                <option value="">Most relevant</option>
                <option value="asked">Most asked</option>
                <option value="score">Highest average score</option>
              </select>
            </label>
          ) : null}
          <label class="filter">Source
            <select value={query.get('origin') === 'author' ? OWN : query.get('source') ?? ''} onChange={e => {
              const v = (e.target as HTMLSelectElement).value;
              const next = new URLSearchParams(query);
              next.delete(v === OWN ? 'source' : 'origin');
              navigate(v === OWN ? withParam(next, 'origin', 'author') : withParam(next, 'source', v || null));
            }}>
              <option value="">All sources</option>
              {account && <option value={OWN}>Written in {account.organisationName}</option>}
              {sources.map(s => <option value={s.file}>{s.file} ({s.count})</option>)}
            </select>
          </label>
          {account && (
            <label class="filter candidate">Not yet asked to
              <input type="email" name="notAskedTo" placeholder="Candidate's email"
                     value={candidate} onInput={e => onCandidate((e.target as HTMLInputElement).value)} />
            </label>
          )}
        </form>
        {error && <p class="error" role="alert">{error}</p>}
        {!page && !error && <p class="muted">Loading questions…</p>}
        {page && (
          <>
            {page.total > 0 && page.items.length === 0
              ? <PastTheEnd page={current} pages={pages} what={`${page.total} questions`} onLast={() => navigate(withParam(query, 'page', String(pages), false))} />
              : <p class="count" aria-live="polite">{page.total ? `Showing ${from}–${to} of ${page.total}` : 'No questions match these filters.'}</p>}
            <ul class="questions">
              {page.items.map(q => (
                <li key={q.id}>
                  <a class={'question' + (q.id === selected ? ' selected' : '')} href={withParam(query, 'id', q.id, false)} data-id={q.id}
                     aria-current={q.id === selected ? 'true' : undefined}
                     onClick={e => { e.preventDefault(); focusDetail.current = true; navigate(withParam(query, 'id', q.id, false)); }}>
                    <span class="prompt"><Prompt text={q.prompt} /></span>
                    <span class="meta">
                      <span class={`badge ${q.difficulty}`} title={q.difficultyInferred ? 'Difficulty inferred by the importer' : 'Difficulty from the source'}>
                        {q.difficulty}{q.difficultyInferred ? ' · inferred' : ''}
                      </span>
                      <span class="topic">{q.topic}</span>
                      {q.origin === 'author' && <span class="own">your organisation's</span>}
                      {q.sourceCount > 1 && <span class="sources">{q.sourceCount} sources</span>}
                      {q.asked !== null && q.asked > 0 && <span class="stats">asked {q.asked}×{q.averageRubric !== null ? ` · avg ${q.averageRubric.toFixed(1)}/4` : ''}</span>}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
            <nav class="pager" aria-label="Pages">
              <button type="button" disabled={current <= 1} onClick={() => { pagerMoved.current = true; navigate(withParam(query, 'page', String(current - 1), false)); }}>Previous</button>
              <button type="button" disabled={to >= page.total} onClick={() => { pagerMoved.current = true; navigate(withParam(query, 'page', String(current + 1), false)); }}>Next</button>
            </nav>
          </>
        )}
      </section>
      {editor && (
        <QuestionEditor mode={editor} topics={topics.map(t => t.topic)}
          onSaved={q => { setSaved(n => n + 1); focusDetail.current = true; announce('Saved to the bank.'); navigate(withParam(query, 'id', q.id, false)); }}
          onCancel={() => {
            if (editor.kind === 'new') { returnTo.current = 'new'; navigate(withParam(query, 'edit', null, false)); }
            else { focusDetail.current = true; navigate(withParam(query, 'id', editor.id, false)); }
          }} />
      )}
      {selected && !editor && (
        <QuestionPanel id={selected} version={saved} focus={focusDetail}
          onClose={() => { returnTo.current = selected; navigate(withParam(query, 'id', null, false)); }}
          onEdit={q => navigate(withEditor(query, q.origin === 'author' ? 'edit' : 'copy', q.id))} canEdit={!!account}
          onRemoved={() => { setSaved(n => n + 1); returnTo.current = 'heading'; announce('Removed from the bank.'); navigate(withParam(query, 'id', null, false)); }} />
      )}
    </div>
  );
}

/** {@code focus}: set when the user opened this question (a link, Save, Cancel); its heading gets focus once loaded. */
function QuestionPanel({ id, version, focus, onClose, onEdit, canEdit, onRemoved }: {
  id: string; version: number; focus: { current: boolean }; onClose: () => void; onEdit: (q: QuestionDetail) => void; canEdit: boolean; onRemoved: () => void;
}) {
  const [q, setQ] = useState<QuestionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus.current || (!q && !error)) return;
    focus.current = false;
    focusElement(q ? heading.current : document.querySelector('.detail .error'));
  }, [q, error]);
  useEffect(() => {
    setQ(null);
    setError(null);
    api.question(id).then(setQ).catch(e => setError(e instanceof ApiError ? e.message : 'Something went wrong.'));
  }, [id, version]);
  // Escape closes the question, as the × does (not while typing in a field: there it is the field's).
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === 'Escape' && !(t.closest('input, textarea, select'))) onClose();
    };
    document.addEventListener('keydown', key);
    return () => document.removeEventListener('keydown', key);
  }, [onClose]);
  return (
    <section class="panel detail" aria-label="Question">
      {error && <p class="error" role="alert">{error}</p>}
      {!q && !error && <p class="muted">Loading…</p>}
      {q && (
        <article>
          <h2 class="detail-prompt" ref={heading}><Prompt text={q.prompt} /></h2>
          {/* After the heading (it shows in the corner): focus lands on the heading, Tab reaches Close next. */}
          <button type="button" class="close" onClick={onClose} aria-label="Close the question">×</button>
          <p class="meta">
            <span class={`badge ${q.difficulty}`}>{q.difficulty}{q.difficultyInferred ? ' · inferred' : ''}</span>
            <span class="topic">{q.topic}{q.topicInferred ? ' · inferred' : ''}</span>
            {q.origin === 'author' && <span class="own">written by {q.author ?? 'a former colleague'} · {new Date(q.updatedAt).toLocaleDateString()}</span>}
          </p>
          {canEdit && (
            <p class="actions">
              {q.origin === 'author'
                ? <>
                    <button type="button" onClick={() => onEdit(q)}>Edit</button>
                    <button type="button" class="danger" onClick={() => {
                      if (!confirm('Remove this question from the bank? Sessions that planned it keep it.')) return;
                      api.removeQuestion(q.id).then(onRemoved).catch(e => setError(e instanceof ApiError ? e.message : 'Could not remove the question.'));
                    }}>Remove from the bank</button>
                  </>
                : <button type="button" onClick={() => onEdit(q)} title="Imported questions follow their source documents">Copy to a new question</button>}
            </p>
          )}
          <h3>Key points</h3>
          <ul class="key-points">{q.keyPoints.map(k => <li><Inline text={k} /></li>)}</ul>
          <h3>Reference answer</h3>
          <Markdown source={q.answer} />
          {q.alternates.length > 0 && (
            <details class="alternates">
              <summary>{q.alternates.length} other answer{q.alternates.length > 1 ? 's' : ''}</summary>
              {q.alternates.map(a => (
                <div class="alternate">
                  <p class="source">{a.source.file} · {a.source.position}</p>
                  <Markdown source={a.answer} />
                </div>
              ))}
            </details>
          )}
          {q.sources.length > 0 && (
            <>
              <h3>Sources</h3>
              <ul class="source-list">{q.sources.map(s => <li><span class="source">{s.file} · {s.position}</span> {s.prompt}</li>)}</ul>
            </>
          )}
        </article>
      )}
      {!q && <button type="button" class="close" onClick={onClose} aria-label="Close the question">×</button>}
    </section>
  );
}
