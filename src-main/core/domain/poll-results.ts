import type { Poll } from '../../../src-shared/contract/polls';
import type { StoredResponse } from '../../../src-shared/contract/responses';
import type { Comment, OptionCount, Results } from '../../../src-shared/contract/results';
import { findPersonalData } from '../../../src-shared/privacy/personal-data';

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

/** Answers are stored with the kiosk's local time, so their first ten characters are the local day. */
const localDay = (response: StoredResponse) => response.answeredAt.slice(0, 10);
const localHour = (response: StoredResponse) => Number(response.answeredAt.slice(11, 13));

/** Counts every version of a poll together: an edit keeps option ids, so answers add up. */
export function pollResults(versions: readonly Poll[], latest: Poll, all: readonly StoredResponse[], range: ResultsRange, facts: ExportFacts): Results {
  const inRange = all.filter(
    (response) =>
      response.pollId === latest.id &&
      (range.from === null || localDay(response) >= range.from) &&
      (range.to === null || localDay(response) <= range.to),
  );
  const isFlagged = (response: StoredResponse) => response.flags.includes('burst');
  const withoutFlagged = range.withoutFlagged === true;
  const answers = withoutFlagged ? inRange.filter((response) => !isFlagged(response)) : inRange;
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const response of answers) {
    const hour = localHour(response);
    if (hour >= 0 && hour < 24) byHour[hour] = (byHour[hour] ?? 0) + 1;
  }
  return {
    poll: latest,
    from: range.from,
    to: range.to,
    total: answers.length,
    options: countOptions(versions, latest, answers),
    byDay: countDays(answers, range),
    byHour,
    comments: collectComments(answers),
    burstFlagged: inRange.filter(isFlagged).length,
    withoutFlagged,
    unexported: facts.unexported,
    lastExportAt: facts.lastExportAt,
  };
}

function countOptions(versions: readonly Poll[], latest: Poll, answers: readonly StoredResponse[]): OptionCount[] {
  const counts = new Map<string, number>();
  for (const response of answers) {
    if (!('optionIds' in response.answer)) continue;
    for (const id of response.answer.optionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  // The latest version's options in its order, then any an older version had, labelled as it had them.
  const labels = new Map(latest.options.map((option) => [option.id, option.label]));
  for (const version of [...versions].sort((left, right) => right.version - left.version)) {
    for (const option of version.options) if (!labels.has(option.id)) labels.set(option.id, option.label);
  }
  const shown = [...labels.keys()].filter((id) => latest.options.some((option) => option.id === id) || (counts.get(id) ?? 0) > 0);
  return shown.map((id) => {
    const count = counts.get(id) ?? 0;
    return { id, label: labels.get(id) ?? { fi: id }, count, share: answers.length === 0 ? 0 : count / answers.length };
  });
}

function countDays(answers: readonly StoredResponse[], range: ResultsRange): Results['byDay'] {
  const counts = new Map<string, number>();
  for (const response of answers) counts.set(localDay(response), (counts.get(localDay(response)) ?? 0) + 1);
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
function collectComments(answers: readonly StoredResponse[]): Comment[] {
  const comments: Comment[] = [];
  for (const response of [...answers].reverse()) {
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
