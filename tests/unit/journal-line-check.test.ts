import { describe, expect, it } from 'vitest';
import { journalLineSchema } from '../../src-main/core/domain/journal-line';
import { quickResponseLine } from '../../src-main/core/domain/journal-line-check';

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
const remove = Symbol('remove');

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => paths(Reflect.get(value, key), [...prefix, key]))];
}

function changed(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy: unknown = structuredClone(value);
  if (path.length === 0) return replacement;
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = Reflect.get(parent as object, key);
  const last = path.at(-1) ?? '';
  if (replacement === remove) Reflect.deleteProperty(parent as object, last);
  else Reflect.set(parent as object, last, replacement);
  return copy;
}

describe('journal lines checked by hand', () => {
  it('accept only what the schema accepts, and give it as the schema does', () => {
    let accepted = 0;
    let handedOn = 0;
    for (const sample of samples) {
      expect(quickResponseLine(sample)).toEqual(journalLineSchema.parse(sample));
      const places = [...paths(sample), ['response', 'answer', 'spare'], ['response', 'spare'], ['spare']];
      for (const path of places) {
        for (const replacement of [...odd, remove]) {
          const value = changed(sample, path, replacement);
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
