import { pollKey, type BatchHeader, type ExportAnswer, type PollSnapshot } from '../contract/batch-format';
import type { Drawing } from '../contract/drawing';

/** Counts of one poll version over some answers: what a chart needs, and no more. */
export interface ChartCounts {
  answers: number;
  options: Record<string, number>;
  topics: Record<string, number>;
  comments: number;
  texts: number;
}

/** Comments and free texts kept for the page to show; the CSV has them all. */
export const shownTextsPerPoll = 50;

export interface PollTally {
  pollId: string;
  pollVersion: number;
  all: ChartCounts;
  /** The part of `all` that came from answers flagged as a burst, so they can be left out. */
  burst: ChartCounts;
  /** The first few comments and texts, in answer order, each marked if it came in a burst. */
  shown: { text: string; isBurst: boolean }[];
  /** The first few children's drawings; absent in summaries kept before drawings existed. */
  drawings?: Drawing[];
}

/** Drawings kept per poll for the page to show as thumbnails; every one is in its export folder. */
export const shownDrawingsPerPoll = 12;

/** Sequence numbers from..to (both included) that a kiosk's earlier batch already brought. */
export type SeqRange = [from: number, to: number];

/**
 * One batch as the receiver keeps it for opening: its place in the kiosk's chain and its
 * counts per poll. Opening the page reads these, never the answers, so it costs what the
 * number of batches costs, not what the answers do.
 */
export interface BatchSummary {
  kioskId: string;
  number: number;
  site: string;
  sha256: string;
  previousHash: string | null;
  seqFrom: number;
  seqTo: number;
  /** Answers in the batch, as its header says. */
  count: number;
  /** Answers counted: those not already brought by an earlier batch of the same kiosk. */
  counted: number;
  /** Ranges of this batch's sequence numbers left out because an earlier batch had them. */
  overlaps: SeqRange[];
  first: string | null;
  last: string | null;
  polls: PollSnapshot[];
  tallies: PollTally[];
}

export function emptyCounts(): ChartCounts {
  return { answers: 0, options: {}, topics: {}, comments: 0, texts: 0 };
}

function add(counts: ChartCounts, answer: ExportAnswer): void {
  counts.answers += 1;
  if ('optionIds' in answer.answer) {
    for (const id of answer.answer.optionIds) counts.options[id] = (counts.options[id] ?? 0) + 1;
  } else if ('text' in answer.answer) {
    counts.texts += 1;
  }
  for (const id of answer.topics) counts.topics[id] = (counts.topics[id] ?? 0) + 1;
  if (answer.comment !== null) counts.comments += 1;
}

/** The parts of [from, to] that `ranges` cover. */
export function overlapsOf(from: number, to: number, ranges: readonly SeqRange[]): SeqRange[] {
  const found: SeqRange[] = [];
  for (const [start, end] of ranges) {
    const low = Math.max(from, start);
    const high = Math.min(to, end);
    if (low <= high) found.push([low, high]);
  }
  return found.sort((left, right) => left[0] - right[0]);
}

export function isInRanges(seq: number, ranges: readonly SeqRange[]): boolean {
  return ranges.some(([from, to]) => seq >= from && seq <= to);
}

/**
 * Summarises a checked batch. `earlier` are the sequence ranges the kiosk's batches already
 * kept cover: answers in them are not counted again, so a batch read twice or two batches
 * that overlap never count an answer twice.
 */
export function summarizeBatch(
  batch: { header: BatchHeader; polls: PollSnapshot[]; answers: readonly ExportAnswer[]; sha256: string },
  earlier: readonly SeqRange[],
): BatchSummary {
  const { header } = batch;
  const overlaps = overlapsOf(header.seqFrom, header.seqTo, earlier);
  const tallies = new Map<string, PollTally>();
  let counted = 0;
  for (const answer of batch.answers) {
    if (overlaps.length > 0 && isInRanges(answer.seq, overlaps)) continue;
    counted += 1;
    const key = pollKey(answer.pollId, answer.pollVersion);
    let tally = tallies.get(key);
    if (tally === undefined) {
      tally = { pollId: answer.pollId, pollVersion: answer.pollVersion, all: emptyCounts(), burst: emptyCounts(), shown: [] };
      tallies.set(key, tally);
    }
    const isBurst = answer.flags.includes('burst');
    add(tally.all, answer);
    if (isBurst) add(tally.burst, answer);
    if (tally.shown.length < shownTextsPerPoll) {
      if ('text' in answer.answer) tally.shown.push({ text: answer.answer.text, isBurst });
      if (answer.comment !== null && tally.shown.length < shownTextsPerPoll) tally.shown.push({ text: answer.comment, isBurst });
    }
    if ('drawing' in answer.answer) {
      tally.drawings ??= [];
      if (tally.drawings.length < shownDrawingsPerPoll) tally.drawings.push(answer.answer.drawing);
    }
  }
  return {
    kioskId: header.kioskId,
    number: header.number,
    site: header.site,
    sha256: batch.sha256,
    previousHash: header.previousHash,
    seqFrom: header.seqFrom,
    seqTo: header.seqTo,
    count: header.count,
    counted,
    overlaps,
    first: batch.answers[0]?.answeredAt ?? null,
    last: batch.answers.at(-1)?.answeredAt ?? null,
    polls: batch.polls,
    tallies: [...tallies.values()],
  };
}
