import { join } from 'node:path';
import type { StoredResponse } from '../../../src-shared/contract/responses';
import { DiskFault, KerroError } from '../errors';
import { Journal } from '../store/journal';
import type { StoreContext } from '../store/store-context';
import { readCheckpoint, removeCheckpointLeftovers, writeCheckpoint, type Checkpoint } from './answer-checkpoint';
import { AnswerIds } from './answer-ids';
import type { AnswerTally } from './answer-tally';
import { BookState } from './book-state';
import { journalLineSchema, type JournalLine } from './journal-line';
import { readCommentedNewestFirst, readDays, readSeqRange, streamSeqRange, type ReadSource } from './response-reader';

/** An answer as handed in: the book gives it its id and number. */
export type ResponseDraft = Omit<StoredResponse, 'id' | 'seq' | 'topics' | 'comment'>;

interface Pending {
  line: (seq: number) => JournalLine;
  resolve: (line: JournalLine) => void;
  reject: (error: unknown) => void;
}

export const defaultSegmentCapacity = 1000;

const isValidLine = (value: unknown) => journalLineSchema.safeParse(value).success;

/**
 * The answers. Submissions that arrive together are written as one group with one flush
 * (group commit); sequence numbers are handed out only when a group is on disk, so a failed
 * write leaves no gap. Only small state is held (numbers, counts, the answers still open to a
 * follow-up, what each segment holds); it is checkpointed whenever a segment is sealed, and
 * everything else is read from the journal when asked for.
 */
export class ResponseBook {
  private queue: Pending[] = [];
  private isFlushing = false;
  private idleWaiters: (() => void)[] = [];
  /** Answers up to this sequence number are sealed into an export batch and must not change. */
  private frozenSeq = 0;
  private checkpointing: Promise<void> = Promise.resolve();
  /** Set while writes are in flight: the checkpoint is taken once the state has caught up with the journal. */
  private isCheckpointWanted = false;
  private readonly ids = new AnswerIds();

  private constructor(
    private readonly context: StoreContext,
    /** The folder of the checkpoint, beside the journal's. */
    private readonly checkpointDir: string,
    private readonly journal: Journal,
    private readonly state: BookState,
  ) {}

  /**
   * `purgedThrough` is the retention floor. An answer at or below it may still be in the journal:
   * its segment also holds newer answers, or the purge was cut short before it deleted the file.
   * Such an answer is passed over, as is a follow-up to it; neither is damage, and the numbers up
   * to the floor count as used, so they are neither reported missing nor handed out again.
   */
  static async open(context: StoreContext, segmentCapacity = defaultSegmentCapacity, purgedThrough = 0): Promise<ResponseBook> {
    const directory = join(context.dataDir, 'answers');
    const checkpoints = join(context.dataDir, 'checkpoint');
    await context.fileSystem.mkdir(checkpoints, { recursive: true });
    await removeCheckpointLeftovers(context, checkpoints);
    const checkpoint = await readCheckpoint(context, checkpoints);
    const options = { segmentCapacity };
    let book: ResponseBook | null = null;
    if (checkpoint !== null && checkpoint.purgedSeq === purgedThrough) {
      book = await ResponseBook.openFrom(context, directory, checkpoints, options, checkpoint);
      // Nothing is lost: the journal holds every answer, and the state is rebuilt from it.
      if (book === null) context.logger.warn('answers.checkpointStale', { segment: checkpoint.segment, offset: checkpoint.offset });
    }
    if (book === null) {
      // No usable checkpoint (a new kiosk, or one written before a purge it missed): every line is read once.
      const state = BookState.empty(purgedThrough);
      const { journal } = await Journal.open(context, directory, options, isValidLine, 1, (segment, recovered) => {
        state.applySegment(segment.number, recovered.lines.map((value) => journalLineSchema.parse(value)), recovered.texts, context);
      });
      book = new ResponseBook(context, checkpoints, journal, state);
      book.scheduleCheckpoint();
    }
    const { state } = book;
    const gaps = state.count === 0 ? 0 : state.nextSeq - 1 - state.purgedSeq - state.count;
    if (gaps > 0) context.report('answers', `${gaps} sequence number(s) missing`, 'kept numbering after the highest one');
    return book;
  }

