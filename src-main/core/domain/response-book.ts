import { join } from 'node:path';
import { z } from 'zod';
import { identifierSchema } from '../../../src-shared/contract/polls';
import { responseSchema, type StoredResponse } from '../../../src-shared/contract/responses';
import { KerroError } from '../errors';
import { Journal } from '../store/journal';
import type { StoreContext } from '../store/store-context';

const journalLineSchema = z.discriminatedUnion('type', [
  z.object({ v: z.literal(1), type: z.literal('response'), response: responseSchema }),
  z.object({
    v: z.literal(1),
    type: z.literal('followUp'),
    responseId: z.uuid(),
    topics: z.array(identifierSchema),
    comment: z.string().nullable(),
  }),
]);

type JournalLine = z.output<typeof journalLineSchema>;

export type ResponseDraft = Omit<StoredResponse, 'seq' | 'topics' | 'comment'>;

interface Pending {
  line: (seq: number) => JournalLine;
  resolve: (line: JournalLine) => void;
  reject: (error: unknown) => void;
}

export const defaultSegmentCapacity = 1000;

/**
 * The answers. Submissions that arrive together are written as one group with one flush
 * (group commit); sequence numbers are handed out only when a group is on disk, so a failed
 * write leaves no gap.
 */
export class ResponseBook {
  private readonly responses: StoredResponse[] = [];
  private readonly indexById = new Map<string, number>();
  private nextSeq = 1;
  private queue: Pending[] = [];
  private isFlushing = false;
  private idleWaiters: (() => void)[] = [];
  /** Answers up to this sequence number are sealed into an export batch and must not change. */
  private frozenSeq = 0;
  /** Answers up to this sequence number were purged under the retention rule (see RetentionPurge). */
  private purgedSeq = 0;

  private constructor(
    private readonly journal: Journal,
    private readonly journalFileSystem: StoreContext['fileSystem'],
  ) {}

  /**
   * `purgedThrough` is the retention floor. An answer at or below it may still be in the journal:
   * its segment also holds newer answers, or the purge was cut short before it deleted the file.
   * Such an answer is passed over, as is a follow-up to it; neither is damage, and the numbers up
   * to the floor count as used, so they are neither reported missing nor handed out again.
   */
  static async open(context: StoreContext, segmentCapacity = defaultSegmentCapacity, purgedThrough = 0): Promise<ResponseBook> {
    const { journal, lines } = await Journal.open(
      context,
      join(context.dataDir, 'answers'),
      { segmentCapacity },
      (value) => journalLineSchema.safeParse(value).success,
    );
    const book = new ResponseBook(journal, context.fileSystem);
    book.purgedSeq = purgedThrough;
    book.nextSeq = purgedThrough + 1;
    for (const value of lines) book.apply(journalLineSchema.parse(value), context);
    const gaps = book.responses.length === 0 ? 0 : book.nextSeq - 1 - purgedThrough - book.responses.length;
    if (gaps > 0) context.report('answers', `${gaps} sequence number(s) missing`, 'kept numbering after the highest one');
    return book;
  }

  get count(): number {
    return this.responses.length;
  }

  get segments(): number {
    return this.journal.segments;
  }

  get lastAnsweredAt(): string | null {
    return this.responses.at(-1)?.answeredAt ?? null;
  }

  get kioskIdOfLatest(): string | null {
    return this.responses.at(-1)?.kioskId ?? null;
  }

