import { useSyncExternalStore } from 'react';

// One shared clock for relative times ("expires in 6 d"): read when a first reader subscribes, then every 30 s.
let now = Date.now();
const readers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  now = Date.now();
  readers.forEach((reader) => reader());
}

function subscribe(reader: () => void): () => void {
  readers.add(reader);
  if (readers.size === 1) timer = setInterval(tick, 30_000);
  tick();
  return () => {
    readers.delete(reader);
    if (readers.size === 0) clearInterval(timer);
  };
}

/** The current time in ms, kept fresh to the half minute while mounted (render stays pure: no clock read in it). */
export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
}