  /** Trusts the checkpoint only when the journal still holds what it describes; otherwise null. */
  private static async openFrom(
    context: StoreContext,
    directory: string,
    checkpoints: string,
    options: { segmentCapacity: number },
    checkpoint: Checkpoint,
  ): Promise<ResponseBook | null> {
    const state = BookState.from(checkpoint);
    let isValid = checkpoint.offset === 0;
    const { journal, segments } = await Journal.open(context, directory, options, isValidLine, checkpoint.segment, (segment, recovered) => {
      let start = 0;
      if (segment.number === checkpoint.segment && checkpoint.offset > 0) {
        const index = recovered.ends.indexOf(checkpoint.offset);
        if (index === -1 || recovered.texts[index] !== checkpoint.lastLine) return;
        isValid = true;
        start = index + 1;
      }
      const lines = recovered.lines.slice(start).map((value) => journalLineSchema.parse(value));
      state.applySegment(segment.number, lines, recovered.texts.slice(start), context);
    });
    // Sealed segments are never rewritten: each must be there, at the size it had when sealed.
    const sealed = segments.filter((segment) => segment.number < checkpoint.segment);
    const known = checkpoint.segments.filter((entry) => entry.number < checkpoint.segment);
    const sizes = await Promise.all(sealed.map(async (segment) => (await context.fileSystem.stat(join(directory, segment.name))).size));
    const isWhole = sealed.length === known.length && known.every((entry, index) => entry.number === sealed[index]?.number && entry.bytes === sizes[index]);
    if (isValid && isWhole) return new ResponseBook(context, checkpoints, journal, state);
    await journal.close();
    return null;
  }

  get count(): number {
    return this.state.count;
  }

  get segments(): number {
    return this.journal.segments;
  }

  get lastAnsweredAt(): string | null {
    return this.state.lastAnsweredAt;
  }

  get kioskIdOfLatest(): string | null {
    return this.state.kioskIdOfLatest;
  }

  /** The newest answer's number, or the purge floor when none is kept. */
  get newestSeq(): number {
    return this.state.nextSeq - 1;
  }

  get tally(): AnswerTally {
    return this.state.tally;
  }

  /** An answer still inside the follow-up window; older ones are on disk only. */
  get(id: string): StoredResponse | undefined {
    return this.state.recent.get(id)?.response;
  }

  /** How many kept answers are numbered after `seq`. */
  countAfter(seq: number): Promise<number> {
    return this.state.countAfter(seq, async (afterSeq, throughSeq) => (await this.readRange(afterSeq, throughSeq)).length);
  }

  /** Kept answers numbered after `afterSeq` up to `throughSeq` (by default the newest), read from disk. */
  readRange(afterSeq = 0, throughSeq = this.newestSeq): Promise<StoredResponse[]> {
    return readSeqRange(this.source(), afterSeq, throughSeq);
  }

  /** The same answers as `readRange`, one at a time and oldest first, without holding the range. */
  streamRange(afterSeq = 0, throughSeq = this.newestSeq): AsyncGenerator<StoredResponse> {
    return streamSeqRange(this.source(), afterSeq, throughSeq);
  }

  /** Kept answers given on the local days from `from` to `to`, read from disk. */
  readDays(from: string, to: string): Promise<StoredResponse[]> {
    return readDays(this.source(), from, to);
  }

  /**
   * One poll's commented answers on the days asked for, newest first: the newest from the state,
   * older ones read from disk only if the caller wants more than the state holds.
   */
  async *commentedNewestFirst(pollId: string, from: string | null, to: string | null): AsyncGenerator<StoredResponse> {
    const held = this.state.comments.newestFirst(pollId, from, to);
    yield* held.answers;
    if (!held.isWhole) yield* readCommentedNewestFirst(this.source(), pollId, from, to, held.floorSeq);
  }

