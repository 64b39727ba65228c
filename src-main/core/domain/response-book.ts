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

  private constructor(private readonly journal: Journal) {}

  static async open(context: StoreContext, segmentCapacity = defaultSegmentCapacity): Promise<ResponseBook> {
    const { journal, lines } = await Journal.open(
      context,
      join(context.dataDir, 'answers'),
      { segmentCapacity },
      (value) => journalLineSchema.safeParse(value).success,
    );
    const book = new ResponseBook(journal);
    for (const value of lines) book.apply(journalLineSchema.parse(value), context);
    const gaps = book.responses.length === 0 ? 0 : book.nextSeq - 1 - book.responses.length;
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
