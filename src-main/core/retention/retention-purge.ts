import { join } from 'node:path';
import type { ResponseBook } from '../domain/response-book';
import type { BatchRecord } from '../batches/batch-book';
import { fsyncDirectory } from '../store/durable-file';
import { isNotFound } from '../store/file-system';
import type { StoreContext } from '../store/store-context';
import { toLocalIsoString, type Clock } from '../time';
import type { PurgeLedger, PurgeRecord } from './purge-ledger';
import { planPurge } from './purge-plan';

export interface RetentionPurgeOptions {
  context: StoreContext;
  ledger: PurgeLedger;
  responses: ResponseBook;
  /** The sealed batches and where each one's content file lives. */
  batches: {
    batchRecords(): readonly BatchRecord[];
    batchFileOf(number: number): string;
    readonly progress: { isRunning: boolean };
  };
  retentionDays: () => number;
  clock: Clock;
}

export interface PurgeOutcome {
  /** The purge recorded by this run; null when it only finished deleting for an earlier one. */
  purge: PurgeRecord | null;
  segmentsDeleted: number;
  batchFilesDeleted: number;
}

/** How often a running kiosk looks for batches that have come of age. */
export const purgeIntervalMs = 60 * 60 * 1000;

/**
 * Removes answers from the kiosk once the batch they are in was exported, read back and checked,
 * and that export is `retentionDays` old. Batch metadata (number, range, counts, hashes) stays
 * in `batches.json`, so numbering and the hash chain go on and old export folders still verify.
 *
 * The order makes it safe to stop at any point: the floor is written durably first, and only
 * then are memory, journal segments and batch content files let go. A run cut short is finished
 * by the next one, at the latest when the kiosk opens again.
 */
export class RetentionPurge {
  private running: Promise<PurgeOutcome | null> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: RetentionPurgeOptions) {}

  /** Purges what is due and finishes any purge cut short; one run at a time. Never throws: a failure is logged and retried next time. */
  run(): Promise<PurgeOutcome | null> {
    this.running ??= this.runOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Runs every `intervalMs` without keeping the process alive for it. */
  start(intervalMs = purgeIntervalMs): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.run(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress, so files are not deleted after close. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async runOnce(): Promise<PurgeOutcome | null> {
    const { context, ledger, responses } = this.options;
    try {
      const purge = await this.raiseFloor();
      if (purge !== null) await responses.forgetThrough(purge.seqTo);
      const segmentsDeleted = await responses.deleteSegmentsThroughFloor();
      const batchFilesDeleted = await this.deleteBatchFiles(ledger.floorBatch);
      if (purge === null && segmentsDeleted === 0 && batchFilesDeleted === 0) return null;
      const outcome = { purge, segmentsDeleted, batchFilesDeleted };
      if (purge === null) {
        context.logger.warn('retention.purgeFinished', { floorSeq: ledger.floorSeq, floorBatch: ledger.floorBatch, segmentsDeleted, batchFilesDeleted });
      } else {
        context.logger.info('retention.purged', { ...purge, segmentsDeleted, batchFilesDeleted });
      }
      return outcome;
    } catch (error) {
      context.logger.error('retention.purgeFailed', { message: String(error), floorSeq: ledger.floorSeq });
      return null;
    }
  }

  /** Writes the new floor, or returns null when nothing has come of age (or an export is writing to a stick). */
  private async raiseFloor(): Promise<PurgeRecord | null> {
    const { ledger, batches, clock } = this.options;
    // A re-export running now may be reading a batch file; the purge waits for the next round.
    if (batches.progress.isRunning) return null;
    const now = clock();
    const retentionDays = this.options.retentionDays();
    const due = planPurge(batches.batchRecords(), ledger.floorBatch, now, retentionDays);
    const first = due[0];
    const last = due.at(-1);
    if (first === undefined || last === undefined) return null;
    const purge: PurgeRecord = {
      at: toLocalIsoString(now),
      answers: due.reduce((sum, batch) => sum + batch.count, 0),
      batchFrom: first.number,
      batchTo: last.number,
      seqFrom: first.seqFrom,
      seqTo: last.seqTo,
      retentionDays,
      hashTo: last.hash,
    };
    await ledger.record(purge);
    return purge;
  }

  /**
   * The content files of purged batches: all a re-export would need, and all the answers' text,
   * with the council report kept beside each (it quotes comments). Counts the batches.
   */
  private async deleteBatchFiles(floorBatch: number): Promise<number> {
    if (floorBatch === 0) return 0;
    const { fileSystem } = this.options.context;
    const folder = join(this.options.context.dataDir, 'batches');
    const names = await fileSystem.readdir(folder);
    let batches = 0;
    let files = 0;
    for (const name of names) {
      const [, digits, kind] = /^(\d{6})\.(json|[0-9a-f]{16}\.report\.html)$/.exec(name) ?? [];
      if (digits === undefined || Number(digits) > floorBatch) continue;
      try {
        await fileSystem.unlink(join(folder, name));
        files += 1;
        if (kind === 'json') batches += 1;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    if (files > 0) await fsyncDirectory(fileSystem, folder);
    return batches;
  }
}
