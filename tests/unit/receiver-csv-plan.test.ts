import { describe, expect, it } from 'vitest';
import { planShares } from '../../src-renderer/receiver/csv-plan';

const batches = (...counts: number[]) => counts.map((count, index) => ({ kioskId: `K-${String(index).padStart(2, '0')}`, number: 1, count }));

describe('the merged CSV cut into runs for several workers', () => {
  it('names every batch once, in order, in at most the runs asked, none empty', () => {
    for (const counts of [[30_000, 30_000, 30_000], [400, 300], [1000, 1, 1, 1], [5], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]) {
      const kept = batches(...counts);
      for (const count of [1, 2, 3, 4]) {
        const plan = planShares(kept, count);
        expect(plan.flat()).toEqual(kept.map((batch) => [batch.kioskId, batch.number]));
        expect(plan.length).toBeLessThanOrEqual(count);
        expect(plan.length).toBe(Math.min(count, kept.length));
        for (const share of plan) expect(share.length).toBeGreaterThan(0);
      }
    }
  });

  it('gives the runs about as many answers each', () => {
    const plan = planShares(batches(...Array.from({ length: 30 }, () => 30_000)), 4);
    expect(plan.map((share) => share.length)).toEqual([8, 7, 8, 7]);
  });

  it('makes one empty run when nothing is kept, so the file is still written with its header', () => {
    expect(planShares([], 4)).toEqual([[]]);
  });
});
