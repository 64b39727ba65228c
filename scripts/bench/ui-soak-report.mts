// What the UI bench prints of its soak: the page's heap and DOM nodes at every checkpoint, the
// heap's growth per 1,000 answers over the soak's second half (past what the first visits build
// once), and from both the growth a soak of `projectedAnswers` would show.
import type { BenchCheck, BenchTable } from './section.mjs';
import type { SoakCheckpoint, SoakFigures } from './ui-soak.mjs';

/** The soak length the heap target is stated for. */
export const projectedAnswers = 10_000;

/** Least-squares slope of the heap over the checkpoints from half the soak on, in MB per 1,000 answers. */
export function heapSlope(checkpoints: readonly SoakCheckpoint[]): number {
  const last = checkpoints.at(-1)?.answers ?? 0;
  const late = checkpoints.filter((checkpoint) => checkpoint.answers >= last / 2);
  if (late.length < 2) return Number.NaN;
  const meanAnswers = late.reduce((sum, checkpoint) => sum + checkpoint.answers, 0) / late.length;
  const meanHeap = late.reduce((sum, checkpoint) => sum + checkpoint.heapMb, 0) / late.length;
  const covariance = late.reduce((sum, checkpoint) => sum + (checkpoint.answers - meanAnswers) * (checkpoint.heapMb - meanHeap), 0);
  const variance = late.reduce((sum, checkpoint) => sum + (checkpoint.answers - meanAnswers) ** 2, 0);
  return (covariance / variance) * 1000;
}

export interface SoakReport {
  table: BenchTable;
  checks: BenchCheck[];
  notes: string[];
}

export function soakReport(figures: SoakFigures, heapGrowthTargetMb: number): SoakReport {
  const { checkpoints } = figures;
  const first = checkpoints[0];
  const last = checkpoints.at(-1);
  if (first === undefined || last === undefined) throw new Error('The soak measured nothing');
  const growth = last.heapMb - first.heapMb;
  const slope = heapSlope(checkpoints);
  // A slope below zero is garbage collection's noise, not memory given back: it never lowers the projection.
  const projected = growth + Math.max(0, slope) * Math.max(0, projectedAnswers - figures.answered) / 1000;
  const mostNodes = Math.max(...checkpoints.map((checkpoint) => checkpoint.nodes));
  const perAnswerMs = (figures.seconds * 1000) / Math.max(1, figures.answered);
  return {
    table: {
      title: `Soak: ${figures.answered} answers through the screens in one session`,
      columns: ['after answers', 'JS heap after GC, MB', 'growth since the start, MB', 'DOM nodes'],
      rows: checkpoints.map((checkpoint) => [String(checkpoint.answers), checkpoint.heapMb.toFixed(2), (checkpoint.heapMb - first.heapMb).toFixed(2), String(checkpoint.nodes)]),
    },
    checks: [
      { label: `soak: every answer given was stored (${figures.stored} of ${figures.answered})`, isMet: figures.stored === figures.answered, isRequired: true },
      {
        label: `soak heap growth ${growth.toFixed(2)} MB over ${figures.answered} answers, ${slope.toFixed(3)} MB per 1,000 over its second half, so ${projected.toFixed(2)} MB at ${projectedAnswers} answers ≤ ${heapGrowthTargetMb} MB; DOM nodes ${first.nodes} → ${last.nodes} (at most ${mostNodes})`,
        isMet: projected <= heapGrowthTargetMb && mostNodes <= first.nodes * 1.1,
        isRequired: false,
      },
    ],
    notes: [
      `Soak: ${figures.answered} answers in ${figures.seconds.toFixed(0)} s (${perAnswerMs.toFixed(1)} ms an answer, checkpoints not counted), the heap measured after a garbage collection at ${checkpoints.length} checkpoints. Growth per 1,000 answers is the least-squares slope through the checkpoints of the second half, past what the first visits build once; the heap at ${projectedAnswers} answers is the growth measured plus that slope over the answers not given${figures.answered >= projectedAnswers ? ' (none here)' : ''}.`,
    ],
  };
}
