import { PhotoCode } from '@pave/domain';
import { updateSearchParams, useLocation } from '../../../lib/router.js';
import { parseStepFilter, type StepFilter } from '../utils/step-filter.js';

/** The review page's view state, kept in the URL so a link reproduces it: `?filter=rejected&step=4`. */
export type ReviewParams = { filter: StepFilter; selectedCode: PhotoCode | null };

/** Reads the filter and the opened step from the URL. */
export function useReviewParams(): ReviewParams {
  const { search } = useLocation();
  const step = PhotoCode.safeParse(Number(search.get('step') ?? Number.NaN));
  return { filter: parseStepFilter(search.get('filter')), selectedCode: step.success ? step.data : null };
}

/** Shows only the steps matching a filter (`all` removes the parameter). */
export function setStepFilter(filter: StepFilter): void {
  updateSearchParams({ filter: filter === 'all' ? null : filter });
}

/** Opens a step's timeline, or closes it with null. */
export function selectStep(code: PhotoCode | null): void {
  updateSearchParams({ step: code === null ? null : String(code) });
}
