import type { ReactNode } from 'react';
import './data-table.css';

/** Props of {@link DataTable}. */
export type DataTableProps = {
  /** What the rows are, for screen readers ("Sessions, newest first"). */
  caption: string;
  /** The column headings, left to right. */
  columns: readonly string[];
  /** The rows: `<tr>` elements, one cell per column. */
  children: ReactNode;
};

/** A table of records, with a caption and column headings, that scrolls sideways on a narrow screen. */
export function DataTable({ caption, columns, children }: DataTableProps) {
  return (
    <div className="data-table__scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
