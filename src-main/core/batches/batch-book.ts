import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { z } from 'zod';
import {
  csvDialectSchema,
  sha256Schema,
  type BatchHeader,
  type CsvDialect,
  type ExportAnswer,
  type PollSnapshot,
} from '../../../src-shared/contract/batch-format';
import { isoDateTimeSchema, languageSchema } from '../../../src-shared/contract/polls';
import type { StoredResponse } from '../../../src-shared/contract/responses';
import { contentBaseLanguage, type LanguageCode } from '../../../src-shared/i18n/languages';
import { declareDocument, openDocument, type DocumentData, type DurableDocument } from '../store/document';
import type { StoreContext } from '../store/store-context';
import { AnswerSpill, type PollRef } from './answer-spill';
import { scanBatchFile, writeBatchBody } from './batch-file';

const exportRecordSchema = z.object({ at: isoDateTimeSchema, folder: z.string().max(200) });

export const batchRecordSchema = z.object({
  number: z.number().int().min(1),
  kioskId: z.string(),
  site: z.string(),
  seqFrom: z.number().int().min(1),
  seqTo: z.number().int().min(1),
  count: z.number().int().min(1),
  comments: z.number().int().min(0),
  masked: z.number().int().min(0),
  burst: z.number().int().min(0),
  createdAt: isoDateTimeSchema,
  hash: sha256Schema,
  previousHash: sha256Schema.nullable(),
  bytes: z.number().int().min(0),
  sealedBy: z.string(),
  /** The summary's language and the CSV dialect are fixed at sealing, so a re-export gives the same bytes. */
  language: languageSchema,
  csvDialect: csvDialectSchema,
  /** Every time the batch was written to a stick and read back correctly, oldest first. */
  exports: z.array(exportRecordSchema),
});

export type BatchRecord = z.output<typeof batchRecordSchema>;

const batchesDocumentSpec = declareDocument('batches.json', z.object({ batches: z.array(batchRecordSchema) }));
type BatchesDocument = DocumentData<typeof batchesDocumentSpec>;

/** Enough of a batch to chain the next one to it. */
export type ChainLink = Pick<BatchRecord, 'number' | 'seqTo' | 'hash'>;

/** How many export times are kept per batch; enough to see a history, never a growing file. */
const keptExports = 20;

export interface SealInput {
  kioskId: string;
  site: string;
  createdAt: string;
  sealedBy: string;
  language: LanguageCode;
  csvDialect: CsvDialect;
  /** Snapshots of the polls the answers name, asked for once, after the last answer. */
  polls: (used: readonly PollRef[]) => readonly PollSnapshot[];
  /** The stored answers to seal, in sequence order; each is masked as it is written. */
  answers: Iterable<StoredResponse> | AsyncIterable<StoredResponse>;
  /** Sees each answer as the batch will hold it (masked), in order, as it streams past. */
  onAnswer?: (answer: ExportAnswer) => Promise<void> | void;
  /** Told what was sealed once the batch file is written, before the index names it. */
  onSealed?: (header: BatchHeader, polls: readonly PollSnapshot[], hash: string) => Promise<void> | void;
}


/**
 * The sealed batches: an index in `batches.json` and each batch's canonical content in
 * `batches/NNNNNN.json`, written once. Re-exports copy that file, so they give the same bytes
 * whatever happens to the answers journal or the masking rules later.
 */
export class BatchBook {
  private constructor(
    private readonly context: StoreContext,
    private readonly document: DurableDocument<BatchesDocument>,
    private readonly purgedTail: ChainLink | null,
  ) {}

  /**
   * `defaults` fill what a batch file does not say, should the index have to be rebuilt from the
   * files. `purgedTail` is the newest batch whose file the retention purge deleted: were the index
   * lost too, the files left start after it, and numbering and the chain go on from it.
   */
  static async open(
    context: StoreContext,
    defaults: { language: LanguageCode; csvDialect: CsvDialect } = { language: contentBaseLanguage, csvDialect: 'finnish-excel' },
    purgedTail: ChainLink | null = null,
  ): Promise<BatchBook> {
    await context.fileSystem.mkdir(join(context.dataDir, 'batches'), { recursive: true });
    const { document } = await openDocument(context, batchesDocumentSpec, () => ({ batches: [] }));
    const book = new BatchBook(context, document, purgedTail);
    await book.removeUnfinishedSealing();
    await book.indexSealedFiles(defaults);
    return book;
  }

  /**
   * A temporary file is all a sealing leaves when it was cut short before its rename. Its answers
   * are still in the journal and will be sealed again, so the copy goes: kept, it would hold
   * answers (masked, but answers) that no export, purge or retention rule ever reaches.
   */
  private async removeUnfinishedSealing(): Promise<void> {
    const folder = join(this.context.dataDir, 'batches');
    for (const name of await this.context.fileSystem.readdir(folder)) {
      if (!name.endsWith('.tmp')) continue;
      await this.context.fileSystem.rm(join(folder, name), { force: true });
      this.context.report(`batches/${name}`, 'left by a sealing cut short', 'removed; its answers are still in the journal and are sealed again');
    }
  }

  get batches(): readonly BatchRecord[] {
    return this.document.data.batches;
  }

  get last(): BatchRecord | undefined {
    return this.document.data.batches.at(-1);
  }

  /** The highest sequence number inside any batch; answers above it are not sealed yet. */
  get sealedThrough(): number {
    return this.link?.seqTo ?? 0;
  }

  get exportedAnswers(): number {
    return this.document.data.batches.reduce((sum, batch) => sum + (batch.exports.length > 0 ? batch.count : 0), 0);
  }

