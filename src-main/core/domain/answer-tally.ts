import { z } from 'zod';
import type { StoredResponse } from '../../../src-shared/contract/responses';

/** What the live results count of some answers: how many, by hour of the day, by option. */
export const dayCountsSchema = z.object({
  count: z.number().int().min(0),
  hours: z.array(z.number().int().min(0)).length(24),
  options: z.record(z.string(), z.number().int().min(0)),
});

export type DayCounts = z.output<typeof dayCountsSchema>;

/** One poll's answers on one local day: all of them, and those flagged as part of a burst. */
export const dayTallySchema = z.object({ all: dayCountsSchema, flagged: dayCountsSchema.optional() });

export type DayTally = z.output<typeof dayTallySchema>;

export const answerTallySchema = z.object({
  /** Answers per poll version, keyed `<pollId>@<version>`. */
  versions: z.record(z.string(), z.number().int().min(0)),
  /** Per poll id, per local day (yyyy-mm-dd). */
  days: z.record(z.string(), z.record(z.string(), dayTallySchema)),
});

export type AnswerTallyData = z.output<typeof answerTallySchema>;

/** Answers are stored with the kiosk's local time, so their first ten characters are the local day. */
export const localDayOf = (answeredAt: string): string => answeredAt.slice(0, 10);

const emptyCounts = (): DayCounts => ({ count: 0, hours: Array.from({ length: 24 }, () => 0), options: {} });

/**
 * The counts live results and the staff area need, kept as answers arrive. Its size grows with
 * the polls and the days answered, not with the answers: a kiosk holds a few hundred days.
 */
export class AnswerTally {
  private constructor(private readonly data: AnswerTallyData) {}

  static empty(): AnswerTally {
    return new AnswerTally({ versions: {}, days: {} });
  }

  static from(data: AnswerTallyData): AnswerTally {
    return new AnswerTally(data);
  }

  toJSON(): AnswerTallyData {
    return this.data;
  }

  add(response: StoredResponse): void {
    this.change(response, 1);
  }

  /** Takes a purged answer out again. */
  remove(response: StoredResponse): void {
    this.change(response, -1);
  }

  count(pollId: string, version?: number): number {
    if (version !== undefined) return this.data.versions[`${pollId}@${version}`] ?? 0;
    let total = 0;
    for (const [key, count] of Object.entries(this.data.versions)) if (key.slice(0, key.lastIndexOf('@')) === pollId) total += count;
    return total;
  }

  /** One poll's days from `from` to `to` (both included, null leaves that end open). */
  daysOf(pollId: string, from: string | null, to: string | null): [string, DayTally][] {
    const days = this.data.days[pollId] ?? {};
    return Object.entries(days)
      .filter(([day]) => (from === null || day >= from) && (to === null || day <= to))
      .sort(([left], [right]) => left.localeCompare(right));
  }

  private change(response: StoredResponse, step: 1 | -1): void {
    const key = `${response.pollId}@${response.pollVersion}`;
    this.data.versions[key] = Math.max(0, (this.data.versions[key] ?? 0) + step);
    const days = (this.data.days[response.pollId] ??= {});
    const day = localDayOf(response.answeredAt);
    const tally = (days[day] ??= { all: emptyCounts() });
    changeCounts(tally.all, response, step);
    if (response.flags.includes('burst')) changeCounts((tally.flagged ??= emptyCounts()), response, step);
    if (tally.all.count === 0) Reflect.deleteProperty(days, day);
  }
}

function changeCounts(counts: DayCounts, response: StoredResponse, step: 1 | -1): void {
  counts.count += step;
  const hour = Number(response.answeredAt.slice(11, 13));
  if (hour >= 0 && hour < 24) counts.hours[hour] = (counts.hours[hour] ?? 0) + step;
  if (!('optionIds' in response.answer)) return;
  for (const id of response.answer.optionIds) counts.options[id] = (counts.options[id] ?? 0) + step;
}
