import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CsvDialect, PollSnapshot } from '../../../src-shared/contract/batch-format';
import type { BatchSummary, ExportTarget } from '../../../src-shared/contract/exports';
import type { Poll } from '../../../src-shared/contract/polls';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import type { ResponseBook } from '../domain/response-book';
import type { FileSystem } from '../store/file-system';
import type { StoreContext } from '../store/store-context';
import { toLocalIsoString, type Clock } from '../time';
import { pollKey, toPollSnapshot } from '../batches/batch-content';
import type { PollRef } from '../batches/answer-spill';
import { BatchBook, type BatchRecord, type ChainLink } from '../batches/batch-book';
import { TransferFailure } from './export-failure';
import { exportFolderName } from './folder-name';
import { writeExportFolder, type ExportProgress, type WrittenFolder } from './folder-writer';
import type { PdfPrinter } from '../documents/pdf-printer';
import { isMounted, type TargetSource } from './targets';
import { FolderDraft } from './folder-draft';

export interface ExportSettings {
  kioskId: string;
  siteName: string;
  defaultLanguage: LanguageCode;
}

export interface ExportServiceOptions {
  context: StoreContext;
  responses: ResponseBook;
  findPoll: (id: string, version: number) => Poll | undefined;
  settings: () => ExportSettings;
  appVersion: string;
  clock: Clock;
  targets: TargetSource;
  /** Reaches the sticks; the tests put disk faults here. */
  targetFileSystem: FileSystem;
  /** The built receiver page, copied into each folder; absent where the app was not built. */
  receiverDir?: string;
  /** Where the shell can print, each folder gets summary.pdf and report.pdf too. */
  pdfPrinter?: PdfPrinter;
  /** Batches removed under the retention rule; absent, none were. */
  purged?: PurgedBatches;
}

/** What the retention purge tells the export side: which batches are gone from the kiosk, and when. */
export interface PurgedBatches {
  readonly floorBatch: number;
  /** The newest purged batch, so the chain goes on from it even if the batch index is lost. */
  readonly tail: ChainLink | null;
  purgedAt(number: number): string | null;
}

const nothingPurged: PurgedBatches = { floorBatch: 0, tail: null, purgedAt: () => null };

export interface ExportDestination {
  path: string;
  /** How the staff know it, for messages. */
  name: string;
  /** A stick's mount point: written to only while a stick is mounted there. Absent, a plain folder. */
  isMountPoint?: boolean;
}

export interface ExportRun {
  target: string;
  written: (WrittenFolder & { batch: BatchRecord })[];
}

export type ProgressListener = (progress: ExportProgress) => void;

export const defaultCsvDialect: CsvDialect = 'finnish-excel';

/**
 * Seals answers into batches and writes batches to sticks, one export at a time. The staff
 * screens and the `kerro` command line both come through here.
 */
export class ExportService {
  private current: ExportProgress | null = null;
  private isRunning = false;
  /** Seals run one after another, whoever asks (a USB export, the QR transfer): two at once could put one answer in two batches. */
  private sealing: Promise<unknown> = Promise.resolve();
  /** The folder of the batch sealed last, made in the seal's pass; the next write of that batch uses it once. */
  private draft: FolderDraft | null = null;

  private constructor(
    private readonly options: ExportServiceOptions,
    private readonly book: BatchBook,
  ) {}

  static async open(options: ExportServiceOptions): Promise<ExportService> {
    const book = await BatchBook.open(
      options.context,
      { language: options.settings().defaultLanguage, csvDialect: defaultCsvDialect },
      options.purged?.tail ?? null,
    );
    options.responses.freezeThrough(book.sealedThrough);
    options.responses.continueAfter(book.sealedThrough);
    return new ExportService(options, book);
  }

  /** Answers not in any batch that reached a stick: sealed-but-failed batches still count. Purged answers are neither. */
  get unexported(): number {
    const { floorBatch } = this.purged;
    const purgedAnswers = this.book.batches.reduce((sum, batch) => sum + (batch.number <= floorBatch ? batch.count : 0), 0);
    return Math.max(0, this.options.responses.count - (this.book.exportedAnswers - purgedAnswers));
  }

  unsealed(): Promise<number> {
    return this.options.responses.countAfter(this.book.sealedThrough);
  }

  get lastExportAt(): string | null {
    return this.book.lastExportedAt;
  }

  get progress(): { isRunning: boolean; progress: ExportProgress | null } {
    return { isRunning: this.isRunning, progress: this.current };
  }

  batches(): BatchSummary[] {
    return this.book.batches.map((batch) => summarize(batch, this.purged.purgedAt(batch.number)));
  }

