import type { Poll } from '../../../src-shared/contract/polls';
import type { StoredResponse } from '../../../src-shared/contract/responses';
import type { Comment, OptionCount, Results } from '../../../src-shared/contract/results';
import { findPersonalData } from '../../../src-shared/privacy/personal-data';
import type { DayTally } from './answer-tally';

export interface ResultsRange {
  from: string | null;
  to: string | null;
  withoutFlagged?: boolean;
}

export interface ExportFacts {
  unexported: number;
  lastExportAt: string | null;
}

/** A chart of more days than this would be unreadable on the kiosk; the latest days are kept. */
const maxDays = 400;
const maxComments = 200;

/** What the results are made of: the poll's day counts in the range, and its commented answers newest first. */
export interface ResultsSource {
  days: readonly (readonly [string, DayTally])[];
  commentedNewestFirst: AsyncIterable<StoredResponse>;
}

/** Counts every version of a poll together: an edit keeps option ids, so answers add up. */
export async function pollResults(
  versions: readonly Poll[],
  latest: Poll,
  source: ResultsSource,
  range: ResultsRange,
  facts: ExportFacts,
): Promise<Results> {
  const withoutFlagged = range.withoutFlagged === true;
  const byHour = Array.from({ length: 24 }, () => 0);
  const options = new Map<string, number>();
  const days = new Map<string, number>();
  let total = 0;
  let burstFlagged = 0;
  for (const [day, tally] of source.days) {
    const flagged = tally.flagged;
    burstFlagged += flagged?.count ?? 0;
    // Without the flagged answers: all of the day's counts less the flagged ones.
    const step = withoutFlagged && flagged !== undefined ? [tally.all, flagged] : [tally.all];
    step.forEach((counts, index) => {
      const sign = index === 0 ? 1 : -1;
      total += sign * counts.count;
      days.set(day, (days.get(day) ?? 0) + sign * counts.count);
      counts.hours.forEach((count, hour) => (byHour[hour] = (byHour[hour] ?? 0) + sign * count));
      for (const [id, count] of Object.entries(counts.options)) options.set(id, (options.get(id) ?? 0) + sign * count);
    });
  }
  return {
    poll: latest,
    from: range.from,
    to: range.to,
    total,
    options: countOptions(versions, latest, options, total),
    byDay: countDays(days, range),
    byHour,
    comments: await collectComments(source.commentedNewestFirst, withoutFlagged),
    burstFlagged,
    withoutFlagged,
    unexported: facts.unexported,
    lastExportAt: facts.lastExportAt,
  };
}

function countOptions(versions: readonly Poll[], latest: Poll, counts: ReadonlyMap<string, number>, total: number): OptionCount[] {
  // The latest version's options in its order, then any an older version had, labelled as it had them.
  const labels = new Map(latest.options.map((option) => [option.id, option.label]));
  for (const version of [...versions].sort((left, right) => right.version - left.version)) {
    for (const option of version.options) if (!labels.has(option.id)) labels.set(option.id, option.label);
  }
  const shown = [...labels.keys()].filter((id) => latest.options.some((option) => option.id === id) || (counts.get(id) ?? 0) > 0);
  return shown.map((id) => {
    const count = counts.get(id) ?? 0;
    return { id, label: labels.get(id) ?? { fi: id }, count, share: total === 0 ? 0 : count / total };
  });
}

function countDays(all: ReadonlyMap<string, number>, range: ResultsRange): Results['byDay'] {
  const counts = new Map([...all].filter(([, count]) => count > 0));
  const days = [...counts.keys()].sort();
  const first = range.from ?? days[0];
  const last = range.to ?? days.at(-1);
  if (first === undefined || last === undefined || first > last) return [];
  const series: Results['byDay'] = [];
  for (let day = new Date(`${first}T00:00:00Z`); ; day = new Date(day.getTime() + 86_400_000)) {
    const date = day.toISOString().slice(0, 10);
    if (date > last) break;
    series.push({ date, count: counts.get(date) ?? 0 });
  }
  return series.slice(-maxDays);
}

/** Text answers and follow-up comments, newest first, each with what personal data it seems to hold. */
async function collectComments(newestFirst: AsyncIterable<StoredResponse>, withoutFlagged: boolean): Promise<Comment[]> {
  const comments: Comment[] = [];
  for await (const response of newestFirst) {
    if (comments.length >= maxComments) break;
    if (withoutFlagged && response.flags.includes('burst')) continue;
    const texts = ['text' in response.answer ? response.answer.text : null, response.comment];
    for (const text of texts) {
      if (text === null || text === '') continue;
      comments.push({
        seq: response.seq,
        answeredAt: response.answeredAt,
        text,
        language: response.language,
        personalData: [...new Set(findPersonalData(text).map((match) => match.kind))],
      });
    }
  }
  return comments.slice(0, maxComments);
}
