import type { BatchSummary } from '../../src-shared/qr/batch-summary';
import type { BatchKey } from './batch-store';

/**
 * The batches, in the order given, cut into at most `count` runs that follow one another, each
 * of about as many answers as the others, none empty (there is always at least one run, which may
 * be empty when there are no batches). Several workers can then each write one run of a file, and
 * the runs put one after another are the whole file.
 */
export function planShares(summaries: readonly Pick<BatchSummary, 'kioskId' | 'number' | 'count'>[], count: number): BatchKey[][] {
  const total = summaries.reduce((sum, summary) => sum + summary.count, 0);
  const shares: BatchKey[][] = [[]];
  let before = 0;
  for (const summary of summaries) {
    const current = shares.at(-1) ?? [];
    if (current.length > 0 && shares.length < count && before >= (total * shares.length) / count) shares.push([]);
    shares.at(-1)?.push([summary.kioskId, summary.number]);
    before += summary.count;
  }
  return shares;
}
