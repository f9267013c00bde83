import { formatTimestamp } from '../lib/format.js';

/**
 * A wire timestamp in the viewer's local time (date and minutes, or seconds when `seconds`), the exact UTC time on
 * hover.
 */
export function LocalTime({ wire, seconds = false }: { wire: string; seconds?: boolean }) {
  const date = new Date(wire);
  const local = Number.isNaN(date.getTime())
    ? wire
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' });
  return (
    <time dateTime={wire} title={formatTimestamp(wire)}>
      {local}
    </time>
  );
}
