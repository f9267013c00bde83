import type { SessionProgress } from '@pave/domain';
import { downloadBlob } from '../../../lib/download.js';
import { toQaReportCsv, toQaReportJson } from '../utils/qa-report.js';

/** Props of {@link ExportButtons}. */
export type ExportButtonsProps = { progress: SessionProgress };

/** Downloads the session's QA report (one row per attempt) as CSV or JSON, built in the browser. */
export function ExportButtons({ progress }: ExportButtonsProps) {
  const name = `qa-report-${progress.session_key}`;
  return (
    <div className="export-buttons" role="group" aria-label="Export QA report">
      <button
        type="button"
        className="button"
        onClick={() =>
          downloadBlob(new Blob([toQaReportCsv(progress)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`)
        }
      >
        Export CSV
      </button>
      <button
        type="button"
        className="button"
        onClick={() => downloadBlob(new Blob([toQaReportJson(progress)], { type: 'application/json' }), `${name}.json`)}
      >
        Export JSON
      </button>
    </div>
  );
}
