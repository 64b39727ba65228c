import { describe, expect, it } from 'vitest';
import { journalLineSchema } from '../../src-main/core/domain/journal-line';
import { quickResponseLine } from '../../src-main/core/domain/journal-line-check';
import { damagedCopy, placesOf, removed } from '../support/damaged-copies';

const response = {
  id: '0b9f1c2e-5a4d-8e3f-9a1b-2c3d4e5f6a7b',
  kioskId: 'K-TEST-0001',
  seq: 12,
  pollId: 'coffee-corner',
  pollVersion: 2,
  answer: { optionIds: ['like', 'more-seats'] },
  language: 'sv',
  answeredAt: '2026-01-05T10:15:00.000+02:00',
  flags: ['burst'],
  topics: ['coffee'],
  comment: 'Kiitos!',
};
const samples: unknown[] = [
  { v: 1, type: 'response', response },
  { v: 1, type: 'response', response: { ...response, answer: { text: '  Soita 040 123 4567  ' }, flags: [], topics: [], comment: null, audience: 'child' } },
];

const odd: unknown[] = [-1, 0, 1.5, '1', null, [], {}, true, 2 ** 60, '', '   ', 'x'.repeat(501), 'Not-An-Id', 'fi', 'adult', 'burst', Array.from({ length: 13 }, () => 'a')];

describe('journal lines checked by hand', () => {
  it('accept only what the schema accepts, and give it as the schema does', () => {
    let accepted = 0;
    let handedOn = 0;
    for (const sample of samples) {
      expect(quickResponseLine(sample)).toEqual(journalLineSchema.parse(sample));
      const places = [...placesOf(sample), ['response', 'answer', 'spare'], ['response', 'spare'], ['spare']];
      for (const path of places) {
        for (const replacement of [...odd, removed]) {
          const value = damagedCopy(sample, path, replacement);
          const quick = quickResponseLine(value);
          const parsed = journalLineSchema.safeParse(value);
          if (quick === undefined) {
            handedOn += 1;
            continue;
          }
          accepted += 1;
          expect(parsed.success ? parsed.data : null, `${path.join('.')} = ${String(replacement)}`).toEqual(quick);
        }
      }
    }
    // Both ways taken many times: the check is neither a pass-through nor a rubber stamp.
    expect(accepted).toBeGreaterThan(20);
    expect(handedOn).toBeGreaterThan(300);
  });
});
