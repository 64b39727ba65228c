import type { LocalizedText, Poll, PollKind } from '../../../src-shared/contract/polls';
import { daysBetween, type CouncilReport, type ReportInput } from '../../../src-shared/contract/report';
import type { StoredResponse } from '../../../src-shared/contract/responses';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { languageCodes } from '../../../src-shared/i18n/languages';
import { shiftDay } from '../../../src-shared/i18n/days';
import { reportText } from '../../../src-shared/i18n/report-messages';
import { maskPersonalData, type PersonalDataKind } from '../../../src-shared/privacy/personal-data';
import { isSmallGroup, protectBreakdown } from '../../../src-shared/privacy/small-groups';
import { isChildKind } from '../../../src-shared/contract/children';
import { drawingSvg } from '../../../src-shared/contract/drawing';
import { commentsOnReport, ReportTally, type PollCounts, type TallyCounts } from './report-tally';

export interface CouncilReportInput {
  period: ReportInput;
  /** Stored answers (at least those of the period and of the one before it); the report picks those two periods. */
  responses: readonly StoredResponse[];
  /** Every version of every poll, for labels of options an older version had. */
  polls: readonly Poll[];
  language: LanguageCode;
  siteName: string;
  kioskId: string;
  generatedAt: string;
}

/** What the report needs of a poll version: a kiosk's poll and a batch's poll snapshot both fit. */
export interface ReportPoll {
  id: string;
  version: number;
  kind: PollKind;
  standing: boolean;
  question: LocalizedText;
  options: readonly { id: string; label: LocalizedText }[];
  followUp: { topics: readonly { id: string; label: LocalizedText }[] } | null;
}

export interface ReportAssembly {
  language: LanguageCode;
  siteName: string;
  kioskId: string;
  generatedAt: string;
  from: string;
  to: string;
  /** The period compared with, or null when there is nothing to compare with. */
  previous: { from: string; to: string; tally: TallyCounts } | null;
  batch: CouncilReport['batch'];
  /** Every version of every poll the answers may refer to. */
  polls: readonly ReportPoll[];
  /** The latest version of each poll, in the order the report shows them. */
  shown: readonly ReportPoll[];
  current: TallyCounts;
  /** Only the report written to an export folder shows drawings; the kiosk's screens never do. */
  isWithDrawings?: boolean;
}

/** Hours shown when the period has no answers to set the span from: a meeting place's day. */
const defaultHours = { first: 8, last: 16 };

/** The council's report as data: a pure function of the answers, the polls and the period. */
export function buildCouncilReport(input: CouncilReportInput): CouncilReport {
  const { period, language } = input;
  const length = daysBetween(period.from, period.to) + 1;
  const previousTo = shiftDay(period.from, -1);
  const previousFrom = shiftDay(period.from, -length);
  const labels = maskLabels(language);
  const quote = (text: string) => maskPersonalData(text, labels).text;
  const current = new ReportTally(quote);
  const previous = new ReportTally(quote);
  for (const response of input.responses) {
    const day = response.answeredAt.slice(0, 10);
    if (day >= period.from && day <= period.to) current.add(response);
    else if (day >= previousFrom && day <= previousTo) previous.add(response);
  }
  const shown = [...latestVersions(input.polls).values()].sort(
    (left, right) => Number(right.standing) - Number(left.standing) || left.createdAt.localeCompare(right.createdAt),
  );
  return assembleReport({
    language,
    siteName: input.siteName,
    kioskId: input.kioskId,
    generatedAt: input.generatedAt,
    from: period.from,
    to: period.to,
    previous: { from: previousFrom, to: previousTo, tally: previous },
    batch: null,
    polls: input.polls,
    shown,
    current,
  });
}

/** The report's labels for masked personal data, in the report's language. */
export function maskLabels(language: LanguageCode): Record<PersonalDataKind, string> {
  return {
    phone: reportText(language, 'report.mask.phone'),
    email: reportText(language, 'report.mask.email'),
    identityCode: reportText(language, 'report.mask.identityCode'),
    iban: reportText(language, 'report.mask.iban'),
  };
}

/** The report from a period's counts and, when there is one, the previous period's. */
export function assembleReport(input: ReportAssembly): CouncilReport {
  const { current, previous } = input;
  const standingPoll = input.shown.find((poll) => poll.standing);
  const texts = current.newestTexts();
  // Children are a breakdown of the total like any other: a handful of them is not shown, and
  // then neither are their own polls nor their drawings, which would show how many they were.
  const [adult = null, child = null] = protectBreakdown([current.all - current.children, current.children], { isTotalShown: true });
  const isChildrenShown = !isSmallGroup(current.children);
  const drawings = isChildrenShown && input.isWithDrawings === true ? current.newestDrawings() : [];
  return {
    language: input.language,
    siteName: input.siteName,
    kioskId: input.kioskId,
    from: input.from,
    to: input.to,
    previousFrom: previous?.from ?? null,
    previousTo: previous?.to ?? null,
    generatedAt: input.generatedAt,
    batch: input.batch,
    totals: totalsOf(current.all, current.flagged),
    previousTotals: totalsOf(previous?.tally.all ?? 0, previous?.tally.flagged ?? 0),
    standing: standingPoll === undefined ? null : standingTrend(standingPoll, input.polls, current, previous?.tally ?? null),
    polls: pollsOf(input.shown.filter((poll) => isChildrenShown || !isChildKind(poll.kind)), input.polls, current),
    heatMap: heatMapOf(current),
    languages: languagesOf(current),
    comments: texts,
    commentsNotShown: Math.max(0, current.textsSeen - commentsOnReport),
    audiences: { adult, child },
    drawings: drawings.map((drawn) => ({ answeredAt: drawn.answeredAt, svg: drawingSvg(drawn.drawing) })),
    drawingsNotShown: drawings.length === 0 ? 0 : current.drawingsSeen - drawings.length,
  };
}

