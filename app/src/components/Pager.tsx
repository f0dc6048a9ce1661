/**
 * Previous / Next over a list shown a page at a time (the pages of `paginate` in `lib/governance.ts`).
 * Renders nothing when everything fits on one page.
 *
 * @example
 * <Pager label="Ballot pages" page={shown.page} pages={shown.pages} onPage={setPage} />
 */
export function Pager({
  label,
  page,
  pages,
  onPage,
  className = "button-row",
}: {
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  className?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav className={className} aria-label={label}>
      <button type="button" className="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span className="muted">
        Page {page + 1} of {pages}
      </span>
      <button
        type="button"
        className="secondary"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