  async submit(draft: ResponseDraft): Promise<StoredResponse> {
    const id = this.ids.next();
    const line = await this.enqueue((seq) => ({
      v: 1,
      type: 'response',
      response: { id, ...draft, seq, topics: [], comment: null },
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
    return this.state.purgedSeq;
  }

  /**
   * Numbers up to `seq` are taken (a sealed batch covers them) even when the journal no longer
   * holds those answers: the next answer must never reuse one.
   */
  continueAfter(seq: number): void {
    this.state.nextSeq = Math.max(this.state.nextSeq, seq + 1);
  }

  /**
   * Takes the answers up to `seq` out of the counts once the purge floor is on disk; returns how
   * many were kept. Only sealed answers may go: anything not in a batch is refused, whatever the caller says.
   */
  async forgetThrough(seq: number): Promise<number> {
    if (seq > this.frozenSeq) throw new KerroError('internal', `Answers up to ${seq} are not all sealed into a batch`);
    const purged = seq > this.state.purgedSeq ? await this.readRange(this.state.purgedSeq, seq) : [];
    this.state.forget(seq, purged);
    this.continueAfter(seq);
    this.scheduleCheckpoint();
    return purged.length;
  }

  /**
   * Deletes the journal's sealed segments whose every answer is at or below the purge floor. A
   * segment that also holds a newer answer stays whole (a sealed segment is never rewritten);
   * its older answers are passed over when it is read, and it goes at a later purge.
   */
  async deleteSegmentsThroughFloor(): Promise<number> {
    const floor = this.state.purgedSeq;
    const deleted = await this.journal.deleteOldestSealed((number) => this.state.isSegmentPurged(number, floor));
    if (deleted.length > 0) {
      this.state.dropSegments(deleted);
      this.scheduleCheckpoint();
    }
    return deleted.length;
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

  /** Writes the state as it is now, so the next opening replays nothing. */
  async close(): Promise<void> {
    await this.whenIdle();
    this.scheduleCheckpoint();
    await this.checkpointing;
    await this.journal.close();
  }

  private source(): ReadSource {
    return { journal: this.journal, segments: this.state.segments, purgedSeq: this.state.purgedSeq };
  }

  /**
   * Takes the state and writes it after any checkpoint before it; a failed write is only logged,
   * as the journal holds everything. While a group is being written the journal is ahead of the
   * state, so the state is taken when the writes are done.
   */
  private scheduleCheckpoint(): void {
    if (this.isFlushing) {
      this.isCheckpointWanted = true;
      return;
    }
    this.isCheckpointWanted = false;
    const text = JSON.stringify(this.state.toCheckpoint(this.journal.position));
    this.checkpointing = this.checkpointing
      .then(() => writeCheckpoint(this.context, this.checkpointDir, text))
      .catch((error: unknown) => this.context.logger.warn('answers.checkpointFailed', { message: String(error) }));
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
        // After the answers are acknowledged: a segment they filled is sealed, and the state checkpointed after it.
        if (await this.journal.sealIfFull()) this.isCheckpointWanted = true;
      }
    } finally {
      this.isFlushing = false;
      if (this.isCheckpointWanted) this.scheduleCheckpoint();
      if (this.queue.length === 0 && this.idleWaiters.length > 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private async flushGroup(group: Pending[]): Promise<void> {
    let seq = this.state.nextSeq;
    const lines = group.map((pending) => {
      const line = pending.line(seq);
      if (line.type === 'response') seq += 1;
      return line;
    });
    const texts = lines.map((line) => JSON.stringify(line));
    try {
      // Opening a segment (or cutting back a failed write) is the only work here that waits on the thread pool.
      if (!this.journal.isReady) await this.journal.prepare();
      this.journal.write(texts);
    } catch (error) {
      await this.journal.cutBack();
      const failure = new DiskFault('The answer', error);
      for (const pending of group) pending.reject(failure);
      return;
    }
    this.state.applySegment(this.journal.position.segment, lines, texts);
    lines.forEach((line, index) => group[index]?.resolve(line));
  }
}
