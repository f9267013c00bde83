import { SessionStatus } from '@pave/domain';
import { updateSearchParams, useLocation } from '../../../lib/router.js';

/** The sessions list's status filter, kept in `?status=` (unknown values mean "all"). */
export function useStatusFilter(): SessionStatus | null {
  const parsed = SessionStatus.safeParse(useLocation().search.get('status'));
  return parsed.success ? parsed.data : null;
}

/** Shows only sessions of one status, or all with null. */
export function setStatusFilter(status: SessionStatus | null): void {
  updateSearchParams({ status });
}
