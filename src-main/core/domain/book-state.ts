import type { StoredResponse } from '../../../src-shared/contract/responses';
import type { StoreContext } from '../store/store-context';
import type { Checkpoint } from './answer-checkpoint';
import { AnswerTally, localDayOf } from './answer-tally';
import { CommentShelf, hasComment } from './comment-shelf';
import type { JournalLine } from './journal-line';
import { addAnswerToEntry, emptyEntry, markComment, touchEntry, type SegmentEntry } from './segment-index';

/** A follow-up belongs to the visit it came from; later additions would rewrite history. */
export const followUpWindowMs = 15 * 60_000;

/**
 * Answers held for follow-ups: those within twice the window of the newest, so a clock a little
 * behind never loses one a parent may still add to; and never more than this many.
 */
const recentKeptMs = 2 * followUpWindowMs;
const recentLimit = 20_000;

interface RecentAnswer {
  segment: number;
  response: StoredResponse;
}

/**
 * The answer book's small state, built line by line as answers are written or replayed: what
 * the kiosk needs at run time without holding the answers themselves.
 */
export class BookState {
  nextSeq = 1;
  count = 0;
  lastAnsweredAt: string | null = null;
  kioskIdOfLatest: string | null = null;
  tally = AnswerTally.empty();
  comments = CommentShelf.empty();
  segments: SegmentEntry[] = [];
  readonly recent = new Map<string, RecentAnswer>();
  /** The text of the last line applied: the checkpoint names it so opening can check it is still there. */
  private lastLine: string | null = null;

  private constructor(public purgedSeq: number) {}

  static empty(purgedSeq: number): BookState {
    const state = new BookState(purgedSeq);
    state.nextSeq = purgedSeq + 1;
    return state;
  }

  static from(checkpoint: Checkpoint): BookState {
    const state = new BookState(checkpoint.purgedSeq);
    state.nextSeq = checkpoint.nextSeq;
    state.count = checkpoint.count;
    state.lastAnsweredAt = checkpoint.lastAnsweredAt;
    state.kioskIdOfLatest = checkpoint.kioskIdOfLatest;
    state.tally = AnswerTally.from(checkpoint.tally);
    state.comments = CommentShelf.from(checkpoint.comments);
    state.segments = checkpoint.segments;
    for (const held of checkpoint.recent) state.recent.set(held.response.id, held);
    state.lastLine = checkpoint.lastLine;
    return state;
  }

  toCheckpoint(position: { segment: number; offset: number }): Checkpoint {
    return {
      v: 2,
      segment: position.segment,
      offset: position.offset,
      lastLine: position.offset === 0 ? null : this.lastLine,
      nextSeq: this.nextSeq,
      count: this.count,
      purgedSeq: this.purgedSeq,
      lastAnsweredAt: this.lastAnsweredAt,
      kioskIdOfLatest: this.kioskIdOfLatest,
      tally: this.tally.toJSON(),
      comments: this.comments.toJSON(),
      segments: this.segments,
      recent: [...this.recent.values()],
    };
  }

  /** Applies lines written to (or read from) segment `number`, in order. */
  applySegment(number: number, lines: readonly JournalLine[], texts: readonly string[], context?: StoreContext): void {
    const entry = this.entryFor(number);
    for (const line of lines) this.apply(entry, line, context);
    for (const text of texts) entry.bytes += Buffer.byteLength(text) + 1;
    this.lastLine = texts.at(-1) ?? this.lastLine;
  }

  /** How many kept answers are numbered after `seq`; a segment with a gap in its numbers is counted by reading it. */
  async countAfter(seq: number, countRead: (afterSeq: number, throughSeq: number) => Promise<number>): Promise<number> {
    const after = Math.max(seq, this.purgedSeq);
    let total = 0;
    for (const entry of this.segments) {
      if (entry.count === 0 || entry.lastSeq <= after) continue;
      if (entry.firstSeq > after) total += entry.count;
      else if (entry.lastSeq - entry.firstSeq + 1 === entry.count) total += entry.lastSeq - after;
      else total += await countRead(after, entry.lastSeq);
    }
    return total;
  }

  /** Takes purged answers (read from disk before) out of the counts. */
  forget(seq: number, purged: readonly StoredResponse[]): void {
    for (const response of purged) this.tally.remove(response);
    this.count -= purged.length;
    this.purgedSeq = Math.max(this.purgedSeq, seq);
    this.comments.forget(this.purgedSeq);
    for (const [id, held] of this.recent) if (held.response.seq <= seq) this.recent.delete(id);
  }

  /** Whether every line of the segment concerns an answer at or below the floor; an unknown segment is kept. */
  isSegmentPurged(number: number, floor: number): boolean {
    const entry = this.segments.find((candidate) => candidate.number === number);
    return entry !== undefined && entry.high <= floor;
  }

  dropSegments(numbers: readonly number[]): void {
    const dropped = new Set(numbers);
    this.segments = this.segments.filter((entry) => !dropped.has(entry.number));
  }

  private entryFor(number: number): SegmentEntry {
    for (let index = this.segments.length - 1; index >= 0; index -= 1) {
      const entry = this.segments[index];
      if (entry?.number === number) return entry;
      if (entry !== undefined && entry.number < number) break;
    }
    const entry = emptyEntry(number);
    this.segments.push(entry);
    this.segments.sort((left, right) => left.number - right.number);
    return entry;
  }

  private apply(entry: SegmentEntry, line: JournalLine, context?: StoreContext): void {
    if (line.type === 'response') {
      const { response } = line;
      if (response.seq <= this.purgedSeq) return;
      if (response.seq < this.nextSeq || this.recent.has(response.id)) {
        context?.report('answers', `duplicate answer ${response.seq}`, 'kept the first copy');
        return;
      }
      this.count += 1;
      this.nextSeq = response.seq + 1;
      this.lastAnsweredAt = response.answeredAt;
      this.kioskIdOfLatest = response.kioskId;
      this.tally.add(response);
      addAnswerToEntry(entry, response.seq, localDayOf(response.answeredAt));
      if (hasComment(response)) {
        markComment(entry, response.pollId);
        this.comments.put(response);
      }
      this.recent.set(response.id, { segment: entry.number, response });
      this.trimRecent(Date.parse(response.answeredAt));
      return;
    }
    const held = this.recent.get(line.responseId);
    if (held === undefined) return;
    const { response } = held;
    touchEntry(entry, response.seq, localDayOf(response.answeredAt));
    // A comment added, or one taken away again: both segments are read for the poll's comments.
    if (line.comment !== null || response.comment !== null) {
      markComment(entry, response.pollId);
      markComment(this.entryFor(held.segment), response.pollId);
    }
    held.response = { ...response, topics: line.topics, comment: line.comment };
    this.comments.put(held.response);
  }

  private trimRecent(newest: number): void {
    for (const [id, held] of this.recent) {
      const isOld = newest - Date.parse(held.response.answeredAt) > recentKeptMs;
      if (!isOld && this.recent.size <= recentLimit) break;
      this.recent.delete(id);
    }
  }
}
