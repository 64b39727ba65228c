import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, type PersonalDataKind } from '../../src-shared/privacy/personal-data';
import { ordinaryComments } from '../../scripts/fixtures/ordinary-comments';

/**
 * Personal data written every way we know of, inside sentences in the languages parents use,
 * beside ordinary numbers. Every case must be masked whole, and no ordinary number touched.
 */
const runs = 10_000;

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((list) => list.join(''));

/** Decimal digit sets a parent's keyboard can produce: ASCII, full-width, Arabic-Indic, Persian, Devanagari. */
const digitZeros = [0x30, 0xff10, 0x660, 0x6f0, 0x966];
const inScript = (text: string, zero: number) => text.replace(/\d/g, (digit) => String.fromCodePoint(zero + Number(digit)));

const finnishNational = fc.oneof(
  fc.tuple(fc.constantFrom('040', '041', '044', '045', '046', '050'), digits(7)),
  fc.tuple(fc.constantFrom('09', '016', '014', '013', '017', '02', '03', '05', '06', '08'), digits(6)),
);

const phoneForms: ((prefix: string, rest: string) => string)[] = [
  (prefix, rest) => `${prefix}${rest}`,
  (prefix, rest) => `${prefix} ${rest.slice(0, 3)} ${rest.slice(3)}`,
  (prefix, rest) => `${prefix}-${rest}`,
  (prefix, rest) => `(${prefix}) ${rest.slice(0, 3)} ${rest.slice(3)}`,
  (prefix, rest) => `${prefix}.${rest.slice(0, 3)}.${rest.slice(3)}`,
  (prefix, rest) => `${prefix}/${rest}`,
  (prefix, rest) => `${prefix} ${rest.slice(0, 2)} ${rest.slice(2, 4)} ${rest.slice(4)}`,
  (prefix, rest) => [...`${prefix}${rest}`].join(' '),
  (prefix, rest) => [...`${prefix}${rest}`].join('\u200b'),
  (prefix, rest) => `+358 ${prefix.slice(1)} ${rest.slice(0, 3)} ${rest.slice(3)}`,
  (prefix, rest) => `+358${prefix.slice(1)}${rest}`,
  (prefix, rest) => `+358 (0)${prefix.slice(1)} ${rest}`,
  (prefix, rest) => `00358 ${prefix.slice(1)} ${rest}`,
  (prefix, rest) => `${prefix}-${rest.slice(0, 3)} ${rest.slice(3)}`,
];

const finnishPhone = fc
  .tuple(finnishNational, fc.integer({ min: 0, max: phoneForms.length - 1 }), fc.constantFrom(...digitZeros))
  .map(([[prefix, rest], form, zero]) => inScript(phoneForms[form]?.(prefix, rest) ?? '', zero));

const internationalPhone = fc
  .tuple(fc.constantFrom('+46', '+47', '+7', '+44', '+49', '+971', '+964', '+1', '+33', '+372', '0046', '007'), digits(9), fc.integer({ min: 0, max: 3 }))
  .map(([country, number, form]) => {
    if (form === 0) return `${country} ${number}`;
    if (form === 1) return `${country}${number}`;
    if (form === 2) return `${country} ${number.slice(0, 2)}-${number.slice(2, 5)} ${number.slice(5)}`;
    return `${country} (${number.slice(0, 3)}) ${number.slice(3)}`;
  });

const word = fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/);
const emailForms = ['@', ' @ ', '(at)', ' (at) ', '[at]', ' [at] ', '＠', ' AT '.replace(' AT ', '(AT)')];
const email = fc
  .tuple(word, fc.constantFrom('', '.', '_', '-'), word, fc.constantFrom(...emailForms), word, fc.constantFrom('fi', 'se', 'com', 'ru', 'org', 'net'))
  .map(([first, join, second, at, domain, tld]) => `${first}${join}${second}${at}${domain}.${tld}`);

const identityCheck = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const centurySigns = { 1800: ['+'], 1900: ['-', 'U', 'V', 'W', 'X', 'Y'], 2000: ['A', 'B', 'C', 'D', 'E', 'F'] } as const;
const identityCode = fc
  .tuple(fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 2, max: 899 }), fc.nat(5))
  .map(([date, individual, pick]) => {
    const year = date.getUTCFullYear();
    const century = year < 1900 ? 1800 : year < 2000 ? 1900 : 2000;
    const signs = centurySigns[century];
    const sign = signs[pick % signs.length] ?? '-';
    const stem = `${String(date.getUTCDate()).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(year % 100).padStart(2, '0')}`;
    const number = String(individual).padStart(3, '0');
    return `${stem}${sign}${number}${identityCheck[Number(stem + number) % 31] ?? ''}`;
  });

