import { describe, expect, it } from 'vitest';
import { pollKey, type CsvDialect, type ExportAnswer, type PollSnapshot } from '../../src-shared/contract/batch-format';
import { CsvFormatter, csvColumns } from '../../src-shared/export/csv';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { sampleBatch, samplePolls, seededRandom } from '../../scripts/fixtures/sample-batch';
import { ReferenceCsvFormatter } from '../support/csv-reference';

/** Pieces a cell is made of: everything that asks for a guard, quotes or care, and plain text. */
const pieces = [
  '=', '+', '-', '@', '＝', '＋', '－', '＠', '﹢', '﹣', '﹦', '﹫', '−', '\t', '\r', '\n', '\r\n', ' ', '  ', '\u00a0', '\u200b', '\u202e',
  '\u2028', '\ufeff', '\u0000', '\u0007', '\u007f', '\u0085', '\u3000', ';', ',', '"', '""', "'", 'ä', 'Ö', 'kiitos', 'SUM(A1)', '1', '3,5',
  '0.5', '😀', '\ud800', 'א', 'x',
];


function varied(seed: number) {
  const random = seededRandom(seed);
  const pick = <T,>(list: readonly T[]): T => {
    const item = list[Math.floor(random() * list.length)];
    if (item === undefined) throw new Error('Nothing to pick from');
    return item;
  };
  const text = () => Array.from({ length: Math.floor(random() * 6) }, () => pick(pieces)).join('');
  const label = () => (random() < 0.2 ? { fi: text() } : { fi: text(), sv: text(), en: text() });
  const polls: PollSnapshot[] = [
    ...samplePolls,
    {
      id: 'mood',
      version: 3,
      kind: 'scale',
      standing: false,
      question: { fi: '=Miten menee?', en: ' How is it going? ' },
      // An id twice: the first option of an id is the one a row names and places.
      options: ['a', 'b', 'a', 'c'].map((id) => ({ id, label: label() })),
      followUp: { comment: true, topics: ['t1', 't2', 't1'].map((id) => ({ id, label: label() })) },
    },
    { id: 'wishes', version: 1, kind: 'text', standing: false, question: { fi: text() }, options: [], followUp: null },
    { id: 'faces', version: 1, kind: 'child-faces', standing: false, question: { fi: 'Kivaa?', sv: 'Roligt?' }, options: ['sad', 'happy'].map((id) => ({ id, label: label() })), followUp: null },
    { id: 'yes', version: 2, kind: 'yesno', standing: false, question: { fi: text(), sv: text() }, options: ['yes', 'no'].map((id) => ({ id, label: label() })), followUp: null },
  ];
  const known = new Map(polls.map((poll) => [pollKey(poll.id, poll.version), poll]));
  const times = [
    '2026-11-02T09:00:05.123+02:00', '2026-11-02T23:59:59+02:00', '2026-11-03T00:00:00Z', '2026-01-09T07:08:09.5-05:30', '2026-03-29T03:00:00.000+03:00',
    '2026-11-02 09:00:05+02:00', '2026-11-02T09:00:05', '2026-11-02T09:00:05.+02:00', '2026-11-02T09:00:05+2:00', '2026-11-02T09:00:05+02:00x',
    '', 'yesterday', '2026-11-02T09:00:05z', '２026-11-02T09:00:05Z', '2026-11-02T09:00:05.1234567Z',
  ];
  const answers: ExportAnswer[] = [];
  for (let seq = 1; seq <= 2000; seq += 1) {
    const poll = random() < 0.1 ? { id: `gone-${Math.floor(random() * 3)}`, version: 1, options: [{ id: 'x' }] } : pick(polls);
    const ids = [...poll.options.map((option) => option.id), 'unknown', text()];
    const roll = random();
    const answer: ExportAnswer['answer'] =
      roll < 0.15 ? { text: text() } : roll < 0.2 ? { drawing: { strokes: [{ color: 'red', points: [1, 2] }] } } : { optionIds: ids.filter(() => random() < 0.35) };
    const audience = random();
    answers.push({
      seq: random() < 0.02 ? seq + 0.5 : seq,
      id: random() < 0.05 ? text() : `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      pollId: poll.id,
      pollVersion: 'version' in poll ? poll.version : 1,
      answer,
      language: pick(['fi', 'sv', 'en', 'ar'] as const),
      answeredAt: random() < 0.8 ? pick(times.slice(0, 5)) : pick(times),
      flags: random() < 0.2 ? [pick(['burst', text()]), ...(random() < 0.3 ? ['x'] : [])] : [],
      topics: random() < 0.4 ? ['t1', 't2', 'premises', 'nope', text()].filter(() => random() < 0.5) : [],
      comment: random() < 0.3 ? text() : null,
      masked: random() < 0.1 ? ['email', 'phone'] : [],
      ...(audience < 0.3 ? {} : { audience: audience < 0.6 ? 'child' : 'adult' }),
    });
  }
  return { known, answers, kioskIds: ['K-7F3A-19C2', '=K', ' K ', 'K;1', 'K,"1"'] };
}

describe('the CSV row writer', () => {
  it('writes what the plain writer wrote, byte for byte, in both dialects and each kind of language, on cells made to need guards and quotes', () => {
    const { known, answers, kioskIds } = varied(17);
    // A language of each kind: the base one, one shown in Finnish, translated ones, and one no label is written in.
    const cases: [CsvDialect, readonly LanguageCode[]][] = [['finnish-excel', ['fi', 'fi-selko', 'sv', 'ar']], ['comma', ['en']]];
    for (const [dialect, languages] of cases) {
      for (const language of languages) {
        const fast = new CsvFormatter(dialect, language, known);
        const plain = new ReferenceCsvFormatter(dialect, language, known);
        expect(fast.header()).toBe(plain.header());
        const write = (formatter: CsvFormatter | ReferenceCsvFormatter) => answers.map((answer, index) => formatter.row(answer, 1 + (index % 3), kioskIds[index % kioskIds.length] ?? ''));
        const [wanted, written] = [write(plain), write(fast)];
        // Compared whole; on a difference, the first row that differs is named with its answer.
        const differs = wanted.findIndex((row, index) => row !== written[index]);
        expect(differs === -1 ? '' : `${dialect} ${language} #${differs} ${JSON.stringify(answers[differs])}\n${written[differs] ?? ''}`).toBe(
          differs === -1 ? '' : `${dialect} ${language} #${differs} ${JSON.stringify(answers[differs])}\n${wanted[differs] ?? ''}`,
        );
        expect(written).toHaveLength(answers.length);
      }
    }
  });

  it('writes a realistic batch the same as the plain writer, and in the order of the header', () => {
    const batch = sampleBatch({ answers: 2000, seed: 5, commentShare: 0.4 });
    const known = new Map(samplePolls.map((poll) => [pollKey(poll.id, poll.version), poll]));
    for (const dialect of ['finnish-excel', 'comma'] satisfies CsvDialect[]) {
      const fast = new CsvFormatter(dialect, 'fi', known);
      const plain = new ReferenceCsvFormatter(dialect, 'fi', known);
      const write = (formatter: CsvFormatter | ReferenceCsvFormatter) => formatter.header() + batch.answers.map((answer) => formatter.row(answer, 7, 'K-7F3A-19C2')).join('');
      expect(write(fast)).toBe(write(plain));
    }
    const [first] = batch.answers;
    if (first === undefined) throw new Error('no answer');
    const cells = new CsvFormatter('comma', 'en', known).row(first, 7, 'K-7F3A-19C2').slice(0, -2).split(',');
    expect(cells).toHaveLength(csvColumns.length);
    expect(cells.slice(0, 4)).toEqual(['7', '1', first.id, 'K-7F3A-19C2']);
    expect(cells.at(-2)).toBe('adult');
  });
});
