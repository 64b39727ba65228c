import { pollKey, type PollSnapshot } from '../contract/batch-format';
import { isChildKind } from '../contract/children';
import type { Drawing } from '../contract/drawing';
import { emptyCounts, shownDrawingsPerPoll, shownTextsPerPoll, type BatchSummary, type ChartCounts } from './batch-summary';
import type { KioskLedger } from './merge';

/** One poll version over every kiosk that asked it: the same id and version are one chart. */
export interface MergedChart {
  key: string;
  pollId: string;
  pollVersion: number;
  poll: PollSnapshot | undefined;
  all: ChartCounts;
  burst: ChartCounts;
  shown: { text: string; isBurst: boolean }[];
  drawings: Drawing[];
  /** The kiosks whose answers this chart holds, sorted. */
  kiosks: string[];
}

export interface MergedSummary {
  kiosks: KioskLedger[];
  charts: MergedChart[];
  /** Answers counted, each once. */
  total: number;
  burst: number;
}

function addCounts(into: ChartCounts, from: ChartCounts): void {
  into.answers += from.answers;
  into.comments += from.comments;
  into.texts += from.texts;
  for (const [id, count] of Object.entries(from.options)) into.options[id] = (into.options[id] ?? 0) + count;
  for (const [id, count] of Object.entries(from.topics)) into.topics[id] = (into.topics[id] ?? 0) + count;
}

/** Counts with the burst-flagged part taken out. */
export function withoutBurst(all: ChartCounts, burst: ChartCounts): ChartCounts {
  const minus = (left: Record<string, number>, right: Record<string, number>) =>
    Object.fromEntries(Object.entries(left).map(([id, count]) => [id, count - (right[id] ?? 0)]));
  return {
    answers: all.answers - burst.answers,
    options: minus(all.options, burst.options),
    topics: minus(all.topics, burst.topics),
    comments: all.comments - burst.comments,
    texts: all.texts - burst.texts,
  };
}

const byText = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

/**
 * Merges the kept batches' summaries: per kiosk its batches, the numbers missing below the
 * highest and the places where the hash chain does not hold; per poll version its counts.
 * Costs what the number of batches and polls costs, whatever the number of answers.
 */
export function mergeSummaries(summaries: readonly BatchSummary[]): MergedSummary {
  const sorted = [...summaries].sort((left, right) => byText(left.kioskId, right.kioskId) || left.number - right.number);
  const byKiosk = new Map<string, BatchSummary[]>();
  for (const summary of sorted) byKiosk.set(summary.kioskId, [...(byKiosk.get(summary.kioskId) ?? []), summary]);

  const kiosks: KioskLedger[] = [];
  for (const [kioskId, list] of byKiosk) {
    const numbers = new Set(list.map((summary) => summary.number));
    const highest = list.at(-1)?.number ?? 0;
    const hashOf = new Map(list.map((summary) => [summary.number, summary.sha256]));
    kiosks.push({
      kioskId,
      site: list.at(-1)?.site ?? '',
      batches: list.map(({ number, count, sha256, first, last }) => ({ number, count, sha256, first, last })),
      missing: Array.from({ length: highest }, (_, index) => index + 1).filter((number) => !numbers.has(number)),
      chainBreaks: list
        .filter(({ number, previousHash }) => {
          if (number === 1) return previousHash !== null;
          const before = hashOf.get(number - 1);
          return before !== undefined && before !== previousHash;
        })
        .map((summary) => summary.number),
    });
  }

  const polls = new Map<string, PollSnapshot>();
  for (const summary of sorted) for (const poll of summary.polls) polls.set(pollKey(poll.id, poll.version), poll);
  const charts = new Map<string, MergedChart>();
  for (const key of polls.keys()) charts.set(key, { key, pollId: '', pollVersion: 0, poll: polls.get(key), all: emptyCounts(), burst: emptyCounts(), shown: [], drawings: [], kiosks: [] });
  let total = 0;
  let burst = 0;
  for (const summary of sorted) {
    for (const tally of summary.tallies) {
      const key = pollKey(tally.pollId, tally.pollVersion);
      const chart = charts.get(key) ?? { key, pollId: '', pollVersion: 0, poll: undefined, all: emptyCounts(), burst: emptyCounts(), shown: [], drawings: [], kiosks: [] };
      chart.pollId = tally.pollId;
      chart.pollVersion = tally.pollVersion;
      addCounts(chart.all, tally.all);
      addCounts(chart.burst, tally.burst);
      for (const text of tally.shown) if (chart.shown.length < shownTextsPerPoll) chart.shown.push(text);
      for (const drawing of tally.drawings ?? []) if (chart.drawings.length < shownDrawingsPerPoll) chart.drawings.push(drawing);
      if (!chart.kiosks.includes(summary.kioskId)) chart.kiosks.push(summary.kioskId);
      charts.set(key, chart);
      total += tally.all.answers;
      burst += tally.burst.answers;
    }
  }
  return { kiosks, charts: [...charts.values()].filter((chart) => chart.all.answers > 0), total, burst };
}

/**
 * The charts of children's polls apart from the adults'. The kiosk takes an answer's audience from
 * its poll's kind, so a children's poll holds children's answers only, and every child's answer is
 * on one: splitting the charts by kind splits the answers by audience.
 */
export function chartsByAudience(charts: readonly MergedChart[]): { adults: MergedChart[]; children: MergedChart[] } {
  const isChildren = (chart: MergedChart) => chart.poll !== undefined && isChildKind(chart.poll.kind);
  return { adults: charts.filter((chart) => !isChildren(chart)), children: charts.filter(isChildren) };
}