  get(id: string): StoredResponse | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : this.responses[index];
  }

  all(): readonly StoredResponse[] {
    return this.responses;
  }

  async submit(draft: ResponseDraft): Promise<StoredResponse> {
    const line = await this.enqueue((seq) => ({
      v: 1,
      type: 'response',
      response: { ...draft, seq, topics: [], comment: null },
    }));
    if (line.type !== 'response') throw new KerroError('internal', 'Unexpected journal line');
    return line.response;
  }

  get frozenThrough(): number {
    return this.frozenSeq;
  }

  /**
   * Marks answers up to `seq` as sealed: a follow-up to one of them is refused from now on, as
   * it would change a batch whose hash is already taken. Lowering it undoes a failed seal.
   */
  freezeThrough(seq: number): void {
    this.frozenSeq = seq;
  }

  isFrozen(response: StoredResponse): boolean {
    return response.seq <= this.frozenSeq;
  }

  get purgedThrough(): number {
    return this.purgedSeq;
  }

  /**
   * Numbers up to `seq` are taken (a sealed batch covers them) even when the journal no longer
   * holds those answers: the next answer must never reuse one.
   */
  continueAfter(seq: number): void {
    this.nextSeq = Math.max(this.nextSeq, seq + 1);
  }

  /**
   * Forgets the answers up to `seq` once the purge floor is on disk; returns how many were held.
   * Only sealed answers may go: anything not in a batch is refused, whatever the caller says.
   */
  forgetThrough(seq: number): number {
    if (seq > this.frozenSeq) throw new KerroError('internal', `Answers up to ${seq} are not all sealed into a batch`);
    this.purgedSeq = Math.max(this.purgedSeq, seq);
    this.continueAfter(seq);
    const cut = this.responses.findIndex((response) => response.seq > seq);
    const removed = this.responses.splice(0, cut === -1 ? this.responses.length : cut);
    if (removed.length === 0) return 0;
    this.indexById.clear();
    this.responses.forEach((response, index) => this.indexById.set(response.id, index));
    return removed.length;
  }

  /**
   * Deletes the journal's sealed segments whose every answer is at or below the purge floor. A
   * segment that also holds a newer answer stays whole (a sealed segment is never rewritten);
   * its older answers are passed over when it is read, and it goes at a later purge.
   */
  deleteSegmentsThroughFloor(): Promise<number> {
    const floor = this.purgedSeq;
    return this.journal.deleteOldestSealed(async (path) => (await lastAnswerIn(this.journalFileSystem, path)) <= floor);
  }

  /** Resolves once every write queued so far is on disk and applied (or refused). */
  whenIdle(): Promise<void> {
    if (!this.isFlushing && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async followUp(responseId: string, topics: string[], comment: string | null): Promise<void> {
    const response = this.get(responseId);
    if (response === undefined) throw new KerroError('not_found', 'No such answer');
    if (this.isFrozen(response)) throw new KerroError('conflict', 'This answer has already been exported and can no longer be added to');
    await this.enqueue(() => ({ v: 1, type: 'followUp', responseId, topics, comment }));
  }

  async close(): Promise<void> {
    await this.journal.close();
  }

  private enqueue(line: Pending['line']): Promise<JournalLine> {
    return new Promise((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      void this.flushQueue();
    });
  }

  private async flushQueue(): Promise<void> {
    if (this.isFlushing) return;
    this.isFlushing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue;
        this.queue = [];
        await this.flushGroup(group);
      }
    } finally {
      this.isFlushing = false;
      if (this.queue.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private async flushGroup(group: Pending[]): Promise<void> {
    let seq = this.nextSeq;
    const lines = group.map((pending) => {
      const line = pending.line(seq);
      if (line.type === 'response') seq += 1;
      return line;
    });
    try {
      await this.journal.append(lines.map((line) => JSON.stringify(line)));
    } catch (error) {
      const failure = new KerroError('storage_failed', `The answer could not be saved (${String(error)})`);
      for (const pending of group) pending.reject(failure);
      return;
    }
    lines.forEach((line, index) => {
      this.apply(line);
      group[index]?.resolve(line);
    });
  }

  private apply(line: JournalLine, context?: StoreContext): void {
    if (line.type === 'response') {
      if (line.response.seq <= this.purgedSeq) return;
      if (this.indexById.has(line.response.id) || line.response.seq < this.nextSeq) {
        context?.report('answers', `duplicate answer ${line.response.seq}`, 'kept the first copy');
        return;
      }
      this.indexById.set(line.response.id, this.responses.length);
      this.responses.push(line.response);
      this.nextSeq = line.response.seq + 1;
      return;
    }
    const index = this.indexById.get(line.responseId);
    const response = index === undefined ? undefined : this.responses[index];
    if (index === undefined || response === undefined) return;
    this.responses[index] = { ...response, topics: line.topics, comment: line.comment };
  }
}

/**
 * The highest answer number in a segment, read from its end. Answers are written in number order,
 * so the last answer line holds it; a segment of follow-ups only refers to answers before it and
 * counts as 0. A line that cannot be read counts as infinitely high: when unsure, keep the file.
 */
async function lastAnswerIn(fileSystem: StoreContext['fileSystem'], path: string): Promise<number> {
  const lines = (await fileSystem.readFile(path, 'utf8')).trimEnd().split('\n');
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const text = lines[index];
    if (text === undefined || text === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return Number.POSITIVE_INFINITY;
    }
    const line = journalLineSchema.safeParse(parsed);
    if (!line.success) return Number.POSITIVE_INFINITY;
    if (line.data.type === 'response') return line.data.response.seq;
  }
  return 0;
}
