import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isOutcomeShown, outcomeLimit, outcomeSchema, type Outcome } from '../../../src-shared/contract/outcomes';
import { KerroError } from '../errors';
import { declareDocument, openDocument, type DocumentData, type DurableDocument } from '../store/document';
import type { StoreContext } from '../store/store-context';

const outcomesDocumentSpec = declareDocument('outcomes.json', z.object({ outcomes: z.array(outcomeSchema) }));
type OutcomesDocument = DocumentData<typeof outcomesDocumentSpec>;

export interface OutcomeFields {
  text: Outcome['text'];
  startsOn: string;
  endsOn: string;
}

/** "You said, we did": the council's outcomes, in their own durable document. */
export class OutcomeBook {
  private constructor(private readonly document: DurableDocument<OutcomesDocument>) {}

  static async open(context: StoreContext): Promise<OutcomeBook> {
    const { document } = await openDocument(context, outcomesDocumentSpec, () => ({ outcomes: [] }));
    return new OutcomeBook(document);
  }

  /** First day first, so the staff list reads as a calendar. */
  all(): Outcome[] {
    return [...this.document.data.outcomes].sort((left, right) => left.startsOn.localeCompare(right.startsOn) || left.createdAt.localeCompare(right.createdAt));
  }

  shownOn(today: string): Outcome[] {
    return this.all().filter((outcome) => isOutcomeShown(outcome, today));
  }

  find(id: string): Outcome | undefined {
    return this.document.data.outcomes.find((outcome) => outcome.id === id);
  }

  async save(id: string | null, fields: OutcomeFields, createdAt: string): Promise<Outcome> {
    const existing = id === null ? undefined : this.find(id);
    if (id !== null && existing === undefined) throw new KerroError('not_found', 'No such outcome');
    if (existing === undefined && this.document.data.outcomes.length >= outcomeLimit) {
      throw new KerroError('conflict', `At most ${outcomeLimit} outcomes; remove old ones first`);
    }
    const outcome: Outcome = { id: existing?.id ?? randomUUID(), createdAt: existing?.createdAt ?? createdAt, ...fields };
    const others = this.document.data.outcomes.filter((known) => known.id !== outcome.id);
    await this.replace([...others, outcome]);
    return outcome;
  }

  async remove(id: string): Promise<void> {
    if (this.find(id) === undefined) throw new KerroError('not_found', 'No such outcome');
    await this.replace(this.document.data.outcomes.filter((outcome) => outcome.id !== id));
  }

  /**
   * Outcomes from a poll pack: those not here yet are added, in one durable write. An id that is
   * here already keeps this kiosk's version, since its staff may have corrected it since.
   */
  async addMissing(outcomes: readonly Outcome[]): Promise<number> {
    const fresh = outcomes.filter((outcome) => this.find(outcome.id) === undefined);
    if (fresh.length === 0) return 0;
    if (this.document.data.outcomes.length + fresh.length > outcomeLimit) throw new KerroError('conflict', `At most ${outcomeLimit} outcomes`);
    await this.replace([...this.document.data.outcomes, ...fresh]);
    return fresh.length;
  }

  private async replace(outcomes: Outcome[]): Promise<void> {
    await this.document.replaceOr({ outcomes }, (error) => new KerroError('storage_failed', `The outcomes could not be saved (${String(error)})`));
  }
}
