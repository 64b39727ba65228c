import type { AnswerTallyData, DayCounts, DayTally } from './answer-tally';
import type { SegmentEntry } from './segment-index';

/**
 * The checkpoint's two large parts, a thousand segment entries and a thousand day tallies at a
 * million answers, checked by hand: the same rules as `segmentEntrySchema` and
 * `answerTallySchema` (a test holds the two in step on good and damaged input), at a fraction of
 * the cost, since opening reads them every time. Each gives null for anything the schema would
 * refuse, and a copy holding only the fields the schema keeps.
 */
export function checkedSegments(value: unknown): SegmentEntry[] | null {
  if (!Array.isArray(value)) return null;
  const entries: SegmentEntry[] = [];
  for (const item of value) {
    const entry = checkedSegment(item);
    if (entry === null) return null;
    entries.push(entry);
  }
  return entries;
}

export function checkedTally(value: unknown): AnswerTallyData | null {
  if (!isRecord(value)) return null;
  const versions = checkedRecord(value.versions, (count) => (isCount(count) ? count : null));
  const days = checkedRecord(value.days, (byDay) => checkedRecord(byDay, checkedDayTally));
  return versions === null || days === null ? null : { versions, days };
}

function checkedSegment(value: unknown): SegmentEntry | null {
  if (!isRecord(value)) return null;
  const { number, bytes, count, low, high, firstSeq, lastSeq, firstDay, lastDay, commentPolls } = value;
  if (!isCount(number) || number < 1 || !isCount(bytes) || !isCount(count)) return null;
  if (!isCount(low) || !isCount(high) || !isCount(firstSeq) || !isCount(lastSeq)) return null;
  if (typeof firstDay !== 'string' || typeof lastDay !== 'string') return null;
  if (!Array.isArray(commentPolls)) return null;
  const pollIds: string[] = [];
  // for…of, not every(): a hole in the list is refused, as the schema refuses it.
  for (const pollId of commentPolls) {
    if (typeof pollId !== 'string') return null;
    pollIds.push(pollId);
  }
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
  if (!isCount(count) || !Array.isArray(hours) || hours.length !== 24) return null;
  const hourCounts: number[] = [];
  for (const hour of hours) {
    if (!isCount(hour)) return null;
    hourCounts.push(hour);
  }
  const options = checkedRecord(value.options, (optionCount) => (isCount(optionCount) ? optionCount : null));
  return options === null ? null : { count, hours: hourCounts, options };
}

/** Built with fromEntries, so a key such as `__proto__` stays a key and never becomes a prototype. */
function checkedRecord<T>(value: unknown, check: (item: unknown) => T | null): Record<string, T> | null {
  if (!isRecord(value)) return null;
  const entries: [string, T][] = [];
  for (const [key, item] of Object.entries(value)) {
    const checked = check(item);
    if (checked === null) return null;
    entries.push([key, checked]);
  }
  return Object.fromEntries(entries);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