  batchRecords(): readonly BatchRecord[] {
    return this.book.batches;
  }

  /** When batch `number` was removed under the retention rule, or null while it is kept. */
  purgedAt(number: number): string | null {
    return this.purged.purgedAt(number);
  }

  batchFileOf(number: number): string {
    return this.book.pathOf(number);
  }

  targets(): Promise<ExportTarget[]> {
    return this.options.targets();
  }

  /** Finds a target by the id the screens were given; anything else is refused, never used as a path. */
  async resolveTarget(targetId: string): Promise<ExportDestination> {
    const target = (await this.options.targets()).find((known) => known.id === targetId);
    if (target === undefined) throw new TransferFailure('unknownTarget');
    return { path: target.path, name: target.name, isMountPoint: target.kind === 'stick' };
  }

  /**
   * Seals every answer not yet in a batch, then writes each batch that has never reached a stick,
   * oldest first. A batch whose write fails stays sealed and unexported; the next run retries it.
   */
  exportTo(destination: ExportDestination, csvDialect: CsvDialect = defaultCsvDialect, onProgress?: ProgressListener): Promise<ExportRun> {
    return this.exclusive(async () => {
      await this.seal(csvDialect, { isFolderDrafted: true });
      const pending = this.book.batches.filter((batch) => batch.exports.length === 0);
      if (pending.length === 0) throw new TransferFailure('nothingNew');
      return this.write(destination, pending, onProgress);
    });
  }

  /** Writes an earlier batch again: the same bytes as the first time, from the sealed file. */
  reexportTo(destination: ExportDestination, batchNumber: number, onProgress?: ProgressListener): Promise<ExportRun> {
    return this.exclusive(async () => {
      const batch = this.book.find(batchNumber);
      if (batch === undefined) throw new TransferFailure('unknownBatch', { number: batchNumber });
      const purgedAt = this.purged.purgedAt(batchNumber);
      // Its content file is gone; the manifest and hash of the first export still verify it.
      if (purgedAt !== null) throw new TransferFailure('batchPurged', { number: batchNumber, date: purgedAt.slice(0, 10) });
      return this.write(destination, [batch], onProgress);
    });
  }

  /**
   * Seals the answers not yet in a batch; returns null when there are none. `isFolderDrafted`
   * makes the batch's export folder content in the same pass, for the write that follows.
   */
  seal(csvDialect: CsvDialect = defaultCsvDialect, options: { isFolderDrafted?: boolean } = {}): Promise<BatchRecord | null> {
    const sealed = this.sealing.then(() => this.sealNow(csvDialect, options.isFolderDrafted === true));
    this.sealing = sealed.catch(() => undefined);
    return sealed;
  }

  /** Removes the folder draft a seal left unused. */
  async close(): Promise<void> {
    await this.dropDraft();
  }

  private async sealNow(csvDialect: CsvDialect, isFolderDrafted: boolean): Promise<BatchRecord | null> {
    const { responses, clock } = this.options;
    const previousFrozen = responses.frozenThrough;
    const sealedThrough = this.book.sealedThrough;
    const newest = responses.newestSeq;
    if (responses.count === 0 || newest <= sealedThrough) return null;
    // Frozen first, then drained: a follow-up already queued lands before the snapshot, a later one is refused.
    responses.freezeThrough(newest);
    await this.dropDraft();
    let draft: FolderDraft | null = null;
    try {
      await responses.whenIdle();
      const settings = this.options.settings();
      const number = this.book.nextNumber;
      draft = isFolderDrafted
        ? await FolderDraft.create(this.options.context.fileSystem, `${this.book.pathOf(number)}.csv.${randomUUID().slice(0, 8)}.tmp`, {
            batchNumber: number,
            kioskId: settings.kioskId,
            language: settings.defaultLanguage,
            csvDialect,
            findPoll: (id, version) => this.snapshotsFor([{ pollId: id, pollVersion: version }])[0],
          })
        : null;
      const folder = draft;
      const record = await this.book.seal({
        kioskId: settings.kioskId,
        site: settings.siteName,
        createdAt: toLocalIsoString(clock()),
        sealedBy: this.options.appVersion,
        language: settings.defaultLanguage,
        csvDialect,
        polls: (used) => this.snapshotsFor(used),
        answers: responses.streamRange(sealedThrough, newest),
        onAnswer: folder === null ? undefined : (answer) => folder.add(answer),
        onSealed: folder === null ? undefined : (header, polls, hash) => folder.seal(header, polls, hash),
      });
      if (record === null) responses.freezeThrough(previousFrozen);
      if (record !== null && draft?.isWhole === true) {
        this.draft = draft;
        draft = null;
      }
      return record;
    } catch (error) {
      responses.freezeThrough(previousFrozen);
      throw error;
    } finally {
      await draft?.remove();
    }
  }

