import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidIdentityCode, maskPersonalData } from '../../src-shared/privacy/personal-data';

const labels = { phone: 'puhelin', email: 'sähköposti', identityCode: 'henkilötunnus', iban: 'tilinumero' } as const;

describe('Finnish personal identity codes', () => {
  it.each(['131052-308T', '010101A123N', '311299-999E', '010203B0023', '290200A002C'])('%s is valid', (code) => {
    expect(isValidIdentityCode(code)).toBe(true);
  });

  it.each([
    ['131052-308U', 'wrong check character'],
    ['310252-308T', 'no 31st of February... of any month with 30 days'],
    ['290201A002C', '2001 was not a leap year'],
    ['131052G308T', 'no such century sign'],
    ['131052-001T', 'individual numbers start at 002'],
    ['1310523-08T', 'wrong shape'],
  ])('%s is not (%s)', (code) => {
    expect(isValidIdentityCode(code)).toBe(false);
  });
});

describe('finding personal data in comments', () => {
  it.each([
    ['Soita minulle 040 123 4567 kiitos', 'phone', '040 123 4567'],
    ['numero 0401234567', 'phone', '0401234567'],
    ['numero 040-1234567.', 'phone', '040-1234567'],
    ['ring +358 40 123 4567', 'phone', '+358 40 123 4567'],
    ['+358401234567', 'phone', '+358401234567'],
    ['call 00358 9 1234 567', 'phone', '00358 9 1234 567'],
    ['maili: liisa.virtanen@example.fi', 'email', 'liisa.virtanen@example.fi'],
    ['ÄITI.äänekoski@posti.fi kirjoitti', 'email', 'ÄITI.äänekoski@posti.fi'],
    ['hetu 131052-308T löytyy', 'identityCode', '131052-308T'],
    ['010101A123N', 'identityCode', '010101A123N'],
    ['soita (040) 123 4567', 'phone', '(040) 123 4567'],
    ['soita 040.123.4567', 'phone', '040.123.4567'],
    ['soita 040/1234567', 'phone', '040/1234567'],
    ['soita 0 4 0 1 2 3 4 5 6 7 illalla', 'phone', '0 4 0 1 2 3 4 5 6 7'],
    ['soita 040\u200b123\u200b4567', 'phone', '040\u200b123\u200b4567'],
    ['soita ０４０１２３４５６７', 'phone', '０４０１２３４５６７'],
    ['اتصل ٠٤٠١٢٣٤٥٦٧ شكرا', 'phone', '٠٤٠١٢٣٤٥٦٧'],
    ['ring +46 (0)70-123 45 67', 'phone', '+46 (0)70-123 45 67'],
    ['liisa @ example.fi', 'email', 'liisa @ example.fi'],
    ['liisa (at) example.fi', 'email', 'liisa (at) example.fi'],
    ['liisa[at]example.fi', 'email', 'liisa[at]example.fi'],
    ['liisa＠example.fi', 'email', 'liisa＠example.fi'],
    ['hetu 010594Y9032 ok', 'identityCode', '010594Y9032'],
    ['hetu 020502E902X ok', 'identityCode', '020502E902X'],
    ['tili FI21 1234 5600 0007 85 kiitos', 'iban', 'FI21 1234 5600 0007 85'],
  ])('%s → %s', (text, kind, expected) => {
    const found = findPersonalData(text).map((match) => ({ kind: match.kind, text: text.slice(match.start, match.end) }));
    expect(found).toEqual([{ kind, text: expected }]);
  });

  it.each([
    'Kerho oli 12.3.2024 tosi kiva',
    'Avoinna 9-12 ja 13-16',
    'Aukiolo 2024-2025 parempi',
    'Tulimme klo 10.30, lähdimme 12:15',
    'Lapsia oli 25 ja aikuisia 30',
    'Hinta 2,50 € tai 1 000 euroa',
    'päivämäärä 131052-308U ei ole tunnus',
    'versio 1.2.3 ja huone 204',
    'vuonna 2024 syyskuussa',
    'koodi 010203',
  ])('leaves %s alone', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('masks every finding and reports the kinds', () => {
    const masked = maskPersonalData('Liisa 040 123 4567, liisa@example.fi, 131052-308T.', labels);
    expect(masked.text).toBe('Liisa [puhelin], [sähköposti], [henkilötunnus].');
    expect(masked.kinds.sort()).toEqual(['email', 'identityCode', 'phone']);
    expect(maskPersonalData('Kiitos kivasta päivästä!', labels)).toEqual({ text: 'Kiitos kivasta päivästä!', kinds: [] });
  });
});
