/**
 * The batches kept in this browser (IndexedDB), keyed by kiosk id and batch number. Each keeps
 * its canonical text and hash, so it can be checked and exported again exactly as received.
 */
export interface StoredBatch {
  kioskId: string;
  number: number;
  sha256: string;
  canonical: string;
  receivedAt: string;
  source: 'qr' | 'usb';
}

const databaseName = 'kerro-receiver';
const storeName = 'batches';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(storeName, { keyPath: ['kioskId', 'number'] });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const transaction = database.transaction(storeName, mode);
        const request = work(transaction.objectStore(storeName));
        transaction.oncomplete = () => {
          database.close();
          resolve(request.result);
        };
        transaction.onerror = () => {
          database.close();
          reject(transaction.error ?? new Error('IndexedDB failed'));
        };
      }),
  );
}

export function allBatches(): Promise<StoredBatch[]> {
  return run<StoredBatch[]>('readonly', (store) => store.getAll());
}

export function findBatch(kioskId: string, number: number): Promise<StoredBatch | undefined> {
  return run<StoredBatch | undefined>('readonly', (store) => store.get([kioskId, number]));
}

export async function putBatch(batch: StoredBatch): Promise<void> {
  await run('readwrite', (store) => store.put(batch));
}

export async function clearBatches(): Promise<void> {
  await run('readwrite', (store) => store.clear());
}
