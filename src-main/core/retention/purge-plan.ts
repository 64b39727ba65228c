import type { BatchRecord } from '../batches/batch-book';

export type PurgeCandidate = Pick<BatchRecord, 'number' | 'seqFrom' | 'seqTo' | 'count' | 'hash' | 'exports'>;

export const dayMs = 24 * 60 * 60 * 1000;

/**
 * The batches whose answers may go now: from the one after the floor, in order, each written to a
 * stick and read back (an entry in `exports` is made only after the read-back matched its
 * hashes) at least `retentionDays` ago. It stops at the first batch that does not qualify, since
 * the floor is a single answer number and everything below it goes. The first export kept
 * counts; `exports` keeps only the newest few, so after many re-exports that is later than the
 * true first one and a purge can come late, never early.
 */
export function planPurge(
  batches: readonly PurgeCandidate[],
  floorBatch: number,
  now: Date,
  retentionDays: number,
): PurgeCandidate[] {
  const due: PurgeCandidate[] = [];
  for (const batch of batches) {
    if (batch.number <= floorBatch) continue;
    const firstExport = batch.exports[0];
    if (firstExport === undefined) break;
    const exportedAt = Date.parse(firstExport.at);
    if (!Number.isFinite(exportedAt) || now.getTime() - exportedAt < retentionDays * dayMs) break;
    due.push(batch);
  }
  return due;
}
