import type { SessionProgress } from '@pave/domain';
import { downloadBlob } from '../../../lib/download.js';
import { toQaReportCsv, toQaReportJson } from './qa-report.js';

/** A QA report's file format. */
export type QaReportFormat = 'csv' | 'json';

/** Builds the session's QA report in the browser and saves it as `qa-report-<key>.<format>`. */
export function downloadQaReport(progress: SessionProgress, format: QaReportFormat): void {
  const blob =
    format === 'csv'
      ? new Blob([toQaReportCsv(progress)], { type: 'text/csv;charset=utf-8' })
      : new Blob([toQaReportJson(progress)], { type: 'application/json' });
  downloadBlob(blob, `qa-report-${progress.session_key}.${format}`);
}
