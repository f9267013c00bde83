import { SessionStatus } from '@pave/domain';
import { updateSearchParams, useLocation } from '../../../lib/router.js';

/** The sessions list's filters and paging, all kept in the URL so that a reload or a shared link shows the same. */
export type ListFilters = {
  /** `?status=`; null: all. */
  readonly status: SessionStatus | null;
  /** `?q=`: search text (key, VIN, client id or reference); null: none. */
  readonly q: string | null;
  /** `?from=` / `?to=`: creation days (YYYY-MM-DD, the viewer's local days, both included); null: open. */
  readonly from: string | null;
  readonly to: string | null;
  /** `?pages=`: how many pages are shown (1 unless "Load more" was used). */
  readonly pages: number;
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function dayOrNull(value: string | null): string | null {
  return value !== null && dayPattern.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** Reads the list's filters from the URL (unknown or malformed values mean "none"). */
export function useListFilters(): ListFilters {
  const { search } = useLocation();
  const q = search.get('q')?.trim() ?? '';
  const pages = Number(search.get('pages'));
  return {
    status: SessionStatus.safeParse(search.get('status')).data ?? null,
    q: q === '' ? null : q.slice(0, 64),
    from: dayOrNull(search.get('from')),
    to: dayOrNull(search.get('to')),
    pages: Number.isInteger(pages) && pages >= 1 && pages <= 50 ? pages : 1,
  };
}

/** Changes some filters in the URL; a new filter shows the first page again. */
export function setListFilters(changes: Partial<Omit<ListFilters, 'pages'>>): void {
  const entries = Object.entries(changes).map(([name, value]) => [name, value === null || value === '' ? null : value]);
  updateSearchParams({ ...Object.fromEntries(entries), pages: null });
}

/** Shows `pages` pages (kept in `?pages=`). */
export function setShownPages(pages: number): void {
  updateSearchParams({ pages: pages > 1 ? String(pages) : null });
}

/** The local day `day` (YYYY-MM-DD) starts at this instant (ISO, UTC); `offsetDays` 1 gives the next day's start. */
export function startOfLocalDay(day: string, offsetDays = 0): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date + offsetDays).toISOString();
}
