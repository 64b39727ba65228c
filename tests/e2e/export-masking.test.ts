import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { startKerro } from '../support/browser-shell';
import { callApi, unlockOverHttp } from '../support/kerro-api';
import { makeTempDir } from '../support/temp-dir';

/** Personal data as parents really write it: each form the issue found unmasked, and the others the detector promises. */
const written = [
  { form: '(040) 123 4567', kind: 'phone' },
  { form: '040.123.4567', kind: 'phone' },
  { form: '040/1234567', kind: 'phone' },
  { form: '0 4 0 1 2 3 4 5 6 7', kind: 'phone' },
  { form: '040\u200B123\u200B4567', kind: 'phone' },
  { form: '０４０１２３４５６７', kind: 'phone' },
  { form: '٠٤٠١٢٣٤٥٦٧', kind: 'phone' },
  { form: '+358 (0)40 123 4567', kind: 'phone' },
  { form: 'maija (at) example.fi', kind: 'email' },
  { form: 'maija @ example.fi', kind: 'email' },
  { form: 'maija[at]example.fi', kind: 'email' },
  { form: 'maija＠example.fi', kind: 'email' },
  { form: '131052-308T', kind: 'identityCode' },
  { form: '131052Y308T', kind: 'identityCode' },
  { form: 'FI21 1234 5600 0007 85', kind: 'iban' },
] as const;

/** Each answer also holds ordinary numbers that must come through untouched. */
const sentence = (form: string) => `Klo 18.30 oli 12 lasta, soita ${form} kiitos`;

interface BatchAnswer {
  answer: { text?: string };
  masked: string[];
}

describe('personal data is masked in every exported file', () => {
  it('hides each written form sent through the browser shell in responses.json, responses.csv, summary.html and report.html', async () => {
    const stick = await makeTempDir('kerro-stick-');
    const kerro = await startKerro(await makeTempDir(), { KERRO_EXPORT_DIRS: `folder=${stick}` });
    const token = await unlockOverHttp(kerro);
    const saved = (await callApi(
      kerro,
      'polls.save',
      { pollId: null, draft: { kind: 'text', question: { fi: 'Mitä haluat sanoa?' }, options: [], start: { type: 'now' }, end: { type: 'none' }, comment: false } },
      token,
    )) as { poll: { id: string; version: number } };
    await callApi(kerro, 'polls.setState', { pollId: saved.poll.id, state: 'active' }, token);
    for (const { form } of written) {
      await callApi(kerro, 'responses.submit', { pollId: saved.poll.id, pollVersion: saved.poll.version, answer: { text: sentence(form) }, language: 'fi' });
    }
    const { targets } = (await callApi(kerro, 'exports.targets', {}, token)) as { targets: { id: string }[] };
    await callApi(kerro, 'exports.run', { targetId: targets[0]?.id }, token);
    await kerro.stop();

    const [folder] = await readdir(stick);
    if (folder === undefined) throw new Error('Nothing was exported');
    const read = (name: string) => readFile(join(stick, folder, name), 'utf8');
    const files = { json: await read('responses.json'), csv: await read('responses.csv'), summary: await read('summary.html'), report: await read('report.html') };

    // Digits in any script, with any separator or invisible character between them, read as they would be typed.
    const digitsOf = (text: string) => text.normalize('NFKC').replace(/\p{Nd}/gu, (digit) => String(digitValue(digit)));
    for (const [name, content] of Object.entries(files)) {
      const flat = digitsOf(content).replace(/[\s\u200B().\-/]/g, '');
      for (const { form } of written) expect(content, `${name}: ${form}`).not.toContain(form);
      expect(flat, `${name}: a phone number's digits`).not.toContain('401234567');
      expect(flat, `${name}: an identity code`).not.toContain('131052');
      expect(content, `${name}: an e-mail address`).not.toMatch(/maija/);
      expect(flat, `${name}: an IBAN`).not.toContain('FI21');
    }

    const batch = JSON.parse(files.json) as { answers: BatchAnswer[] };
    const masked = batch.answers.filter((answer) => answer.answer.text !== undefined);
    expect(masked.map((answer) => answer.masked)).toEqual(written.map(({ kind }) => [kind]));
    for (const answer of masked) expect(answer.answer.text).toMatch(/^Klo 18\.30 oli 12 lasta, soita \[[a-z ]+\] kiitos$/);

    const rows = Papa.parse<Record<string, string>>(files.csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: ';' }).data;
    const texts = rows.filter((row) => row.text !== '');
    expect(texts.map((row) => row.masked)).toEqual(written.map(({ kind }) => kind));
    for (const row of texts) expect(row.text).toMatch(/^Klo 18\.30 oli 12 lasta, soita \[[a-z ]+\] kiitos$/);
    // The pages quote some of the answers; those they quote are masked, in the page's language.
    expect(files.summary).toMatch(/Klo 18\.30 oli 12 lasta, soita \[[^\]]+\] kiitos/);
    expect(files.report).toMatch(/Klo 18\.30 oli 12 lasta, soita \[[^\]]+\] kiitos/);
  });
});

/** The value of a decimal digit of any script: its distance from the zero of its block of ten. */
function digitValue(digit: string): number {
  const code = digit.codePointAt(0) ?? 0;
  for (let zero = code; zero > code - 10; zero -= 1) {
    if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return code - zero;
  }
  return 0;
}
