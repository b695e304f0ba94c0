// What a list shows on a page past its last one (an old link, a hand-edited URL).

/** What a page past the last one says (a link or a hand-edited URL), with the way back. */
export function PastTheEnd({ page, pages, what, onLast }: { page: number; pages: number; what: string; onLast: () => void }) {
  return (
    <p class="muted" role="note">Page {page} is past the end: the {what} fill {pages} page{pages === 1 ? '' : 's'}.{' '}
      <button type="button" class="link past-the-end" onClick={onLast}>Go to page {pages}</button></p>
  );
}
