import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportManifestSchema } from '../../src-shared/contract/batch-format';
import type { StoredResponse } from '../../src-shared/contract/responses';
import { csvColumns } from '../../src-shared/export/csv';
import { verifyExportFolders } from '../../src-main/core/stick/verify';
import { completeFolders, openExportKit, type ExportKit } from '../../scripts/fixtures/export-kit';
import { makeTempDir } from '../support/temp-dir';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Comments that break naive CSV writers and readers. */
const trickyComments = [
  'Äiti ja lapsi: tosi kiva paikka, kiitos! Åland öljyä',
  'Hän sanoi "ihan paras" ja lähti',
  'eka; toka; kolmas',
  'rivi yksi\nrivi kaksi\n\nrivi neljä',
  '=HYPERLINK("http://example.com","klikkaa")',
  '  alussa välilyöntejä',
  'soita 040 123 4567 tai kirjoita maija@example.fi',
  'emoji 👶🏽 ja ’kaarevat’ lainausmerkit',
];

async function kitWithAnswers(): Promise<{ kit: ExportKit; stored: StoredResponse[] }> {
  const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'KINGSTON'));
  const stored: StoredResponse[] = [];
  stored.push(await kit.answer('council-feedback', ['good']));
  stored.push(await kit.answer('council-feedback', ['very-bad']));
  for (const [index, comment] of trickyComments.entries()) {
    stored.push(await kit.answer('coffee-corner', [index % 2 === 0 ? 'like' : 'dislike'], { topics: index % 3 === 0 ? ['coffee', 'seats'] : [], comment }));
  }
  stored.push(await kit.answer('council-feedback', ['okay']));
  return { kit, stored };
}

function parseCsv(text: string, delimiter: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, newline: '\r\n', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  const rows = parsed.data;
  // Papa reports the final CRLF as one empty row.
  expect(rows.at(-1)).toEqual(['']);
  return rows.slice(0, -1);
}

/** Written from the stored answer, apart from the exporter's own code, to catch its mistakes. */
function expectedRow(response: StoredResponse, dialect: 'finnish-excel' | 'comma'): Record<string, string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})\.\d{3}([+-]\d{2}:\d{2})$/.exec(response.answeredAt);
  if (match === null) throw new Error(`unexpected time ${response.answeredAt}`);
  const [, year, month, day, time, offset] = match;
  const labels: Record<string, string> = {
    good: 'Hyvin',
    'very-bad': 'Tosi huonosti',
    okay: 'Ihan ok',
    like: 'Pidän',
    dislike: 'En pidä',
    coffee: 'Kahvi',
    seats: 'Istumapaikat; sohvat',
  };
  const scale: Record<string, string> = { 'very-bad': '1', bad: '2', okay: '3', good: '4', 'very-good': '5' };
  const optionIds = 'optionIds' in response.answer ? response.answer.optionIds : [];
  const isStanding = response.pollId === 'council-feedback';
  let comment = response.comment ?? '';
  comment = comment.replace('040 123 4567', '[phone]').replace('maija@example.fi', '[email]');
  if (comment.startsWith('=')) comment = `'${comment}`;
  return {
    batch: '1',
    seq: String(response.seq),
    response_id: response.id,
    kiosk_id: 'K-TEST-0001',
    date: dialect === 'finnish-excel' ? `${Number(day)}.${Number(month)}.${year}` : `${year}-${month}-${day}`,
    time: time ?? '',
    utc_offset: `UTC${offset ?? ''}`,
    poll_id: response.pollId,
    poll_version: '1',
    poll_kind: isStanding ? 'smiley' : 'single',
    question: isStanding ? 'Miten viihdyit täällä tänään?' : 'Mitä pidät kahvinurkasta?',
    answer_ids: optionIds.join('|'),
    answer: optionIds.map((id) => labels[id] ?? '?').join(', '),
    value: isStanding ? (scale[optionIds[0] ?? ''] ?? '') : '',
    text: '',
    topic_ids: response.topics.join('|'),
    topics: response.topics.map((id) => labels[id] ?? '?').join(', '),
    comment,
    language: 'fi',
    flags: '',
    masked: response.comment?.includes('040') === true ? 'email|phone' : '',
    audience: 'adult',
    drawing: '',
  };
}

