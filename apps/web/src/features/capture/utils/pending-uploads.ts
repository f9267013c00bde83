import type { PhotoCode } from '@pave/domain';

/** A photo kept on the phone until the server answered it: survives a reload while the connection is down. */
export type PendingUpload = {
  readonly id: string;
  readonly sessionKey: string;
  readonly photoCode: PhotoCode;
  readonly photo: Blob;
};

const databaseName = 'pave-capture';
const storeName = 'pending-uploads';

function openDatabase(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T | null> {
  const database = await openDatabase();
  if (!database) return null;
  return new Promise((resolve) => {
    const request = work(database.transaction(storeName, mode).objectStore(storeName));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
  }).finally(() => database.close()) as Promise<T | null>;
}

/** Keeps a photo until {@link forgetUpload}; a browser without IndexedDB keeps it in the page only. */
export async function keepUpload(upload: PendingUpload): Promise<void> {
  await withStore('readwrite', (store) => store.put(upload));
}

/** Drops a kept photo once the server answered it. */
export async function forgetUpload(id: string): Promise<void> {
  await withStore('readwrite', (store) => store.delete(id));
}

/** The photos of a session still waiting for the server's answer (from before a reload). */
export async function pendingUploads(sessionKey: string): Promise<PendingUpload[]> {
  const all = (await withStore('readonly', (store) => store.getAll())) as PendingUpload[] | null;
  return (all ?? []).filter((upload) => upload.sessionKey === sessionKey);
}
