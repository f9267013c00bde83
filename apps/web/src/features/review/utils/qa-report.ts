import type { SessionProgress } from '@pave/domain';
import { toCsv, type CsvValue } from '../../../lib/csv.js';

/** The QA report's columns, in order. */
export const qaReportColumns = [
  'step',
  'photo_code',
  'photo_label',
  'attempt',
  'approved',
  'approved_message',
  'reason_code',
  'created_at',
  'updated_at',
  'processing_seconds',
  'url',
  'typed_value',
] as const;
export type QaReportColumn = (typeof qaReportColumns)[number];

/** One attempt of the QA report. */
export type QaReportRow = Record<QaReportColumn, CsvValue>;

/** Every attempt of a session, steps in capture order and attempts oldest first (attempt numbers start at 1). */
export function buildQaReportRows(progress: SessionProgress): QaReportRow[] {
  return progress.steps.flatMap((step) =>
    step.attempts.map((attempt, index) => ({
      step: step.step,
      photo_code: attempt.photo_code,
      photo_label: attempt.photo_label,
      attempt: index + 1,
      approved: attempt.approved,
      approved_message: attempt.approved_message,
      reason_code: attempt.reason_code,
      created_at: attempt.created_at,
      updated_at: attempt.updated_at,
      processing_seconds: attempt.processing_seconds,
      url: attempt.url,
      typed_value: attempt.typed_value,
    })),
  );
}

/** The QA report as CSV (RFC 4180 quoting, header row first). */
export function toQaReportCsv(progress: SessionProgress): string {
  const rows = buildQaReportRows(progress).map((row) => qaReportColumns.map((column) => row[column]));
  return toCsv(qaReportColumns, rows);
}

/** The QA report as pretty-printed JSON: the session's status and completeness, then one object per attempt. */
export function toQaReportJson(progress: SessionProgress): string {
  const report = {
    session_key: progress.session_key,
    status: progress.status,
    complete: progress.complete,
    attempts: buildQaReportRows(progress),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
