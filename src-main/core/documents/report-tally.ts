import { audienceOf, type Audience } from '../../../src-shared/contract/children';
import type { Drawing } from '../../../src-shared/contract/drawing';
import type { LanguageCode } from '../../../src-shared/i18n/languages';

/**
 * What the report needs of one answer. Both a stored answer and a sealed batch's answer fit, so
 * the staff screen's report and the report in an export folder count the same way.
 */
export interface ReportAnswer {
  pollId: string;
  answer: { optionIds: readonly string[] } | { text: string } | { drawing: Drawing };
  language: LanguageCode;
  answeredAt: string;
  flags: readonly string[];
  topics: readonly string[];
  comment: string | null;
  /** Absent on answers kept before children were counted apart: those are adults'. */
  audience?: Audience | undefined;
}

export interface DrawnAnswer {
  answeredAt: string;
  drawing: Drawing;
}

/** A printed page has room for this many drawings as thumbnails; all of them are in the export folder. */
export const drawingsOnReport = 12;

export interface QuotedAnswer {
  answeredAt: string;
  text: string;
}

export interface PollCounts {
  all: number;
  flagged: number;
  choices: Map<string, number>;
  topics: Map<string, number>;
}

/** One printed page holds about this many short comments next to the charts. */
export const commentsOnReport = 8;

const localDay = (answer: ReportAnswer) => answer.answeredAt.slice(0, 10);
const localHour = (answer: ReportAnswer) => Number(answer.answeredAt.slice(11, 13));

/** Monday is 0: the week as it is read in Finland. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The counts of one period, taken one answer at a time: an export streams a batch of 100,000
 * answers past it and keeps only counts and the newest few comments, never the answers.
 */
export class ReportTally<Answer extends ReportAnswer = ReportAnswer> {
  all = 0;
  flagged = 0;
  firstDay: string | null = null;
  lastDay: string | null = null;
  readonly polls = new Map<string, PollCounts>();
  /** Weekday (Monday 0) × hour of day. */
  readonly heat: number[][] = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  readonly hoursAnswered = new Set<number>();
  readonly languages = new Map<LanguageCode, number>();
  /** Texts and comments seen in all; only the newest are kept, each answer's own in its order. */
  textsSeen = 0;
  /** Children's answers, counted apart from adults'. */
  children = 0;
  drawingsSeen = 0;
  private readonly drawings: DrawnAnswer[] = [];
  /** Quoted only when the page asks: masking every text of a batch for the eight shown costs more than the rest of the tally. */
  private readonly recent: { answeredAt: string; text: string; answer: Answer }[][] = [];
  private recentTexts = 0;
  /** Answers come in day order: the weekday of the day before is most often the one wanted. */
  private weekday = { day: '', index: 0 };

  /** `quote` masks personal data in a text the way the report's reader should see it. */
  constructor(private readonly quote: (text: string, answer: Answer) => string) {}

  add(answer: Answer): void {
    const isFlagged = answer.flags.includes('burst');
    this.all += 1;
    if (isFlagged) this.flagged += 1;
    const day = localDay(answer);
    if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    if (this.lastDay === null || day > this.lastDay) this.lastDay = day;
    const poll = this.pollCounts(answer.pollId);
    poll.all += 1;
    if (isFlagged) poll.flagged += 1;
    if ('optionIds' in answer.answer) for (const id of answer.answer.optionIds) poll.choices.set(id, (poll.choices.get(id) ?? 0) + 1);
    for (const topic of answer.topics) poll.topics.set(topic, (poll.topics.get(topic) ?? 0) + 1);
    const hour = localHour(answer);
    if (this.weekday.day !== day) this.weekday = { day, index: weekdayOf(day) };
    const row = this.heat[this.weekday.index];
    if (row !== undefined && hour >= 0 && hour < 24) {
      row[hour] = (row[hour] ?? 0) + 1;
      this.hoursAnswered.add(hour);
    }
    this.languages.set(answer.language, (this.languages.get(answer.language) ?? 0) + 1);
    if (audienceOf(answer) === 'child') this.children += 1;
    if ('drawing' in answer.answer) {
      this.drawingsSeen += 1;
      this.drawings.push({ answeredAt: answer.answeredAt, drawing: answer.answer.drawing });
      if (this.drawings.length > drawingsOnReport) this.drawings.shift();
    }
    this.keepTexts(answer);
  }

  /** Newest drawing first. */
  newestDrawings(): DrawnAnswer[] {
    return [...this.drawings].reverse();
  }

  pollCounts(pollId: string): PollCounts {
    let counts = this.polls.get(pollId);
    if (counts === undefined) {
      counts = { all: 0, flagged: 0, choices: new Map(), topics: new Map() };
      this.polls.set(pollId, counts);
    }
    return counts;
  }

  /** Newest answer first; within one answer, its text before its comment. */
  newestTexts(): QuotedAnswer[] {
    return [...this.recent]
      .reverse()
      .flat()
      .slice(0, commentsOnReport)
      .map((kept) => ({ answeredAt: kept.answeredAt, text: this.quote(kept.text, kept.answer) }));
  }

  private keepTexts(answer: Answer): void {
    const texts: { answeredAt: string; text: string; answer: Answer }[] = [];
    for (const text of ['text' in answer.answer ? answer.answer.text : null, answer.comment]) {
      if (text === null || text.trim() === '') continue;
      texts.push({ answeredAt: answer.answeredAt, text, answer });
    }
    if (texts.length === 0) return;
    this.textsSeen += texts.length;
    this.recent.push(texts);
    this.recentTexts += texts.length;
    // The oldest answer's texts go once the newer ones fill the page without them.
    while (this.recent.length > 1 && this.recentTexts - (this.recent[0]?.length ?? 0) >= commentsOnReport) {
      this.recentTexts -= this.recent.shift()?.length ?? 0;
    }
  }
}

/** A tally as the report reads it, whatever kind of answer was counted. */
export type TallyCounts = Pick<
  ReportTally,
  'all' | 'flagged' | 'firstDay' | 'lastDay' | 'polls' | 'heat' | 'hoursAnswered' | 'languages' | 'textsSeen' | 'newestTexts' | 'children' | 'drawingsSeen' | 'newestDrawings'
>;
