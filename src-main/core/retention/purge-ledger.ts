import { z } from 'zod';
import { sha256Schema } from '../../../src-shared/contract/batch-format';
import { purgeSummarySchema, type PurgeSummary } from '../../../src-shared/contract/retention';
import type { ChainLink } from '../batches/batch-book';
import { declareDocument, openDocument, type DocumentData, type DurableDocument } from '../store/document';
import type { StoreContext } from '../store/store-context';

/**
 * Every purge that removed something, oldest first. A batch is purged once, so there is at most
 * one entry per batch and the file grows no faster than `batches.json`; that is why it is kept
 * whole: each purged batch's date stays known for the staff screens and the refusal message.
 */
const purgeRecordSchema = purgeSummarySchema.extend({
  /** The hash of batch `batchTo`: with it the chain goes on even if `batches.json` is lost later. */
  hashTo: sha256Schema,
});

export type PurgeRecord = z.output<typeof purgeRecordSchema>;

const retentionDocumentSpec = declareDocument('retention.json', z.object({ purges: z.array(purgeRecordSchema) }));
type RetentionDocument = DocumentData<typeof retentionDocumentSpec>;

/**
 * The purge floor: answers up to `floorSeq` (batches up to `floorBatch`) were removed under the
 * retention rule. It is written durably before any file is deleted, so after a crash the next
 * open knows what was meant to go, finishes the deletion, and never takes a missing answer for
 * a lost one or hands its number out again.
 */
export class PurgeLedger {
  private constructor(private readonly document: DurableDocument<RetentionDocument>) {}

  static async open(context: StoreContext): Promise<PurgeLedger> {
    const { document } = await openDocument(context, retentionDocumentSpec, () => ({ purges: [] }));
    return new PurgeLedger(document);
  }

  get purges(): readonly PurgeRecord[] {
    return this.document.data.purges;
  }

  get last(): PurgeRecord | null {
    return this.document.data.purges.at(-1) ?? null;
  }

  /** The last purge as the staff screens show it. */
  get lastSummary(): PurgeSummary | null {
    const last = this.last;
    if (last === null) return null;
    const { at, answers, batchFrom, batchTo, seqFrom, seqTo, retentionDays } = last;
    return { at, answers, batchFrom, batchTo, seqFrom, seqTo, retentionDays };
  }

  get tail(): ChainLink | null {
    const last = this.last;
    return last === null ? null : { number: last.batchTo, seqTo: last.seqTo, hash: last.hashTo };
  }

  get floorSeq(): number {
    return this.last?.seqTo ?? 0;
  }

  get floorBatch(): number {
    return this.last?.batchTo ?? 0;
  }

  /** When batch `number` was purged, or null while it is still on the kiosk. */
  purgedAt(number: number): string | null {
    if (number > this.floorBatch) return null;
    return this.document.data.purges.find((purge) => purge.batchFrom <= number && number <= purge.batchTo)?.at ?? this.last?.at ?? null;
  }

  /**
   * Raises the floor, durably. Memory changes before the write so that a re-export asked for
   * meanwhile is already refused; a failed write puts memory back and nothing was purged.
   */
  async record(purge: PurgeRecord): Promise<void> {
    if (purge.batchFrom !== this.floorBatch + 1 || purge.seqTo <= this.floorSeq) {
      throw new Error(`A purge must continue from batch ${this.floorBatch + 1} and answer ${this.floorSeq + 1}`);
    }
    await this.document.replace({ purges: [...this.document.data.purges, purge] });
  }
}
