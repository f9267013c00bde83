/** Skipped tests by reason. */
export type SkipCounts = Record<string, number>;

/** What the reporter reads of one test's result. */
export type TestOutcome = {
  readonly ancestorTitles: readonly string[];
  readonly title: string;
  readonly status: string;
};

/** Why a skipped test was skipped: the innermost `[skipped: <reason>]` among its names, else "no reason given". */
export function skipReasonOf(titles: readonly string[]): string;
/** Counts the skipped tests of test results by reason (`filtered`: a name pattern left tests out). */
export function countSkips(testResults: readonly TestOutcome[], filtered?: boolean): SkipCounts;
/** Adds `more` into `counts` and returns `counts`. */
export function addCounts(counts: SkipCounts, more: SkipCounts): SkipCounts;
/** `Skipped by reason: {…}`. */
export function formatSummary(counts: SkipCounts): string;
/** The counts of a summary line; null for any other line. */
export function parseSummary(line: string): SkipCounts | null;

/** The Jest reporter. */
export default class SkipReasonsReporter {
  constructor(globalConfig: { readonly testNamePattern?: string | undefined });
  onTestResult(test: unknown, result: { readonly testResults: readonly TestOutcome[] }): void;
  onRunComplete(): void;
}
