type Json = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Json {
  if (Array.isArray(value)) return true;
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Structural sharing: returns `next`, except that every part deep-equal to the same part of `previous` is
 * `previous`'s object. An unchanged answer keeps its identity, and in a changed one the unchanged steps do,
 * so memoised components skip re-rendering and selections keyed on objects survive a refresh.
 */
export function replaceEqualDeep<T>(previous: unknown, next: T): T {
  if (previous === next || !isContainer(previous) || !isContainer(next)) return next;
  if (Array.isArray(previous) !== Array.isArray(next)) return next;
  const before = previous as Record<string, unknown>;
  const keys = Object.keys(next);
  const shared = (Array.isArray(next) ? [...next] : { ...next }) as Record<string, unknown>;
  let same = keys.length === Object.keys(before).length;
  for (const key of keys) {
    shared[key] = replaceEqualDeep(before[key], shared[key]);
    same &&= shared[key] === before[key] && key in before;
  }
  return (same ? previous : shared) as T;
}
