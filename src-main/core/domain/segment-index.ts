import { z } from 'zod';

/**
 * What is in one journal segment, so a read by answer number, day or poll opens only the
 * segments that can hold what it asks for. A follow-up line counts towards the answer it adds
 * to: its number and day widen the range of the segment that holds the follow-up.
 */
export const segmentEntrySchema = z.object({
  number: z.number().int().min(1),
  /** Bytes of whole lines: a sealed segment of another size was changed since, and is read again. */
  bytes: z.number().int().min(0),
  /** Answer lines in the segment. */
  count: z.number().int().min(0),
  /** Lowest and highest answer number the segment's lines concern (answers and follow-ups); 0 when none. */
  low: z.number().int().min(0),
  high: z.number().int().min(0),
  /** First and last answer number of the answer lines themselves; 0 when none. */
  firstSeq: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
  /** Local days the lines concern, yyyy-mm-dd; '' when none. */
  firstDay: z.string(),
  lastDay: z.string(),
  /** Polls whose comments (a text answer, a follow-up comment, or its removal) the segment holds. */
  commentPolls: z.array(z.string()),
});

export type SegmentEntry = z.output<typeof segmentEntrySchema>;

export function emptyEntry(number: number): SegmentEntry {
  return { number, bytes: 0, count: 0, low: 0, high: 0, firstSeq: 0, lastSeq: 0, firstDay: '', lastDay: '', commentPolls: [] };
}

/** Widens the entry to a line about answer `seq` of `day`. */
export function touchEntry(entry: SegmentEntry, seq: number, day: string): void {
  entry.low = entry.low === 0 ? seq : Math.min(entry.low, seq);
  entry.high = Math.max(entry.high, seq);
  entry.firstDay = entry.firstDay === '' || day < entry.firstDay ? day : entry.firstDay;
  entry.lastDay = day > entry.lastDay ? day : entry.lastDay;
}

export function addAnswerToEntry(entry: SegmentEntry, seq: number, day: string): void {
  touchEntry(entry, seq, day);
  entry.count += 1;
  entry.firstSeq = entry.firstSeq === 0 ? seq : entry.firstSeq;
  entry.lastSeq = seq;
}

export function markComment(entry: SegmentEntry, pollId: string): void {
  if (!entry.commentPolls.includes(pollId)) entry.commentPolls.push(pollId);
}

export function overlapsSeq(entry: SegmentEntry, after: number, through: number): boolean {
  return entry.high > after && entry.low <= through && entry.high !== 0;
}

export function overlapsDays(entry: SegmentEntry, from: string | null, to: string | null): boolean {
  if (entry.firstDay === '') return false;
  return (to === null || entry.firstDay <= to) && (from === null || entry.lastDay >= from);
}
