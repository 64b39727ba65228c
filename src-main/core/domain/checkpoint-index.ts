import type { AnswerTallyData, DayCounts, DayTally } from './answer-tally';
import { checkedList, checkedRecord, isRecord } from './hand-check';
import type { SegmentEntry } from './segment-index';

/**
 * The checkpoint's two large parts, a thousand segment entries and a thousand day tallies at a
 * million answers, checked by hand: the same rules as `segmentEntrySchema` and
 * `answerTallySchema` (a test holds the two in step on good and damaged input), at a fraction of
 * the cost, since opening reads them every time. Each gives null for anything the schema would
 * refuse, and a copy holding only the fields the schema keeps.
 */
export function checkedSegments(value: unknown): SegmentEntry[] | null {
  return checkedList(value, checkedSegment);
}

export function checkedTally(value: unknown): AnswerTallyData | null {
  if (!isRecord(value)) return null;
  const versions = checkedRecord(value.versions, countOrNull);
  const days = checkedRecord(value.days, (byDay) => checkedRecord(byDay, checkedDayTally));
  return versions === null || days === null ? null : { versions, days };
}

function checkedSegment(value: unknown): SegmentEntry | null {
  if (!isRecord(value)) return null;
  const { number, bytes, count, low, high, firstSeq, lastSeq, firstDay, lastDay, commentPolls } = value;
  if (!isCount(number) || number < 1 || !isCount(bytes) || !isCount(count)) return null;
  if (!isCount(low) || !isCount(high) || !isCount(firstSeq) || !isCount(lastSeq)) return null;
  if (typeof firstDay !== 'string' || typeof lastDay !== 'string') return null;
  const pollIds = checkedList(commentPolls, (pollId) => (typeof pollId === 'string' ? pollId : null));
  if (pollIds === null) return null;
  return { number, bytes, count, low, high, firstSeq, lastSeq, firstDay, lastDay, commentPolls: pollIds };
}

function checkedDayTally(value: unknown): DayTally | null {
  if (!isRecord(value)) return null;
  const all = checkedDayCounts(value.all);
  if (all === null) return null;
  if (!('flagged' in value)) return { all };
  const flagged = checkedDayCounts(value.flagged);
  return flagged === null ? null : { all, flagged };
}

function checkedDayCounts(value: unknown): DayCounts | null {
  if (!isRecord(value)) return null;
  const { count, hours } = value;
  const hourCounts = checkedList(hours, countOrNull);
  if (!isCount(count) || hourCounts === null || hourCounts.length !== 24) return null;
  const options = checkedRecord(value.options, countOrNull);
  return options === null ? null : { count, hours: hourCounts, options };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function countOrNull(value: unknown): number | null {
  return isCount(value) ? value : null;
}
