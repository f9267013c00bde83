import { useState } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { DataTable } from '../../../components/data-table.js';
import { summarizeError } from '../../../lib/errors.js';
import { formatTimestamp } from '../../../lib/format.js';
import { useAuditLog } from '../api/people.js';

/** The audit log, newest first, a page at a time. */
export function AuditLogTable() {
  const [pages, setPages] = useState<(number | null)[]>([null]);
  const before = pages.at(-1) ?? null;
  const log = useAuditLog(before);
  return (
    <section className="admin-section" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      {log.status === 'pending' ? <p role="status">Loading…</p> : null}
      {log.status === 'error' ? <ErrorMessage>{summarizeError(log.error).message}</ErrorMessage> : null}
      {log.data ? (
        <>
          <DataTable caption="Who did what, newest first" columns={['When', 'Who', 'What', 'On', 'Detail']}>
            {log.data.data.map((entry) => (
              <tr key={entry.id}>
                <td>{formatTimestamp(entry.at)}</td>
                <td>{entry.actor}</td>
                <td>{entry.action}</td>
                <td>{entry.target}</td>
                <td>{entry.detail}</td>
              </tr>
            ))}
          </DataTable>
          {pages.length > 1 ? (
            <button type="button" className="button" onClick={() => setPages(pages.slice(0, -1))}>
              Newer entries
            </button>
          ) : null}
          {log.data.next_before !== null ? (
            <button
              type="button"
              className="button"
              onClick={() => setPages([...pages, log.data?.next_before ?? null])}
            >
              Older entries
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
