/** Shows a wire timestamp (`2021-05-27T07:36:19+00:00`) as `2021-05-27 07:36:19 UTC`, the same for every viewer. */
export function formatTimestamp(wire: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})\+00:00$/.exec(wire);
  return match ? `${match[1]} ${match[2]} UTC` : wire;
}

/** Shows a duration in seconds (`1.5 s`), or a dash when unknown. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
