import type { ExportAnswer, PollSnapshot } from '../../../src-shared/contract/batch-format';
import { pollKey } from '../batches/batch-content';
import { audienceOf } from '../../../src-shared/contract/children';
import type { Drawing } from '../../../src-shared/contract/drawing';

/** A printed summary is read at a meeting; past this many, the comments are counted and left to the CSV. */
export const commentsShownPerPoll = 300;

export interface QuotedText {
  text: string;
  answeredAt: string;
}

export interface PollTally {
  pollId: string;
  pollVersion: number;
  snapshot: PollSnapshot | undefined;
  count: number;
  burst: number;
  options: Map<string, number>;
  topics: Map<string, number>;
  comments: QuotedText[];
  texts: QuotedText[];
  /** Comments and text answers left out of the summary because of the limit. */
  notShown: number;
  /** Children's drawings as thumbnails, by answer number; the rest are counted. */
  drawings: { seq: number; drawing: Drawing }[];
  drawingsNotShown: number;
}

/** Thumbnails a printed summary holds per poll; every drawing is in the folder as its own SVG. */
export const drawingsShownPerPoll = 24;

/** Counts a batch answer by answer as it streams past, keeping only what the summary prints. */
export class SummaryTally {
  private readonly tallies = new Map<string, PollTally>();
  private lastTally: PollTally | null = null;
  firstAnsweredAt: string | null = null;
  lastAnsweredAt: string | null = null;
  count = 0;
  masked = 0;
  burst = 0;
  /** Children's answers, counted apart from adults'. */
  children = 0;

  constructor(private polls: readonly PollSnapshot[]) {
    for (const poll of polls) this.tallyOf(poll.id, poll.version);
  }

  /**
   * The batch's polls, named after its answers were counted (a batch sealed as it streams knows
   * them only at its end): the tallies then stand as if the polls had been given first.
   */
  describe(polls: readonly PollSnapshot[]): void {
    const counted = new Map(this.tallies);
    this.tallies.clear();
    this.lastTally = null;
    this.polls = polls;
    for (const poll of polls) {
      const key = pollKey(poll.id, poll.version);
      const tally = counted.get(key) ?? this.tallyOf(poll.id, poll.version);
      tally.snapshot = poll;
      this.tallies.set(key, tally);
      counted.delete(key);
    }
    for (const [key, tally] of counted) this.tallies.set(key, tally);
  }

  add(answer: ExportAnswer): void {
    const tally = this.tallyOf(answer.pollId, answer.pollVersion);
    this.count += 1;
    tally.count += 1;
    this.firstAnsweredAt ??= answer.answeredAt;
    this.lastAnsweredAt = answer.answeredAt;
    if (answer.masked.length > 0) this.masked += 1;
    if (answer.flags.includes('burst')) {
      this.burst += 1;
      tally.burst += 1;
    }
    if ('optionIds' in answer.answer) {
      for (const id of answer.answer.optionIds) tally.options.set(id, (tally.options.get(id) ?? 0) + 1);
    } else if ('text' in answer.answer) {
      this.quote(tally, tally.texts, answer.answer.text, answer.answeredAt);
    } else if (tally.drawings.length < drawingsShownPerPoll) {
      tally.drawings.push({ seq: answer.seq, drawing: answer.answer.drawing });
    } else {
      tally.drawingsNotShown += 1;
    }
    if (audienceOf(answer) === 'child') this.children += 1;
    for (const id of answer.topics) tally.topics.set(id, (tally.topics.get(id) ?? 0) + 1);
    if (answer.comment !== null) this.quote(tally, tally.comments, answer.comment, answer.answeredAt);
  }

  /** Polls in the batch's order, then any answered poll the batch had no description of; unanswered ones left out. */
  results(): PollTally[] {
    return [...this.tallies.values()].filter((tally) => tally.count > 0);
  }

  private quote(tally: PollTally, list: QuotedText[], text: string, answeredAt: string): void {
    if (tally.comments.length + tally.texts.length >= commentsShownPerPoll) {
      tally.notShown += 1;
      return;
    }
    list.push({ text, answeredAt });
  }

  private tallyOf(pollId: string, pollVersion: number): PollTally {
    // Answers run in long stretches of one poll: the last one's tally is kept at hand.
    const last = this.lastTally;
    if (last !== null && last.pollId === pollId && last.pollVersion === pollVersion) return last;
    const key = pollKey(pollId, pollVersion);
    let tally = this.tallies.get(key);
    if (tally === undefined) {
      const snapshot = this.polls.find((poll) => poll.id === pollId && poll.version === pollVersion);
      tally = { pollId, pollVersion, snapshot, count: 0, burst: 0, options: new Map(), topics: new Map(), comments: [], texts: [], notShown: 0, drawings: [], drawingsNotShown: 0 };
      this.tallies.set(key, tally);
    }
    this.lastTally = tally;
    return tally;
  }
}
