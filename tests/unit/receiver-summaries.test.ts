import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tallyAnswers } from '../../src-shared/qr/batch-tally';
import { summarizeBatch, type BatchSummary, type SeqRange } from '../../src-shared/qr/batch-summary';
import { mergeBatches, type KeptBatch } from '../../src-shared/qr/merge';
import { chartsByAudience, mergeSummaries, withoutBurst, type MergedChart } from '../../src-shared/qr/summary-merge';
import { sampleBatch, samplePolls, type SampleBatch } from '../../scripts/fixtures/sample-batch';

const kept = (batch: SampleBatch): KeptBatch => ({
  header: batch.header,
  polls: samplePolls,
  answers: batch.answers,
  sha256: createHash('sha256').update(batch.canonical).digest('hex'),
});

/** Summarises batches in the order they arrive, as the intake worker does. */
function arrive(batches: readonly KeptBatch[]): BatchSummary[] {
  const ranges = new Map<string, SeqRange[]>();
  const summaries: BatchSummary[] = [];
  for (const batch of batches) {
    const earlier = ranges.get(batch.header.kioskId) ?? [];
    summaries.push(summarizeBatch(batch, earlier));
    ranges.set(batch.header.kioskId, [...earlier, [batch.header.seqFrom, batch.header.seqTo]]);
  }
  return summaries;
}

describe('the receiver merged from summaries', () => {
  const first = kept(sampleBatch({ answers: 300, seed: 1, kioskId: 'K-A' }));
  const second = kept(sampleBatch({ answers: 200, seed: 2, kioskId: 'K-A', number: 2, seqFrom: 301, previousHash: first.sha256 }));
  // A batch that repeats answers 451–500 (a kiosk restored from an older copy, say), then brings 100 new.
  const overlapping = kept(sampleBatch({ answers: 150, seed: 2, kioskId: 'K-A', number: 3, seqFrom: 451, previousHash: second.sha256 }));
  const fifth = kept(sampleBatch({ answers: 5, seed: 3, kioskId: 'K-A', number: 5, seqFrom: 701, previousHash: 'a'.repeat(64) }));
  const other = kept(sampleBatch({ answers: 120, seed: 4, kioskId: 'K-B' }));

  it('counts what merging every answer counts: per poll, option and topic, each answer once', () => {
    const batches = [other, second, first, overlapping, fifth];
    const summary = mergeSummaries(arrive(batches));
    const full = mergeBatches(batches);
    const tallies = tallyAnswers(full.polls, full.answers);
    expect(summary.total).toBe(full.answers.length);
    expect(summary.total).toBe(300 + 200 + 100 + 5 + 120);
    for (const tally of tallies) {
      const chart = summary.charts.find((candidate) => candidate.pollId === tally.pollId && candidate.pollVersion === tally.pollVersion);
      expect(chart?.all.answers).toBe(tally.answers);
      expect(chart?.all.options).toEqual(Object.fromEntries(tally.options));
      expect(chart?.all.topics).toEqual(Object.fromEntries(tally.topics));
      expect(chart?.kiosks).toEqual(['K-A', 'K-B']);
    }
    expect(summary.kiosks.map(({ kioskId, missing, chainBreaks }) => [kioskId, missing, chainBreaks])).toEqual(
      full.kiosks.map(({ kioskId, missing, chainBreaks }) => [kioskId, missing, chainBreaks]),
    );
  });

  it('takes burst-flagged answers out of every count when asked', () => {
    const summary = mergeSummaries(arrive([first, other]));
    const answers = [...first.answers, ...other.answers].filter((answer) => answer.pollId === 'council-feedback');
    const calm = answers.filter((answer) => !answer.flags.includes('burst'));
    const chart = summary.charts.find((candidate) => candidate.pollId === 'council-feedback');
    if (chart === undefined) throw new Error('no chart');
    const counts = withoutBurst(chart.all, chart.burst);
    expect(counts.answers).toBe(calm.length);
    expect(counts.answers).toBeLessThan(answers.length);
    expect(counts.options.good).toBe(calm.filter((answer) => 'optionIds' in answer.answer && answer.answer.optionIds.includes('good')).length);
  });
});

describe("children's answers in the receiver", () => {
  it("are counted apart from the adults', every child's answer in the children's part and none in the adults'", () => {
    const batches = [sampleBatch({ answers: 400, seed: 8, kioskId: 'K-A', childShare: 0.2 }), sampleBatch({ answers: 300, seed: 9, kioskId: 'K-B', childShare: 0.1 })];
    const summary = mergeSummaries(arrive(batches.map((batch) => ({ ...kept(batch), polls: batch.polls }))));
    const answers = batches.flatMap((batch) => batch.answers);
    const children = answers.filter((answer) => answer.audience === 'child');
    expect(children.length).toBeGreaterThan(50);
    const { adults, children: childCharts } = chartsByAudience(summary.charts);
    const total = (charts: readonly MergedChart[]) => charts.reduce((sum, chart) => sum + chart.all.answers, 0);
    expect(total(childCharts)).toBe(children.length);
    expect(total(adults)).toBe(answers.length - children.length);
    expect(childCharts.map((chart) => chart.pollId)).toEqual(['children-playing']);
    expect(adults.some((chart) => chart.pollId === 'children-playing')).toBe(false);
    expect(childCharts[0]?.all.options).toEqual(Object.fromEntries(['sad', 'neutral', 'happy'].map((id) => [id, children.filter((answer) => 'optionIds' in answer.answer && answer.answer.optionIds[0] === id).length]).filter(([, count]) => count !== 0)));
  });
});
