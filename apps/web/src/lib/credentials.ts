import * as z from 'zod/mini';

/** What a reviewer signs in with. The secret only signs requests in the browser; it is never sent. */
export const Credentials = z.object({
  username: z.string().check(z.trim(), z.minLength(1)),
  apiKey: z.string().check(z.trim(), z.minLength(1)),
  apiSecret: z.string().check(z.minLength(1)),
});
export type Credentials = z.infer<typeof Credentials>;

const storageKey = 'pave.credentials';

/** The credentials kept for this browser tab, or null when none (or unreadable ones) are stored. */
export function loadCredentials(storage: Storage): Credentials | null {
  const text = storage.getItem(storageKey);
  if (text === null) return null;
  try {
    const parsed = Credentials.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps credentials for this tab only (sessionStorage is per tab and gone when it closes). */
export function saveCredentials(storage: Storage, credentials: Credentials): void {
  storage.setItem(storageKey, JSON.stringify(credentials));
}

/** Forgets the stored credentials. */
export function clearCredentials(storage: Storage): void {
  storage.removeItem(storageKey);
}