  private async dropDraft(): Promise<void> {
    const draft = this.draft;
    this.draft = null;
    await draft?.remove();
  }

  private async write(destination: ExportDestination, batches: readonly BatchRecord[], onProgress?: ProgressListener): Promise<ExportRun> {
    const written: ExportRun['written'] = [];
    for (const batch of batches) {
      await this.expectMounted(destination);
      const draft = this.draft?.batchNumber === batch.number ? this.draft : undefined;
      if (draft !== undefined) this.draft = null;
      const folder = await writeExportFolder({
        targetFileSystem: this.options.targetFileSystem,
        dataFileSystem: this.options.context.fileSystem,
        targetDir: destination.path,
        targetName: destination.name,
        batch,
        batchFile: this.book.pathOf(batch.number),
        previousBatchFile: batch.number > 1 ? this.book.pathOf(batch.number - 1) : undefined,
        reportFile: this.book.reportPathOf(batch.number, batch.hash),
        logger: this.options.context.logger,
        appVersion: this.options.appVersion,
        receiverDir: this.options.receiverDir,
        pdfPrinter: this.options.pdfPrinter,
        draft,
        onProgress: (progress) => {
          this.current = progress;
          onProgress?.(progress);
        },
      }).finally(() => draft?.remove());
      if (folder.printFailure !== null) {
        this.options.context.logger.warn('export.printFailed', { batch: batch.number, reason: folder.printFailure.reason, detail: folder.printFailure.detail });
      }
      // Once more before the batch counts as exported: a stick pulled while it was written leaves
      // an empty folder on the kiosk's own disk, where the writing and the read-back carry on.
      await this.expectMounted(destination, folder.folder);
      await this.book.markExported(batch.number, toLocalIsoString(this.options.clock()), folder.folder);
      written.push({ ...folder, batch: this.book.find(batch.number) ?? batch });
    }
    return { target: destination.name, written };
  }

  /** `written`: the folder just written, which then lies on the kiosk's own disk and is taken away again. */
  private async expectMounted(destination: ExportDestination, written?: string): Promise<void> {
    if (destination.isMountPoint !== true) return;
    const fileSystem = this.options.targetFileSystem;
    if (await isMounted(destination.path, fileSystem).catch(() => false)) return;
    this.options.context.logger.warn('export.notMounted', { target: destination.path, written: written ?? null });
    if (written !== undefined) await fileSystem.rm(join(destination.path, written), { recursive: true, force: true }).catch(() => undefined);
    throw new TransferFailure('notMounted', { name: destination.name });
  }

  private get purged(): PurgedBatches {
    return this.options.purged ?? nothingPurged;
  }

  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.isRunning) throw new TransferFailure('busy');
    this.isRunning = true;
    this.current = null;
    try {
      return await work();
    } finally {
      this.isRunning = false;
      this.current = null;
    }
  }

  /** The polls the answers refer to, the standing question first, so the batch can be read without the kiosk. */
  private snapshotsFor(used: readonly PollRef[]): PollSnapshot[] {
    const snapshots = new Map<string, PollSnapshot>();
    for (const answer of used) {
      const key = pollKey(answer.pollId, answer.pollVersion);
      if (snapshots.has(key)) continue;
      const poll = this.options.findPoll(answer.pollId, answer.pollVersion);
      if (poll !== undefined) snapshots.set(key, toPollSnapshot(poll));
    }
    return [...snapshots.values()].sort(
      (left, right) => Number(right.standing) - Number(left.standing) || compareText(left.id, right.id) || left.version - right.version,
    );
  }
}

export function summarize(batch: BatchRecord, purgedAt: string | null = null): BatchSummary {
  return {
    number: batch.number,
    seqFrom: batch.seqFrom,
    seqTo: batch.seqTo,
    count: batch.count,
    comments: batch.comments,
    createdAt: batch.createdAt,
    hash: batch.hash,
    previousHash: batch.previousHash,
    folder: exportFolderName(batch.site, batch.createdAt, batch.number),
    csvDialect: batch.csvDialect,
    exportedAt: batch.exports.at(-1)?.at ?? null,
    exportCount: batch.exports.length,
    purgedAt,
  };
}

/** By code unit, not by locale: the order is part of the batch's bytes and must not vary by machine. */
function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
