/** A CSV cell: text, number, boolean or empty (null). */
export type CsvValue = string | number | boolean | null;

const needsQuotes = /[",\r\n]|^\s|\s$/;

/** Quotes a cell per RFC 4180: cells with a comma, quote, line break or edge spaces are quoted, quotes doubled. */
export function formatCsvCell(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Builds CSV text (CRLF line ends, RFC 4180) from a header row and data rows in the same column order. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(formatCsvCell).join(',')).join('\r\n') + '\r\n';
}