  get lastExportedAt(): string | null {
    let latest: string | null = null;
    for (const batch of this.document.data.batches) {
      const at = batch.exports.at(-1)?.at;
      if (at !== undefined && (latest === null || Date.parse(at) > Date.parse(latest))) latest = at;
    }
    return latest;
  }

  /** The batch the next one chains to: the newest indexed, or the newest purged one when the index lost it. */
  private get link(): ChainLink | undefined {
    const last = this.last;
    if (this.purgedTail === null || (last !== undefined && last.number >= this.purgedTail.number)) return last;
    return this.purgedTail;
  }

  /** The number the next sealed batch gets. */
  get nextNumber(): number {
    return (this.link?.number ?? 0) + 1;
  }

  find(number: number): BatchRecord | undefined {
    return this.document.data.batches.find((batch) => batch.number === number);
  }

  pathOf(number: number): string {
    return join(this.context.dataDir, 'batches', `${String(number).padStart(6, '0')}.json`);
  }

  /**
   * The batch's council report as its first export wrote it (see `pinnedReport`). Named by the
   * batch's hash too: a batch file lost and sealed again under its number must not inherit the
   * report of the batch it replaced.
   */
  reportPathOf(number: number, hash: string): string {
    return join(this.context.dataDir, 'batches', `${String(number).padStart(6, '0')}.${hash.slice(0, 16)}.report.html`);
  }

  /**
   * Writes the next batch's file, then its index entry; the caller picks the answers. They stream
   * past once: each is masked and rendered as it comes, parked on disk until the opening line
   * (count, range, polls) can be written. Null when there was no answer.
   */
  async seal(input: SealInput): Promise<BatchRecord | null> {
    const previous = this.link;
    const number = this.nextNumber;
    // Gapless between batches even when the journal lost answers: the range shows the hole.
    const seqFrom = (previous?.seqTo ?? 0) + 1;
    const spill = await AnswerSpill.create(this.context.fileSystem, `${this.pathOf(number)}.answers.${randomUUID().slice(0, 8)}.tmp`, input.onAnswer);
    try {
      for await (const response of input.answers) {
        if (response.seq < seqFrom) throw new Error(`Answer ${response.seq} is already in batch ${previous?.number ?? 0}`);
        await spill.add(response);
      }
      if (spill.count === 0) return null;
      const header: BatchHeader = {
        kioskId: input.kioskId,
        site: input.site,
        number,
        previousHash: previous?.hash ?? null,
        createdAt: input.createdAt,
        seqFrom,
        seqTo: spill.seqTo,
        count: spill.count,
        sealedBy: input.sealedBy,
      };
      const polls = input.polls(spill.polls);
      const written = await writeBatchBody(this.context.fileSystem, this.pathOf(number), header, polls, spill.body());
      await input.onSealed?.(header, polls, written.sha256);
      const record: BatchRecord = {
        ...header,
        ...spill.counts,
        hash: written.sha256,
        bytes: written.bytes,
        language: input.language,
        csvDialect: input.csvDialect,
        exports: [],
      };
      await this.replace([...this.document.data.batches, record]);
      return record;
    } finally {
      await spill.remove();
    }
  }

  async markExported(number: number, at: string, folder: string): Promise<void> {
    const next = this.document.data.batches.map((batch) =>
      batch.number === number ? { ...batch, exports: [...batch.exports, { at, folder }].slice(-keptExports) } : batch,
    );
    await this.replace(next);
  }

  /**
   * Batch files the index does not know: one sealed just before a crash (the file is written
   * before its index entry), or all of them when `batches.json` and its copy were lost. Left
   * out, the next batch would take a number already used and seal the same answers again; so
   * each is checked, chained to the one before, and indexed as never exported.
   */
  private async indexSealedFiles(defaults: { language: LanguageCode; csvDialect: CsvDialect }): Promise<void> {
    const numbers = (await this.context.fileSystem.readdir(join(this.context.dataDir, 'batches')))
      .map((name) => /^(\d{6})\.json$/.exec(name)?.[1])
      .filter((digits) => digits !== undefined)
      .map(Number)
      .filter((number) => number > (this.link?.number ?? 0))
      .sort((left, right) => left - right);
    const found: BatchRecord[] = [];
    for (const number of numbers) {
      const previous = found.at(-1) ?? this.link;
      const path = this.pathOf(number);
      const counts = { comments: 0, masked: 0, burst: 0 };
      let scanned;
      try {
        scanned = await scanBatchFile(this.context.fileSystem, path, {
          onAnswer: (answer) => {
            if (answer.comment !== null) counts.comments += 1;
            if (answer.masked.length > 0) counts.masked += 1;
            if (answer.flags.includes('burst')) counts.burst += 1;
          },
        });
      } catch (error) {
        await this.context.quarantineFile(path, String(error));
        this.context.report(`batches/${basename(path)}`, `damaged (${String(error)})`, 'moved to quarantine, not indexed');
        break;
      }
      const { header } = scanned;
      const isNext = header.number === (previous?.number ?? 0) + 1 && header.previousHash === (previous?.hash ?? null);
      if (!isNext || header.seqFrom !== (previous?.seqTo ?? 0) + 1) {
        this.context.report(`batches/${basename(path)}`, 'does not follow the batches before it', 'left out of the index');
        break;
      }
      found.push({ ...header, ...counts, hash: scanned.sha256, bytes: scanned.bytes, ...defaults, exports: [] });
    }
    if (found.length === 0) return;
    await this.replace([...this.document.data.batches, ...found]);
    const numbersFound = found.map((batch) => batch.number).join(', ');
    this.context.report('batches.json', `batch ${numbersFound} missing from the index`, 'indexed again from the sealed batch files, as not exported');
  }

  private async replace(batches: BatchRecord[]): Promise<void> {
    await this.document.replace({ batches });
  }
}