function ibanOf(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}
const iban = fc
  .tuple(fc.constantFrom<[string, number]>(['FI', 14], ['SE', 20], ['DE', 18], ['EE', 16]), fc.boolean())
  .chain(([[country, length], isGrouped]) =>
    digits(length).map((bban) => {
      const compact = ibanOf(country, bban);
      return isGrouped ? (compact.match(/.{1,4}/g) ?? []).join(' ') : compact;
    }),
  );

/** Sentences with a slot for the personal data and ordinary numbers that must stay as they are. */
const sentences: [string, string[]][] = [
  ['Kerho alkaa klo 9.30 ja kestää 2 tuntia, soittakaa {x} jos ehditte 12.3.2025.', ['9.30', '2 tuntia', '12.3.2025']],
  ['Lapsia oli 25 ja aikuisia 30, yhteystieto {x}, kahvi maksoi 2,50 €.', ['25', '30', '2,50']],
  ['Vi kom kl. 10:15 med 3 barn, ring {x} före den 5.12.', ['10:15', '3 barn', '5.12.']],
  ['Öppet 9–12 och 13–16, min kontakt är {x} tack!', ['9–12', '13–16']],
  ['We came at 10.30 with 2 kids; my contact is {x}, thanks for the 1 000 ideas.', ['10.30', '2 kids', '1 000']],
  ['The group on 2025-03-14 had 12 families. Reach me at {x} please.', ['2025-03-14', '12 families']],
  ['Мы пришли в 11:00 с 2 детьми, мой контакт {x}, спасибо за 3 часа.', ['11:00', '2 детьми', '3 часа']],
  ['Занятие 15.01.2025 стоило 5 евро; пишите {x}.', ['15.01.2025', '5 евро']],
  ['جئنا الساعة 10:30 مع 3 أطفال، تواصلوا معي {x} شكرا', ['10:30', '3 أطفال']],
  ['الموعد يوم 12.3.2025 وعددنا ٢٥ شخصا، رقمي {x}', ['12.3.2025', '٢٥']],
];

const sentence = fc.integer({ min: 0, max: sentences.length - 1 });

function check(kind: PersonalDataKind, value: string, index: number): void {
  const [template, ordinary] = sentences[index] ?? ['{x}', []];
  const start = template.indexOf('{x}');
  const text = template.replace('{x}', value);
  const end = start + value.length;
  const found = findPersonalData(text);
  const covering = found.find((match) => match.start <= start && match.end >= end);
  expect(covering, `${kind} not masked whole in: ${text}`).toBeDefined();
  for (const number of ordinary) {
    // Found in the template, not the text: the generated value may contain the same digits.
    const templateAt = template.indexOf(number);
    const at = templateAt < start ? templateAt : templateAt - '{x}'.length + value.length;
    const touched = found.some((match) => match.start < at + number.length && match.end > at);
    expect(touched, `"${number}" was taken for personal data in: ${text}`).toBe(false);
  }
}

describe('personal data in any written form, inside sentences in five languages', () => {
  it.each([
    ['phone', finnishPhone],
    ['phone', internationalPhone],
    ['email', email],
    ['identityCode', identityCode],
    ['iban', iban],
  ] as [PersonalDataKind, fc.Arbitrary<string>][])('%s: 100 %% masked, ordinary numbers left alone', (kind, values) => {
    fc.assert(
      fc.property(values, sentence, (value, index) => check(kind, value, index)),
      { numRuns: runs },
    );
  });

  it('takes nothing in ordinary comments for personal data, in five languages', () => {
    const flagged = ordinaryComments.filter((comment) => findPersonalData(comment.text).length > 0);
    expect(ordinaryComments.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ordinaryComments.map((comment) => comment.language))).toEqual(new Set(['fi', 'sv', 'en', 'ru', 'ar']));
    // The rate docs/privacy.md states; raise it only with the docs.
    expect(flagged.map((comment) => comment.text)).toEqual([]);
  });
});
