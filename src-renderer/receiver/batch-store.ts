import type { BatchSummary } from '../../src-shared/qr/batch-summary';

/**
 * The batches kept in this browser (IndexedDB), keyed by kiosk id and batch number. Each keeps
 * its canonical text and hash, so it can be exported again exactly as received; beside it, its
 * summary (counts per poll, place in the chain), written in the same transaction, is what the
 * page opens with. Used by the page and by the intake worker alike.
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
const batchStore = 'batches';
const summaryStore = 'summaries';

export function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // Version 2 adds the summaries; batches kept by version 1 are summarised on first opening.
    const request = indexedDB.open(databaseName, 2);
    request.onupgradeneeded = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains(batchStore)) database.createObjectStore(batchStore, { keyPath: ['kioskId', 'number'] });
      if (!database.objectStoreNames.contains(summaryStore)) database.createObjectStore(summaryStore, { keyPath: ['kioskId', 'number'] });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
  });
}

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB gave up'));
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB failed'));
  });
}

export async function allSummaries(database: IDBDatabase): Promise<BatchSummary[]> {
  return result<BatchSummary[]>(database.transaction(summaryStore).objectStore(summaryStore).getAll());
}

export async function batchKeys(database: IDBDatabase): Promise<IDBValidKey[]> {
  return result(database.transaction(batchStore).objectStore(batchStore).getAllKeys());
}

export async function findBatch(database: IDBDatabase, kioskId: string, number: number): Promise<StoredBatch | undefined> {
  return result<StoredBatch | undefined>(database.transaction(batchStore).objectStore(batchStore).get([kioskId, number]));
}

/** Keeps a batch and its summary together: both are there, or neither. */
export async function putBatch(database: IDBDatabase, batch: StoredBatch, summary: BatchSummary): Promise<void> {
  const transaction = database.transaction([batchStore, summaryStore], 'readwrite');
  transaction.objectStore(batchStore).put(batch);
  transaction.objectStore(summaryStore).put(summary);
  await finished(transaction);
}

export async function putSummary(database: IDBDatabase, summary: BatchSummary): Promise<void> {
  const transaction = database.transaction(summaryStore, 'readwrite');
  transaction.objectStore(summaryStore).put(summary);
  await finished(transaction);
}

/** A kept batch's key: its kiosk and its number. */
export type BatchKey = readonly [kioskId: string, number: number];

/**
 * Visits the given batches in order, reading the next from storage while the one before is
 * visited: no more than two are in memory, and the worker does not wait for the disk between them.
 */
export async function eachBatch(database: IDBDatabase, keys: readonly BatchKey[], visit: (batch: StoredBatch) => Promise<void>): Promise<void> {
  const read = (index: number) => {
    const key = keys[index];
    return key === undefined ? Promise.resolve(undefined) : findBatch(database, key[0], key[1]);
  };
  let next = read(0);
  for (let index = 0; index < keys.length; index += 1) {
    const batch = await next;
    next = read(index + 1);
    try {
      if (batch !== undefined) await visit(batch);
    } catch (error) {
      // The read ahead is no longer wanted; its failure, if any, must not go unhandled.
      next.catch(() => undefined);
      throw error;
    }
  }
}

export async function clearStore(database: IDBDatabase): Promise<void> {
  const transaction = database.transaction([batchStore, summaryStore], 'readwrite');
  transaction.objectStore(batchStore).clear();
  transaction.objectStore(summaryStore).clear();
  await finished(transaction);
}
