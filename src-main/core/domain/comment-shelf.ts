import { z } from 'zod';
import { responseSchema, type StoredResponse } from '../../../src-shared/contract/responses';
import { localDayOf } from './answer-tally';
import { answerText } from './journal-line';

/**
 * Live results show a poll's newest comments (200 at most; see poll-results). This many commented
 * answers are held per poll, a fifth more than that, so leaving out burst-flagged ones seldom
 * has to read older ones from disk.
 */
export const heldCommentsPerPoll = 240;

export const pollCommentsSchema = z.object({
  /** Every commented answer of the poll numbered above this is held; none at or below it is. */
  floorSeq: z.number().int().min(0),
  /** The latest local day of any commented answer at or below the floor; '' when there is none. */
  floorDay: z.string(),
  /** In number order, oldest first. */
  answers: z.array(responseSchema),
});

export const commentShelfSchema = z.record(z.string(), pollCommentsSchema);

export type CommentShelfData = z.output<typeof commentShelfSchema>;
type PollComments = z.output<typeof pollCommentsSchema>;

export const hasComment = (response: StoredResponse): boolean => answerText(response) !== null || response.comment !== null;

/**
 * The newest commented answers of each poll, kept as answers and follow-ups arrive and
 * checkpointed with the rest of the state, so live results need not read the journal for them.
 * Its size grows with the polls that have comments, never with the answers.
 */
export class CommentShelf {
  private constructor(private readonly data: CommentShelfData) {}

  static empty(): CommentShelf {
    return new CommentShelf({});
  }

  static from(data: CommentShelfData): CommentShelf {
    return new CommentShelf(data);
  }

  toJSON(): CommentShelfData {
    return this.data;
  }

  /** An answer as it is now (new, or changed by a follow-up): held while it has a comment, let go when it has none. */
  put(response: StoredResponse): void {
    const poll = this.data[response.pollId];
    const index = poll === undefined ? -1 : findIndex(poll.answers, response.seq);
    if (poll !== undefined && index !== -1) {
      if (hasComment(response)) poll.answers[index] = response;
      else poll.answers.splice(index, 1);
      return;
    }
    if (!hasComment(response)) return;
    const shelf = (this.data[response.pollId] ??= { floorSeq: 0, floorDay: '', answers: [] });
    if (response.seq <= shelf.floorSeq) {
      // Commented after newer comments pushed it below the floor: the floor's day must still cover it.
      shelf.floorDay = laterDay(shelf.floorDay, localDayOf(response.answeredAt));
      return;
    }
    let at = shelf.answers.length;
    while (at > 0 && (shelf.answers[at - 1]?.seq ?? 0) > response.seq) at -= 1;
    shelf.answers.splice(at, 0, response);
    while (shelf.answers.length > heldCommentsPerPoll) {
      const dropped = shelf.answers.shift();
      if (dropped === undefined) break;
      shelf.floorSeq = dropped.seq;
      shelf.floorDay = laterDay(shelf.floorDay, localDayOf(dropped.answeredAt));
    }
  }

  /** Lets go of purged answers (at or below `seq`). */
  forget(seq: number): void {
    for (const shelf of Object.values(this.data)) {
      const kept = shelf.answers.filter((response) => response.seq > seq);
      if (kept.length !== shelf.answers.length) shelf.answers = kept;
    }
  }

  /**
   * The poll's held commented answers on the days from `from` to `to`, newest first, and whether
   * they are all there are: false when older commented answers on those days may be on disk only,
   * below `floorSeq`.
   */
  newestFirst(pollId: string, from: string | null, to: string | null): { answers: StoredResponse[]; isWhole: boolean; floorSeq: number } {
    const shelf: PollComments | undefined = this.data[pollId];
    if (shelf === undefined) return { answers: [], isWhole: true, floorSeq: 0 };
    const answers: StoredResponse[] = [];
    for (let index = shelf.answers.length - 1; index >= 0; index -= 1) {
      const response = shelf.answers[index];
      if (response === undefined) continue;
      const day = localDayOf(response.answeredAt);
      if ((from === null || day >= from) && (to === null || day <= to)) answers.push(response);
    }
    const isWhole = shelf.floorDay === '' || (from !== null && shelf.floorDay < from);
    return { answers, isWhole, floorSeq: shelf.floorSeq };
  }
}

function findIndex(answers: readonly StoredResponse[], seq: number): number {
  for (let index = answers.length - 1; index >= 0; index -= 1) {
    const held = answers[index];
    if (held === undefined || held.seq < seq) return -1;
    if (held.seq === seq) return index;
  }
  return -1;
}

const laterDay = (left: string, right: string): string => (right > left ? right : left);