function totalsOf(all: number, flagged: number): CouncilReport['totals'] {
  return { all, flagged, withoutFlagged: all - flagged };
}

export function latestVersions<T extends { id: string; version: number }>(polls: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const poll of polls) {
    const known = latest.get(poll.id);
    if (known === undefined || known.version < poll.version) latest.set(poll.id, poll);
  }
  return latest;
}

/** The latest version's options in its order, then any an older version had that was answered. */
function optionLabels(latest: ReportPoll, polls: readonly ReportPoll[], counts: ReadonlyMap<string, number>): { id: string; label: LocalizedText }[] {
  const labels = new Map(latest.options.map((option) => [option.id, option.label]));
  const older = polls.filter((poll) => poll.id === latest.id).sort((left, right) => right.version - left.version);
  for (const version of older) for (const option of version.options) if (!labels.has(option.id) && (counts.get(option.id) ?? 0) > 0) labels.set(option.id, option.label);
  return [...labels].map(([id, label]) => ({ id, label }));
}

const shareOf = (count: number, total: number) => (total === 0 ? 0 : count / total);
const noCounts: PollCounts = { all: 0, flagged: 0, choices: new Map(), topics: new Map() };

function standingTrend(poll: ReportPoll, polls: readonly ReportPoll[], current: TallyCounts, previous: TallyCounts | null): CouncilReport['standing'] {
  const now = current.polls.get(poll.id) ?? noCounts;
  const before = previous?.polls.get(poll.id) ?? noCounts;
  const merged = new Map([...before.choices, ...now.choices]);
  return {
    question: poll.question,
    total: now.all,
    previousTotal: before.all,
    options: optionLabels(poll, polls, merged).map(({ id, label }) => {
      const count = now.choices.get(id) ?? 0;
      const previousCount = before.choices.get(id) ?? 0;
      return { id, label, count, share: shareOf(count, now.all), previousCount, previousShare: shareOf(previousCount, before.all) };
    }),
  };
}

function pollsOf(shown: readonly ReportPoll[], polls: readonly ReportPoll[], current: TallyCounts): CouncilReport['polls'] {
  return shown
    .filter((poll) => (current.polls.get(poll.id)?.all ?? 0) > 0)
    .map((poll) => {
      const counts = current.polls.get(poll.id) ?? noCounts;
      const options = poll.kind === 'text' ? [] : optionLabels(poll, polls, counts.choices);
      const topics = (poll.followUp?.topics ?? []).filter((topic) => (counts.topics.get(topic.id) ?? 0) > 0);
      // Topics are chosen several at a time and their sum is never printed, so no cell can be worked out from the others.
      const shownTopics = protectBreakdown(
        topics.map((topic) => counts.topics.get(topic.id) ?? 0),
        { isTotalShown: false },
      );
      return {
        pollId: poll.id,
        kind: poll.kind,
        standing: poll.standing,
        question: poll.question,
        totals: totalsOf(counts.all, counts.flagged),
        options: options.map(({ id, label }) => ({ id, label, count: counts.choices.get(id) ?? 0, share: shareOf(counts.choices.get(id) ?? 0, counts.all) })),
        topics: topics.map((topic, index) => ({ id: topic.id, label: topic.label, count: shownTopics[index] ?? null })),
      };
    });
}

function heatMapOf(tally: TallyCounts): CouncilReport['heatMap'] {
  const first = Math.min(defaultHours.first, ...tally.hoursAnswered);
  const last = Math.max(defaultHours.last, ...tally.hoursAnswered);
  const hours = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const counts = tally.heat.map((row) => hours.map((hour) => row[hour] ?? 0));
  // The grand total is printed, so the whole table is one breakdown: a lone small cell takes others with it.
  const shown = protectBreakdown(counts.flat(), { isTotalShown: true });
  return { hours, cells: counts.map((_, row) => shown.slice(row * hours.length, (row + 1) * hours.length)) };
}

function languagesOf(tally: TallyCounts): CouncilReport['languages'] {
  const used = languageCodes.filter((code) => (tally.languages.get(code) ?? 0) > 0);
  const shown = protectBreakdown(
    used.map((code) => tally.languages.get(code) ?? 0),
    { isTotalShown: true },
  );
  return used.map((code, index) => ({ language: code, count: shown[index] ?? null }));
}
