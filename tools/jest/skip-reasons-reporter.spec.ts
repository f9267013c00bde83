import { countSkips, formatSummary, parseSummary, skipReasonOf } from './skip-reasons-reporter.cjs';

const outcome = (status: string, ancestorTitles: string[], title = 'does something') => ({
  status,
  ancestorTitles,
  title,
});

describe('skip reasons', () => {
  it.each([
    [
      ['Sessions API [postgres] [skipped: PostgreSQL suites (PAVE_TEST_DATABASE_URL unset)]', 'create'],
      'PostgreSQL suites (PAVE_TEST_DATABASE_URL unset)',
    ],
    [['outer [skipped: a]', 'inner [skipped: b]'], 'b'],
    [['a describe', 'a test [skipped: no Chromium at /usr/bin/chromium]'], 'no Chromium at /usr/bin/chromium'],
    [['a describe', 'a test'], 'no reason given'],
  ])('reads the innermost tag of %j', (titles, reason) => {
    expect(skipReasonOf(titles)).toBe(reason);
  });

  it('counts skipped and todo tests by reason, and nothing else', () => {
    const results = [
      outcome('passed', ['Sessions API [sqlite]']),
      outcome('failed', ['Sessions API [sqlite]']),
      outcome('pending', ['Sessions API [postgres] [skipped: no database]']),
      outcome('pending', ['Sessions API [postgres] [skipped: no database]', 'nested']),
      outcome('pending', ['something']),
      outcome('todo', ['something']),
    ];

    expect(countSkips(results)).toEqual({ 'no database': 2, 'no reason given': 1, todo: 1 });
    expect(countSkips(results, true)).toEqual({ 'no database': 2, 'filtered out by name': 1, todo: 1 });
  });

  it('reads back the summary line it prints, wherever it sits on the line', () => {
    const counts = { 'PostgreSQL suites (PAVE_TEST_DATABASE_URL unset)': 160, todo: 1 };

    expect(parseSummary(`api:  ${formatSummary(counts)}`)).toEqual(counts);
    expect(parseSummary('Tests:       6 skipped, 500 passed, 506 total')).toBeNull();
    expect(parseSummary('Skipped by reason: {cut short')).toBeNull();
  });
});
