import { useCallback, useEffect, useState } from 'react';
import { strToU8 } from 'fflate';
import { BatchRefused, parseCanonicalBatch, type ReceivedBatch, type RefusalReason } from '../../src-shared/qr/batch-intake';
import { mergeBatches, type KeptBatch, type MergedResults } from '../../src-shared/qr/merge';
import { allBatches, clearBatches, findBatch, putBatch } from './batch-store';
import { sha256Hex } from './sha256';

export type IntakeOutcome =
  | { kind: 'received'; kioskId: string; number: number; count: number }
  | { kind: 'duplicate'; kioskId: string; number: number }
  | { kind: 'refused'; reason: RefusalReason | 'conflict' };

/**
 * The batches in this browser, merged. A batch is stored only after its hash and format were
 * checked; one already kept (same kiosk, same number, same hash) is not stored again, and one
 * that claims a kept batch's place with other content is refused.
 */
export function useBatches() {
  const [merged, setMerged] = useState<MergedResults>(() => mergeBatches([]));
  const [isLoaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    const kept: KeptBatch[] = [];
    for (const stored of await allBatches()) {
      // Read back and checked again: storage in a browser can be edited by anyone holding the phone.
      try {
        if ((await sha256Hex(strToU8(stored.canonical))) !== stored.sha256) continue;
        kept.push({ ...parseCanonicalBatch(stored.canonical), sha256: stored.sha256 });
      } catch (error) {
        if (!(error instanceof BatchRefused)) throw error;
      }
    }
    setMerged(mergeBatches(kept));
    setLoaded(true);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const intake = useCallback(
    async (batch: ReceivedBatch, source: 'qr' | 'usb'): Promise<IntakeOutcome> => {
      const { kioskId, number, count } = batch.header;
      const existing = await findBatch(kioskId, number);
      if (existing !== undefined) {
        return existing.sha256 === batch.sha256 ? { kind: 'duplicate', kioskId, number } : { kind: 'refused', reason: 'conflict' };
      }
      await putBatch({ kioskId, number, sha256: batch.sha256, canonical: batch.canonical, receivedAt: new Date().toISOString(), source });
      await reload();
      return { kind: 'received', kioskId, number, count };
    },
    [reload],
  );

  const clear = useCallback(async () => {
    await clearBatches();
    await reload();
  }, [reload]);

  return { merged, isLoaded, intake, clear };
}
