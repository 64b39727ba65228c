import type { Poll, LocalizedText } from '../../../src-shared/contract/polls';
import { daysBetween, type CouncilReport, type ReportInput } from '../../../src-shared/contract/report';
import type { StoredResponse } from '../../../src-shared/contract/responses';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { languageCodes } from '../../../src-shared/i18n/languages';
import { shiftDay } from '../../../src-shared/i18n/days';
import { reportText } from '../../../src-shared/i18n/report-messages';
import { maskPersonalData } from '../../../src-shared/privacy/personal-data';
import { protectBreakdown } from '../../../src-shared/privacy/small-groups';

export interface CouncilReportInput {
  period: ReportInput;
  /** Every stored answer; the report picks those of the period and of the one before it. */
  responses: readonly StoredResponse[];
  /** Every version of every poll, for labels of options an older version had. */
  polls: readonly Poll[];
  language: LanguageCode;
  siteName: string;
  kioskId: string;
  generatedAt: string;
}

/** One printed page holds about this many short comments next to the charts. */
export const commentsOnReport = 8;
/** Hours shown when the period has no answers to set the span from: a meeting place's day. */
const defaultHours = { first: 8, last: 16 };

const localDay = (response: StoredResponse) => response.answeredAt.slice(0, 10);
const localHour = (response: StoredResponse) => Number(response.answeredAt.slice(11, 13));
const isFlagged = (response: StoredResponse) => response.flags.includes('burst');

/** The council's report as data: a pure function of the answers, the polls and the period. */
export function buildCouncilReport(input: CouncilReportInput): CouncilReport {
  const { period, language } = input;
  const length = daysBetween(period.from, period.to) + 1;
  const previousTo = shiftDay(period.from, -1);
  const previousFrom = shiftDay(period.from, -length);
  const inPeriod = (from: string, to: string) => input.responses.filter((response) => localDay(response) >= from && localDay(response) <= to);
  const current = inPeriod(period.from, period.to);
  const previous = inPeriod(previousFrom, previousTo);
  const latest = latestVersions(input.polls);
  const standingPoll = [...latest.values()].find((poll) => poll.standing);
  const comments = collectComments(current, language);
  return {
    language,
    siteName: input.siteName,
    kioskId: input.kioskId,
    from: period.from,
    to: period.to,
    previousFrom,
    previousTo,
    generatedAt: input.generatedAt,
    totals: totalsOf(current),
    previousTotals: totalsOf(previous),
    standing: standingPoll === undefined ? null : standingTrend(standingPoll, input.polls, current, previous),
    polls: pollsOf(latest, input.polls, current),
    heatMap: heatMapOf(current),
    languages: languagesOf(current),
    comments: comments.slice(0, commentsOnReport),
    commentsNotShown: Math.max(0, comments.length - commentsOnReport),
  };
}

function totalsOf(answers: readonly StoredResponse[]): CouncilReport['totals'] {
  const flagged = answers.filter(isFlagged).length;
  return { all: answers.length, flagged, withoutFlagged: answers.length - flagged };
}

function latestVersions(polls: readonly Poll[]): Map<string, Poll> {
  const latest = new Map<string, Poll>();
  for (const poll of polls) {
    const known = latest.get(poll.id);
    if (known === undefined || known.version < poll.version) latest.set(poll.id, poll);
  }
  return latest;
}

/** The latest version's options in its order, then any an older version had that was answered. */
function optionLabels(latest: Poll, polls: readonly Poll[], counts: ReadonlyMap<string, number>): { id: string; label: LocalizedText }[] {
  const labels = new Map(latest.options.map((option) => [option.id, option.label]));
  const older = polls.filter((poll) => poll.id === latest.id).sort((left, right) => right.version - left.version);
  for (const version of older) for (const option of version.options) if (!labels.has(option.id) && (counts.get(option.id) ?? 0) > 0) labels.set(option.id, option.label);
  return [...labels].map(([id, label]) => ({ id, label }));
}

