// The question bank browser: search, filters, paging and one question's detail, all in the URL.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Page, type QuestionDetail, type QuestionSummary } from '../api';
import { navigate } from '../router';
import { Inline, Markdown } from '../markdown';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'topic', 'difficulty', 'source', 'sort', 'page'] as const;

function withParam(query: URLSearchParams, name: string, value: string | null, resetPage = true) {
  const next = new URLSearchParams(query);
  if (value) next.set(name, value); else next.delete(name);
  if (resetPage && name !== 'page') next.delete('page');
  if (name !== 'id' && resetPage) next.delete('id');
  const s = next.toString();
  return '/bank' + (s ? '?' + s : '');
}

export function BankPage({ query }: { query: URLSearchParams }) {
  const [topics, setTopics] = useState<{ topic: string; count: number }[]>([]);
  const [sources, setSources] = useState<{ file: string; count: number }[]>([]);
  const [page, setPage] = useState<Page<QuestionSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(query.get('q') ?? '');
  const debounce = useRef<number | undefined>(undefined);
  const listKey = FILTERS.map(f => query.get(f) ?? '').join('|');
  const selected = query.get('id');

  useEffect(() => {
    api.topics().then(t => setTopics(t.topics)).catch(() => setTopics([]));
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

  useEffect(() => { setText(query.get('q') ?? ''); }, [query.get('q')]);

  const onSearch = (value: string) => {
    setText(value);
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => navigate(withParam(query, 'q', value.trim() || null), true), 250);
  };

  const current = page ? page.page : 1;
  const from = page && page.total ? (current - 1) * PAGE_SIZE + 1 : 0;
  const to = page ? Math.min(page.total, current * PAGE_SIZE) : 0;

  return (
    <div class={'bank' + (selected ? ' has-detail' : '')}>
      <section class="panel list-panel" aria-label="Questions">
        <form class="filters" role="search" onSubmit={e => { e.preventDefault(); navigate(withParam(query, 'q', text.trim() || null)); }}>
          <input type="search" name="q" placeholder="Search questions and answers" aria-label="Search"
                 value={text} onInput={e => onSearch((e.target as HTMLInputElement).value)} />
          <select aria-label="Topic" value={query.get('topic') ?? ''} onChange={e => navigate(withParam(query, 'topic', (e.target as HTMLSelectElement).value || null))}>
            <option value="">All topics</option>
            {topics.map(t => <option value={t.topic}>{t.topic} ({t.count})</option>)}
          </select>
          <select aria-label="Difficulty" value={query.get('difficulty') ?? ''} onChange={e => navigate(withParam(query, 'difficulty', (e.target as HTMLSelectElement).value || null))}>
            <option value="">Any difficulty</option>
            <option value="beginner">Beginner</option>
            <option value="intermediate">Intermediate</option>
            <option value="advanced">Advanced</option>
          </select>
          {query.get('sort') !== null || page?.items.some(i => i.asked !== null) ? (
            <select aria-label="Sort" value={query.get('sort') ?? ''} onChange={e => navigate(withParam(query, 'sort', (e.target as HTMLSelectElement).value || null))}>
              <option value="">Most relevant</option>
              <option value="asked">Most asked</option>
              <option value="score">Highest average score</option>
            </select>
          ) : null}
          <select aria-label="Source" value={query.get('source') ?? ''} onChange={e => navigate(withParam(query, 'source', (e.target as HTMLSelectElement).value || null))}>
            <option value="">All sources</option>
            {sources.map(s => <option value={s.file}>{s.file} ({s.count})</option>)}
          </select>
        </form>
        {error && <p class="error" role="alert">{error}</p>}
        {!page && !error && <p class="muted">Loading questions…</p>}
        {page && (
          <>
            <p class="count" aria-live="polite">{page.total ? `Showing ${from}–${to} of ${page.total}` : 'No questions match these filters.'}</p>
            <ul class="questions">
              {page.items.map(q => (
                <li key={q.id}>
                  <a class={'question' + (q.id === selected ? ' selected' : '')} href={withParam(query, 'id', q.id, false)}
                     onClick={e => { e.preventDefault(); navigate(withParam(query, 'id', q.id, false)); }}>
                    <span class="prompt">{q.prompt}</span>
                    <span class="meta">
                      <span class={`badge ${q.difficulty}`} title={q.difficultyInferred ? 'Difficulty inferred by the importer' : 'Difficulty from the source'}>
                        {q.difficulty}{q.difficultyInferred ? ' · inferred' : ''}
                      </span>
                      <span class="topic">{q.topic}</span>
                      {q.sourceCount > 1 && <span class="sources">{q.sourceCount} sources</span>}
                      {q.asked !== null && q.asked > 0 && <span class="stats">asked {q.asked}×{q.averageRubric !== null ? ` · avg ${q.averageRubric.toFixed(1)}/4` : ''}</span>}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
            <nav class="pager" aria-label="Pages">
              <button type="button" disabled={current <= 1} onClick={() => navigate(withParam(query, 'page', String(current - 1), false))}>Previous</button>
              <button type="button" disabled={to >= page.total} onClick={() => navigate(withParam(query, 'page', String(current + 1), false))}>Next</button>
            </nav>
          </>
        )}
      </section>
      {selected && <QuestionPanel id={selected} onClose={() => navigate(withParam(query, 'id', null, false))} />}
    </div>
  );
}

function QuestionPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const [q, setQ] = useState<QuestionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setQ(null);
    setError(null);
    api.question(id).then(setQ).catch(e => setError(e instanceof ApiError ? e.message : 'Something went wrong.'));
  }, [id]);
  return (
    <section class="panel detail" aria-label="Question">
      <button type="button" class="close" onClick={onClose} aria-label="Close the question">×</button>
      {error && <p class="error" role="alert">{error}</p>}
      {!q && !error && <p class="muted">Loading…</p>}
      {q && (
        <article>
          <h1 class="detail-prompt">{q.prompt}</h1>
          <p class="meta">
            <span class={`badge ${q.difficulty}`}>{q.difficulty}{q.difficultyInferred ? ' · inferred' : ''}</span>
            <span class="topic">{q.topic}{q.topicInferred ? ' · inferred' : ''}</span>
          </p>
          <h2>Key points</h2>
          <ul class="key-points">{q.keyPoints.map(k => <li><Inline text={k} /></li>)}</ul>
          <h2>Reference answer</h2>
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
          <h2>Sources</h2>
          <ul class="source-list">{q.sources.map(s => <li><span class="source">{s.file} · {s.position}</span> {s.prompt}</li>)}</ul>
        </article>
      )}
    </section>
  );
}
