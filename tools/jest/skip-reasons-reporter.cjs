// A Jest reporter (registered in jest.preset.js) that says why tests were skipped. A test that cannot run here is
// skipped when it is collected, with its reason in its own or an enclosing describe's name as `[skipped: <reason>]`
// (e.g. `Sessions API [postgres] [skipped: PostgreSQL suites (PAVE_TEST_DATABASE_URL unset)]`). After Jest's summary
// this prints one line, `Skipped by reason: {"<reason>": <count>, …}`, which tools/scripts/test-all.mjs adds up.

/** The reason of a skip tag, `[skipped: <reason>]` (a reason has no `]`). */
const tagPattern = /\[skipped: ([^\]]+)\]/g;

/** Said of a skipped test whose names carry no tag. */
const noReason = 'no reason given';

/** The prefix of the summary line. */
const summaryPrefix = 'Skipped by reason: ';

/** Why a skipped test was skipped: the innermost tag among its describe names and its own name. */
function skipReasonOf(titles) {
  const reasons = titles.flatMap((title) => [...title.matchAll(tagPattern)].map((match) => match[1]));
  return reasons.at(-1) ?? noReason;
}

/** Counts the skipped tests (`it.skip`, `describe.skip`, `it.todo`) of test results by reason. */
function countSkips(testResults, filtered = false) {
  const counts = {};
  for (const test of testResults) {
    if (test.status !== 'pending' && test.status !== 'skipped' && test.status !== 'todo') continue;
    const tagged = skipReasonOf([...test.ancestorTitles, test.title]);
    const reason = test.status === 'todo' ? 'todo' : tagged === noReason && filtered ? 'filtered out by name' : tagged;
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}

/** Adds `more` into `counts`. */
function addCounts(counts, more) {
  for (const [reason, count] of Object.entries(more)) counts[reason] = (counts[reason] ?? 0) + count;
  return counts;
}

/** The summary line for counts by reason. */
function formatSummary(counts) {
  return `${summaryPrefix}${JSON.stringify(counts)}`;
}

/** The counts of a summary line; null for any other line. */
function parseSummary(line) {
  const at = line.indexOf(summaryPrefix);
  if (at === -1) return null;
  try {
    return JSON.parse(line.slice(at + summaryPrefix.length));
  } catch {
    return null;
  }
}

class SkipReasonsReporter {
  constructor(globalConfig) {
    this.filtered = Boolean(globalConfig.testNamePattern);
    this.counts = {};
  }

  onTestResult(_test, result) {
    addCounts(this.counts, countSkips(result.testResults, this.filtered));
  }

  onRunComplete() {
    if (Object.keys(this.counts).length > 0) process.stderr.write(`${formatSummary(this.counts)}\n`);
  }
}

// Jest takes `default` of an ES-module-shaped export; the helpers are for test-all.mjs and the spec
module.exports = {
  __esModule: true,
  default: SkipReasonsReporter,
  skipReasonOf,
  countSkips,
  addCounts,
  formatSummary,
  parseSummary,
};