describe('export to a stick', () => {
  it('writes a folder whose CSV parses back to every stored value, Finnish Excel dialect', async () => {
    const { kit, stored } = await kitWithAnswers();
    const progress: { step: string; done: number; total: number }[] = [];
    const seenByStatus: unknown[] = [];
    const run = await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' }, 'finnish-excel', (step) => {
      progress.push(step);
      seenByStatus.push(kit.service.progress);
    });
    // What exports.progress hands the staff screen while the run goes on, and after it.
    expect(seenByStatus.at(-1)).toEqual({ isRunning: true, progress: progress.at(-1) });
    expect(kit.service.progress).toEqual({ isRunning: false, progress: null });
    expect(run.written).toHaveLength(1);
    const folder = run.written[0]?.folder ?? '';
    expect(folder).toMatch(/^Kerro_Perheiden-piha_2026-11-29_batch1$/);
    expect(await completeFolders(kit.stick)).toEqual([folder]);
    expect((await readdir(join(kit.stick, folder))).sort()).toEqual(['manifest.json', 'report.html', 'responses.csv', 'responses.json', 'summary.html']);

    const csv = await readFile(join(kit.stick, folder, 'responses.csv'), 'utf8');
    expect(csv.split('\r\n').length).toBeGreaterThan(stored.length);
    const rows = parseCsv(csv, ';');
    expect(rows[0]).toEqual([...csvColumns]);
    expect(rows).toHaveLength(stored.length + 1);
    for (const [index, response] of stored.entries()) {
      const row = rows[index + 1] ?? [];
      const actual = Object.fromEntries(csvColumns.map((column, at) => [column, row[at]]));
      expect(actual, `row for answer ${response.seq}`).toEqual(expectedRow(response, 'finnish-excel'));
    }
    // The raw bytes keep LF inside a quoted comment and CRLF between rows.
    expect(csv).toContain('"rivi yksi\nrivi kaksi\n\nrivi neljä"');
    expect(csv).toContain('"Hän sanoi ""ihan paras"" ja lähti"');

    expect(progress.at(-1)).toMatchObject({ step: 'checking' });
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
    const dones = progress.map((step) => step.done);
    expect([...dones].sort((left, right) => left - right)).toEqual(dones);
    await kit.close();
  });

  it('the comma dialect uses commas and ISO dates and still parses to the same values', async () => {
    const { kit, stored } = await kitWithAnswers();
    const run = await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' }, 'comma');
    const csv = await readFile(join(kit.stick, run.written[0]?.folder ?? '', 'responses.csv'), 'utf8');
    const rows = parseCsv(csv, ',');
    for (const [index, response] of stored.entries()) {
      const actual = Object.fromEntries(csvColumns.map((column, at) => [column, rows[index + 1]?.[at]]));
      expect(actual).toEqual(expectedRow(response, 'comma'));
    }
    await kit.close();
  });

  it('the manifest holds each file’s hash, the batch hash is the hash of responses.json, and verify agrees', async () => {
    const { kit, stored } = await kitWithAnswers();
    const run = await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    const folder = join(kit.stick, run.written[0]?.folder ?? '');
    const manifest = exportManifestSchema.parse(JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({
      kioskId: 'K-TEST-0001',
      site: 'Perheiden piha',
      batch: 1,
      seqFrom: 1,
      seqTo: stored.length,
      counts: { answers: stored.length, comments: trickyComments.length, masked: 1, burst: 0 },
      previousBatchHash: null,
      appVersion: '0.0.0-test',
      csvDialect: 'finnish-excel',
      language: 'fi',
    });
    for (const file of manifest.files) {
      const bytes = await readFile(join(folder, file.name));
      expect(sha256(bytes), file.name).toBe(file.sha256);
      expect(bytes.length).toBe(file.bytes);
    }
    expect(sha256(await readFile(join(folder, 'responses.json')))).toBe(manifest.batchHash);
    expect(kit.service.batches()[0]).toMatchObject({ hash: manifest.batchHash, exportCount: 1 });

    const json = JSON.parse(await readFile(join(folder, 'responses.json'), 'utf8')) as { answers: { seq: number; comment: string | null }[] };
    expect(json.answers.map((answer) => answer.seq)).toEqual(stored.map((response) => response.seq));
    expect(json.answers.find((answer) => answer.comment?.startsWith('soita'))?.comment).toBe('soita [phone] tai kirjoita [email]');

    const report = await verifyExportFolders([folder]);
    expect(report.folders[0]?.problems).toEqual([]);
    expect(report.isOk).toBe(true);
    await kit.close();
  });

  it('batches chain by hash, continue the numbering, and re-export gives identical bytes', async () => {
    const { kit } = await kitWithAnswers();
    const first = (await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' })).written[0];
    await kit.answer('council-feedback', ['very-good']);
    await kit.answer('council-feedback', ['bad']);
    const second = (await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' })).written[0];
    expect(second?.batch).toMatchObject({ number: 2, seqFrom: (first?.batch.seqTo ?? 0) + 1, count: 2, previousHash: first?.batch.hash });

    const otherStick = join(await makeTempDir(), 'SANDISK');
    await import('node:fs/promises').then((fs) => fs.mkdir(otherStick));
    const again = (await kit.service.reexportTo({ path: otherStick, name: 'SANDISK' }, 1)).written[0];
    expect(again?.folder).toBe(first?.folder);
    for (const name of ['responses.csv', 'responses.json', 'summary.html', 'report.html', 'manifest.json']) {
      const original = await readFile(join(kit.stick, first?.folder ?? '', name));
      const copy = await readFile(join(otherStick, again?.folder ?? '', name));
      expect(copy.equals(original), name).toBe(true);
    }
    expect(kit.service.batches()[0]?.exportCount).toBe(2);

    const both = await verifyExportFolders([join(kit.stick, second?.folder ?? ''), join(otherStick, again?.folder ?? '')]);
    expect(both.isOk).toBe(true);
    expect(both.chains).toEqual([{ kioskId: 'K-TEST-0001', batches: [1, 2], problems: [], warnings: [] }]);
    await kit.close();
  });

  it('refuses to export when nothing is new, and refuses a second export while one runs', async () => {
    const { kit } = await kitWithAnswers();
    await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    await expect(kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' })).rejects.toMatchObject({ reason: 'nothingNew', code: 'conflict' });
    await kit.answer('council-feedback', ['good']);
    const running = kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    await expect(kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' })).rejects.toMatchObject({ reason: 'busy' });
    await running;
    expect(kit.service.batches().map((batch) => batch.number)).toEqual([1, 2]);
    await kit.close();
  });

  it('counts unexported answers and keeps sealed answers from changing', async () => {
    const { kit, stored } = await kitWithAnswers();
    expect(kit.service.unexported).toBe(stored.length);
    await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    expect(kit.service.unexported).toBe(0);
    const sealed = stored.find((response) => response.pollId === 'coffee-corner');
    await expect(kit.responses.followUp(sealed?.id ?? '', ['coffee'], 'myöhässä')).rejects.toMatchObject({ code: 'conflict' });

    // A follow-up already on its way when the seal starts lands inside the batch.
    const late = await kit.answer('coffee-corner', ['like']);
    const followUp = kit.responses.followUp(late.id, ['seats'], 'ehti mukaan');
    const run = await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    await followUp;
    const json = await readFile(join(kit.stick, run.written[0]?.folder ?? '', 'responses.json'), 'utf8');
    expect(json).toContain('"comment":"ehti mukaan"');
    expect(kit.service.unexported).toBe(0);
    await kit.close();
  });

  it('reopened from disk, the kiosk knows its batches and the sealed answers stay frozen', async () => {
    const { kit, stored } = await kitWithAnswers();
    await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    await kit.close();
    const reopened = await openExportKit(kit.dataDir, kit.stick);
    expect(reopened.service.batches()).toHaveLength(1);
    expect(reopened.service.unexported).toBe(0);
    const sealed = stored.find((response) => response.pollId === 'coffee-corner');
    await expect(reopened.responses.followUp(sealed?.id ?? '', [], 'uusi')).rejects.toMatchObject({ code: 'conflict' });
    await reopened.answer('council-feedback', ['good']);
    expect(reopened.service.unexported).toBe(1);
    await reopened.close();
  });
});
