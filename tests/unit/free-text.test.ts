import { describe, expect, it } from 'vitest';
import { followUpInputSchema, submitInputSchema } from '../../src-shared/contract/responses';
import { pollDraftSchema } from '../../src-shared/contract/poll-draft';
import { siteNameSchema } from '../../src-shared/contract/settings';
import { outcomeDraftSchema } from '../../src-shared/contract/outcomes';
import { checkFreeText } from '../../src-shared/text/free-text';
import { freeTextSchema } from '../../src-shared/text/free-text-schema';
import { guardFormula } from '../../src-shared/export/csv-cells';
import { fi } from '../../src-shared/i18n/fi';
import { en } from '../../src-shared/i18n/en';
import { sv } from '../../src-shared/i18n/sv';

const textAnswer = (text: string) => ({ pollId: 'wishes', pollVersion: 1, answer: { text }, language: 'fi' });
const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`) ?? [];

describe('free text at the boundary', () => {
  it.each([
    ['a NUL byte', '\u0000=1+1'],
    ['an escape', 'moi\u001b[31m'],
    ['a carriage return', 'rivi\rrivi'],
    ['a C1 control', 'hinta\u0085'],
    ['a DEL', 'a\u007fb'],
    ['a lone high surrogate', 'emoji \ud83d'],
    ['a lone low surrogate', '\ude00 puolikas'],
  ])('refuses %s with a translated message key', (_name, text) => {
    expect(issuesOf(submitInputSchema.safeParse(textAnswer(text)))).toContain('answer.text: problem.controlCharacter');
    expect(issuesOf(followUpInputSchema.safeParse({ responseId: crypto.randomUUID(), topics: [], comment: text }))).toContain(
      'comment: problem.controlCharacter',
    );
    expect(checkFreeText(text)).toEqual({ ok: false, problem: 'problem.controlCharacter' });
    for (const messages of [fi, sv, en]) expect(messages['problem.controlCharacter']).toMatch(/\w{3}/);
  });

  it('keeps line feeds, tabs and whole emoji', () => {
    expect(freeTextSchema(500).parse('eka rivi\ntoka\trivi 👨‍👩‍👧')).toBe('eka rivi\ntoka\trivi 👨‍👩‍👧');
  });

  it('stores NFC, so a decomposed ä is one character and counts once', () => {
    const decomposed = 'a\u0308iti'.repeat(100);
    const parsed = submitInputSchema.parse(textAnswer(decomposed));
    expect(parsed.answer).toEqual({ text: 'äiti'.repeat(100) });
  });

  it('removes bidirectional controls, so "7654321-040" behind an override is stored as typed', () => {
    const parsed = submitInputSchema.parse(textAnswer('soita \u202e7654321-040\u202c kiitos \u2067x\u2069\u200f'));
    expect(parsed.answer).toEqual({ text: 'soita 7654321-040 kiitos x' });
  });

  it('holds staff texts to the same rule: poll drafts, outcomes and the site name', () => {
    const draft = {
      kind: 'text',
      question: { fi: 'Mitä\u0000 toivot?' },
      options: [],
      comment: false,
      start: { type: 'now' },
      end: { type: 'none' },
    };
    expect(issuesOf(pollDraftSchema.safeParse(draft))).toContain('question.fi: problem.controlCharacter');
    expect(pollDraftSchema.parse({ ...draft, question: { fi: '\u202eMitä toivot?' } }).question).toEqual({ fi: 'Mitä toivot?' });
    expect(issuesOf(siteNameSchema.safeParse('Piha\u0007'))).toContain(': problem.controlCharacter');
    expect(siteNameSchema.parse(' Perheiden\u200f piha ')).toBe('Perheiden piha');
    expect(
      issuesOf(outcomeDraftSchema.safeParse({ text: { fi: 'Uusi\ud800 lelu' }, startsOn: '2026-12-01', endsOn: '2026-12-02' })),
    ).toContain('text.fi: problem.controlCharacter');
  });
});

describe('the CSV formula guard', () => {
  it.each(['=1+1', '\u0000=1+1', '＝1+1', '  =1+1', '\u200b+A1', '\u202e-1', '＠SUM(A1)', '＋1', '－1', '\u00a0@x', '\t=1', '\r=1'])('guards %j', (value) => {
    expect(guardFormula(value)).toBe(`'${value}`);
  });

  it.each(['Kiitos!', '1+1=2', 'a=b', '040 123', 'äiti@posti'])('leaves %j as it is', (value) => {
    expect(guardFormula(value)).toBe(value);
  });
});
