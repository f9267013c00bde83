import { useState } from 'react';
import type { SessionProgress } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import type { QaReportFormat } from '../utils/download-qa-report.js';

/** Props of {@link ExportButtons}. */
export type ExportButtonsProps = { progress: SessionProgress };

/** Downloads the session's QA report (one row per attempt) as CSV or JSON, built in the browser. */
export function ExportButtons({ progress }: ExportButtonsProps) {
  const [failed, setFailed] = useState(false);
  // the report builder is a separate chunk, loaded on the first click
  const download = (format: QaReportFormat) => {
    import('../utils/download-qa-report.js').then(
      (module) => module.downloadQaReport(progress, format),
      () => setFailed(true),
    );
  };
  return (
    <div className="export-buttons" role="group" aria-label="Export QA report">
      <button type="button" className="button" onClick={() => download('csv')}>
        Export CSV
      </button>
      <button type="button" className="button" onClick={() => download('json')}>
        Export JSON
      </button>
      {failed ? <ErrorMessage>The report could not be loaded. Reload the page and try again.</ErrorMessage> : null}
    </div>
  );
}
