import { formatTimestamp } from '../lib/format.js';

/** A wire timestamp in the viewer's local time (date and minutes), the exact UTC time on hover. */
export function LocalTime({ wire }: { wire: string }) {
  const date = new Date(wire);
  const local = Number.isNaN(date.getTime())
    ? wire
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <time dateTime={wire} title={formatTimestamp(wire)}>
      {local}
    </time>
  );
}