function countChoices(answers: readonly StoredResponse[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const response of answers) {
    if (!('optionIds' in response.answer)) continue;
    for (const id of response.answer.optionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

const shareOf = (count: number, total: number) => (total === 0 ? 0 : count / total);

function standingTrend(poll: Poll, polls: readonly Poll[], current: readonly StoredResponse[], previous: readonly StoredResponse[]): CouncilReport['standing'] {
  const now = current.filter((response) => response.pollId === poll.id);
  const before = previous.filter((response) => response.pollId === poll.id);
  const counts = countChoices(now);
  const previousCounts = countChoices(before);
  const merged = new Map([...previousCounts, ...counts]);
  return {
    question: poll.question,
    total: now.length,
    previousTotal: before.length,
    options: optionLabels(poll, polls, merged).map(({ id, label }) => {
      const count = counts.get(id) ?? 0;
      const previousCount = previousCounts.get(id) ?? 0;
      return { id, label, count, share: shareOf(count, now.length), previousCount, previousShare: shareOf(previousCount, before.length) };
    }),
  };
}

function pollsOf(latest: ReadonlyMap<string, Poll>, polls: readonly Poll[], current: readonly StoredResponse[]): CouncilReport['polls'] {
  const answered = [...latest.values()].filter((poll) => current.some((response) => response.pollId === poll.id));
  answered.sort((left, right) => Number(right.standing) - Number(left.standing) || left.createdAt.localeCompare(right.createdAt));
  return answered.map((poll) => {
    const answers = current.filter((response) => response.pollId === poll.id);
    const counts = countChoices(answers);
    const options = poll.kind === 'text' ? [] : optionLabels(poll, polls, counts);
    const topicCounts = new Map<string, number>();
    for (const response of answers) for (const topic of response.topics) topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
    const topics = (poll.followUp?.topics ?? []).filter((topic) => (topicCounts.get(topic.id) ?? 0) > 0);
    // Topics are chosen several at a time and their sum is never printed, so no cell can be worked out from the others.
    const shownTopics = protectBreakdown(
      topics.map((topic) => topicCounts.get(topic.id) ?? 0),
      { isTotalShown: false },
    );
    return {
      pollId: poll.id,
      kind: poll.kind,
      standing: poll.standing,
      question: poll.question,
      totals: totalsOf(answers),
      options: options.map(({ id, label }) => ({ id, label, count: counts.get(id) ?? 0, share: shareOf(counts.get(id) ?? 0, answers.length) })),
      topics: topics.map((topic, index) => ({ id: topic.id, label: topic.label, count: shownTopics[index] ?? null })),
    };
  });
}

/** Monday is 0: the week as it is read in Finland. */
function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function heatMapOf(answers: readonly StoredResponse[]): CouncilReport['heatMap'] {
  const hoursAnswered = answers.map(localHour).filter((hour) => hour >= 0 && hour < 24);
  const first = Math.min(defaultHours.first, ...hoursAnswered);
  const last = Math.max(defaultHours.last, ...hoursAnswered);
  const hours = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const counts = Array.from({ length: 7 }, () => hours.map(() => 0));
  for (const response of answers) {
    const row = counts[weekdayOf(localDay(response))];
    const column = localHour(response) - first;
    if (row !== undefined && column >= 0 && column < hours.length) row[column] = (row[column] ?? 0) + 1;
  }
  // The grand total is printed, so the whole table is one breakdown: a lone small cell takes others with it.
  const shown = protectBreakdown(counts.flat(), { isTotalShown: true });
  return { hours, cells: counts.map((_, row) => shown.slice(row * hours.length, (row + 1) * hours.length)) };
}

function languagesOf(answers: readonly StoredResponse[]): CouncilReport['languages'] {
  const used = languageCodes.filter((code) => answers.some((response) => response.language === code));
  const shown = protectBreakdown(
    used.map((code) => answers.filter((response) => response.language === code).length),
    { isTotalShown: true },
  );
  return used.map((code, index) => ({ language: code, count: shown[index] ?? null }));
}

/** Text answers and comments, newest first, with phone numbers, e-mails and identity codes masked. */
function collectComments(answers: readonly StoredResponse[], language: LanguageCode): CouncilReport['comments'] {
  const labels = {
    phone: reportText(language, 'report.mask.phone'),
    email: reportText(language, 'report.mask.email'),
    identityCode: reportText(language, 'report.mask.identityCode'),
  };
  const found: CouncilReport['comments'] = [];
  for (const response of [...answers].reverse()) {
    for (const text of ['text' in response.answer ? response.answer.text : null, response.comment]) {
      if (text === null || text.trim() === '') continue;
      found.push({ answeredAt: response.answeredAt, text: maskPersonalData(text, labels).text });
    }
  }
  return found;
}
