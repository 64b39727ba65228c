import { useCallback, useEffect, useState } from 'react';
import type { ReceivedBatch } from '../../src-shared/qr/batch-intake';
import { mergeSummaries, type MergedSummary } from '../../src-shared/qr/summary-merge';
import { allSummaries, batchKeys, openStore } from './batch-store';
import type { FolderFiles } from './folder-files';
import { WorkerClient } from './worker-client';
import type { FolderReport, IntakeOutcome } from './worker-protocol';

export type { FolderReport, IntakeOutcome } from './worker-protocol';

let sharedClient: WorkerClient | null = null;

/** One intake worker for the page's life, made on first use. */
export function intakeWorker(): WorkerClient {
  sharedClient ??= new WorkerClient();
  return sharedClient;
}

/** The merge as the page opens it: from the kept summaries, never from the answers. */
async function readMerged(): Promise<MergedSummary> {
  const database = await openStore();
  try {
    const [summaries, keys] = await Promise.all([allSummaries(database), batchKeys(database)]);
    if (keys.length === summaries.length) return mergeSummaries(summaries);
    // Batches kept before summaries existed are summarised once, in the worker.
    await intakeWorker().summarizeMissing();
    return mergeSummaries(await allSummaries(database));
  } finally {
    database.close();
  }
}

/**
 * The batches in this browser, merged. A batch is checked once, when it arrives (in the
 * worker), and kept with its summary; one already kept (same kiosk, number and hash) is not
 * kept again, and one that claims a kept batch's place with other content is refused.
 */
export function useBatches() {
  const [merged, setMerged] = useState<MergedSummary>(() => mergeSummaries([]));
  const [isLoaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    setMerged(await readMerged());
    setLoaded(true);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const intake = useCallback(
    async (batch: ReceivedBatch): Promise<IntakeOutcome> => {
      const outcome = await intakeWorker().takeTransferred(batch.canonical, batch.sha256);
      if (outcome.kind === 'received') await reload();
      return outcome;
    },
    [reload],
  );

  /** Many folders at once: each kept or refused on its own, the merge read again once at the end. */
  const intakeFolders = useCallback(
    async (folders: FolderFiles[], onReport: (report: FolderReport) => void): Promise<void> => {
      let isChanged = false;
      await intakeWorker().takeFolders(folders, (report) => {
        isChanged ||= report.outcome.kind === 'received';
        onReport(report);
      });
      if (isChanged) await reload();
    },
    [reload],
  );

  const clear = useCallback(async () => {
    await intakeWorker().clear();
    await reload();
  }, [reload]);

  return { merged, isLoaded, intake, intakeFolders, clear };
}
