import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectBreakdown, smallGroupMinimum } from '../../src-shared/privacy/small-groups';

describe('protectBreakdown', () => {
  it('hides every cell of 1–4 answers and keeps zeros and larger cells', () => {
    expect(protectBreakdown([0, 1, 4, 5, 12], { isTotalShown: false })).toEqual([0, null, null, 5, 12]);
  });

  it('hides one more cell when a lone small cell could be worked out from the printed total', () => {
    expect(protectBreakdown([19, 8, 3, 9], { isTotalShown: true })).toEqual([19, 'fiveOrMore', null, 9]);
    expect(protectBreakdown([19, 8, 3, 2], { isTotalShown: true })).toEqual([19, 8, null, null]);
  });

  it('never shows a count under five, and with the total shown the hidden cells add up to 0 or at least 5', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { maxLength: 40 }), fc.boolean(), (counts, isTotalShown) => {
        const shown = protectBreakdown(counts, { isTotalShown });
        shown.forEach((count, index) => {
          const real = counts[index] ?? -1;
          if (typeof count === 'number') expect(count === 0 || count >= smallGroupMinimum).toBe(true);
          // What a hidden cell says of itself is true: "< 5" is 1–4, "≥ 5" is five or more.
          else if (count === null) expect(real > 0 && real < smallGroupMinimum).toBe(true);
          else expect(real).toBeGreaterThanOrEqual(smallGroupMinimum);
        });
        const hiddenSum = counts.reduce((sum, count, index) => sum + (typeof shown[index] === 'number' ? 0 : count), 0);
        const visibleNonZero = shown.filter((count) => typeof count === 'number' && count > 0).length;
        if (isTotalShown && visibleNonZero > 0) expect(hiddenSum === 0 || hiddenSum >= smallGroupMinimum).toBe(true);
      }),
    );
  });
});
