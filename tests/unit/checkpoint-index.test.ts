import { describe, expect, it } from 'vitest';
import { answerTallySchema } from '../../src-main/core/domain/answer-tally';
import { checkedSegments, checkedTally } from '../../src-main/core/domain/checkpoint-index';
import { segmentEntrySchema } from '../../src-main/core/domain/segment-index';
import { z } from 'zod';
import { damagedCopy, placesOf, removed } from '../support/damaged-copies';

const hours = (count: number) => Array.from({ length: 24 }, (_, hour) => (hour === 10 ? count : 0));
const segments = [
  { number: 1, bytes: 5120, count: 40, low: 1, high: 40, firstSeq: 1, lastSeq: 40, firstDay: '2026-01-05', lastDay: '2026-01-06', commentPolls: ['council-feedback'] },
  { number: 2, bytes: 0, count: 0, low: 0, high: 0, firstSeq: 0, lastSeq: 0, firstDay: '', lastDay: '', commentPolls: [] },
];
const tally = {
  versions: { 'council-feedback@1': 40, 'coffee@2': 3 },
  days: {
    'council-feedback': {
      '2026-01-05': { all: { count: 30, hours: hours(30), options: { good: 20, bad: 10 } }, flagged: { count: 2, hours: hours(2), options: { good: 2 } } },
      '2026-01-06': { all: { count: 10, hours: hours(10), options: { good: 10 } } },
    },
    coffee: { '2026-01-06': { all: { count: 3, hours: hours(3), options: {} } } },
  },
};

const bad: unknown[] = [-1, 1.5, '1', null, [], {}, true, 2 ** 60, Number.NaN];


function agrees(schema: z.ZodType, check: (value: unknown) => unknown, sample: unknown): number {
  let refused = 0;
  for (const path of placesOf(sample)) {
    for (const replacement of [...bad, removed, 'text']) {
      const value = damagedCopy(sample, path, replacement);
      const parsed = schema.safeParse(value);
      const checked = check(value);
      expect(checked, `${path.join('.')} = ${String(replacement)}`).toEqual(parsed.success ? parsed.data : null);
      if (checked === null) refused += 1;
    }
  }
  return refused;
}

describe('the checkpoint’s segment index and tally, checked by hand', () => {
  it('accept what the schemas accept, as the schemas give it, and refuse every damage the schemas refuse', () => {
    expect(checkedSegments(segments)).toEqual(segments);
    expect(checkedTally(tally)).toEqual(tally);
    // Unknown fields are dropped, as the schemas drop them.
    const extra = { ...tally, spare: 1, days: { ...tally.days, coffee: { '2026-01-06': { ...tally.days.coffee['2026-01-06'], note: 'x' } } } };
    expect(checkedTally(extra)).toEqual(answerTallySchema.parse(extra));
    // A key named __proto__ (no poll or option id can be one) stays a plain key and never becomes a prototype.
    const hostile: unknown = JSON.parse(`{"versions":{},"days":{"coffee":{"__proto__":${JSON.stringify(tally.days.coffee['2026-01-06'])}}}}`);
    const coffee = checkedTally(hostile)?.days.coffee;
    expect(coffee === undefined ? null : Object.getPrototypeOf(coffee)).toBe(Object.prototype);
    expect(Object.keys(coffee ?? {})).toEqual(['__proto__']);
    expect(agrees(z.array(segmentEntrySchema), checkedSegments, segments)).toBeGreaterThan(100);
    expect(agrees(answerTallySchema, checkedTally, tally)).toBeGreaterThan(100);
    for (const length of [23, 25]) expect(checkedTally(damagedCopy(tally, ['days', 'coffee', '2026-01-06', 'all', 'hours'], hours(1).slice(0, length).concat(length > 24 ? [0] : [])))).toBeNull();
  });
});
