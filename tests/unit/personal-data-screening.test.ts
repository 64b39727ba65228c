import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, findPersonalDataUnscreened } from '../../src-shared/privacy/personal-data';

/**
 * `findPersonalData` skips the four searches for a text that cannot hold any kind (too few
 * digits, no at sign, no IBAN start). That screening must never hide a finding: on any text the
 * screened search finds exactly what the full search finds. The texts are built from the pieces
 * personal data is made of, so many sit right at the screening's limits (seven digits, nine).
 */
const pieces = [
  '0', '00', '+', '+358', '040', '09', '1', '12', '123', '1234', '12345', '123456', '1234567',
  '131052', '308H', '-', 'A', '+', ' ', '.', '/', '(', ')', ':', 'at', 'AT', '(at)', '[at]', '@', ' @ ',
  'liisa', 'posti.fi', 'FI', 'SE', 'DE', 'FI21', 'GB82', 'WEST', 'GB61', 'WESTABCDEFGH', 'ä', 'ö', 'Ä',
  '０', '４', '٣', '۵', '\u200B', '\u202E', '\u00AD', 'ＡＴ', '＠', 'soita', 'kiitos ',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(''));

describe('screening texts before searching them for personal data', () => {
  it('finds exactly what the full search finds, on any text', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(findPersonalData(value)).toEqual(findPersonalDataUnscreened(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('still searches texts right at its limits', () => {
    const atLimits = ['soita 040 1234', '0401234', 'tunnus 131052-308T', 'tili FI21 1234 5600 0007 85', 'liisa (at) posti.fi', 'liisa＠posti.fi', '٠٤٠١٢٣٤', 'IBAN GB61WESTABCDEFGH'];
    for (const value of atLimits) expect(findPersonalData(value), value).not.toEqual([]);
    expect(findPersonalData('Kahvi oli kylmää (12345), kiitos 2.3.')).toEqual([]);
  });
});
