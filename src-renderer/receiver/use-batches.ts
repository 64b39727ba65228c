import { useCallback, useEffect, useState } from 'react';
import { strToU8 } from 'fflate';
import { BatchRefused, openExportedBatch, parseCanonicalBatch, type ReceivedBatch, type RefusalReason } from '../../src-shared/qr/batch-intake';
import { mergeBatches, type KeptBatch, type MergedResults } from '../../src-shared/qr/merge';
import { allBatches, clearBatches, findBatch, putBatch } from './batch-store';
import type { FolderFiles } from './folder-files';
import { sha256Hex } from './sha256';

export type IntakeOutcome =
  | { kind: 'received'; kioskId: string; number: number; count: number }
  | { kind: 'duplicate'; kioskId: string; number: number }
  | { kind: 'refused'; reason: RefusalReason | 'conflict' | 'noResponses' };

/** What became of one folder brought in. */
export interface FolderReport {
  label: string;
  outcome: IntakeOutcome;
}

async function keep(batch: ReceivedBatch, source: 'qr' | 'usb'): Promise<IntakeOutcome> {
  const { kioskId, number, count } = batch.header;
  const existing = await findBatch(kioskId, number);
  if (existing !== undefined) {
    return existing.sha256 === batch.sha256 ? { kind: 'duplicate', kioskId, number } : { kind: 'refused', reason: 'conflict' };
  }
  await putBatch({ kioskId, number, sha256: batch.sha256, canonical: batch.canonical, receivedAt: new Date().toISOString(), source });
  return { kind: 'received', kioskId, number, count };
}

async function openFolder(folder: FolderFiles): Promise<{ kind: 'batch'; batch: ReceivedBatch } | { kind: 'refused'; reason: RefusalReason | 'noResponses' }> {
  if (folder.responses === null) return { kind: 'refused', reason: 'noResponses' };
  try {
    const manifest = folder.manifest === null ? null : await folder.manifest.text();
    return { kind: 'batch', batch: await openExportedBatch(await folder.responses.text(), manifest, sha256Hex) };
  } catch (error) {
    if (error instanceof BatchRefused) return { kind: 'refused', reason: error.reason };
    throw error;
  }
}

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
      const outcome = await keep(batch, source);
      if (outcome.kind === 'received') await reload();
      return outcome;
    },
    [reload],
  );

  /** Many folders at once: each kept or refused on its own, the merge redone once at the end. */
  const intakeFolders = useCallback(
    async (folders: readonly FolderFiles[], onProgress: (report: FolderReport) => void): Promise<void> => {
      let isChanged = false;
      for (const folder of folders) {
        const outcome = await openFolder(folder);
        if (outcome.kind === 'batch') {
          const kept = await keep(outcome.batch, 'usb');
          isChanged ||= kept.kind === 'received';
          onProgress({ label: folder.label, outcome: kept });
        } else {
          onProgress({ label: folder.label, outcome });
        }
      }
      if (isChanged) await reload();
    },
    [reload],
  );

  const clear = useCallback(async () => {
    await clearBatches();
    await reload();
  }, [reload]);

  return { merged, isLoaded, intake, intakeFolders, clear };
}
