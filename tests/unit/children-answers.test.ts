import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { canonicalAnswerJson, canonicalJson } from '../../src-shared/contract/batch-canonical';
import { exportAnswerSchema, type ExportAnswer } from '../../src-shared/contract/batch-format';
import { csvColumns } from '../../src-shared/export/csv';
import { decodeCompactBatch, encodeCompactBatch } from '../../src-shared/qr/compact-batch';
import { ResponseBook } from '../../src-main/core/domain/response-book';
import { toLocalIsoString } from '../../src-main/core/time';
import { openExportKit } from '../../scripts/fixtures/export-kit';
import { call, valueOf } from '../../scripts/fixtures/kiosk';
import { openSetUpKiosk } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

describe("children's answers", () => {
  it('are stored with audience child from the children\'s poll, adult from the standing one', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    const active = valueOf(await call(kiosk, 'polls.active', {})) as { polls: { id: string; kind: string }[] };
    expect(active.polls.map((poll) => [poll.id, poll.kind])).toEqual([
      ['council-feedback', 'smiley'],
      ['children-playing', 'child-faces'],
    ]);
    valueOf(await call(kiosk, 'responses.submit', { pollId: 'children-playing', pollVersion: 1, answer: { optionIds: ['face-happy'] }, language: 'sv' }));
    valueOf(await call(kiosk, 'responses.submit', { pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: ['good'] }, language: 'fi' }));
    // A children's picture scale takes one picture, and only its own.
    expect(
      await call(kiosk, 'responses.submit', { pollId: 'children-playing', pollVersion: 1, answer: { optionIds: ['face-sad', 'face-happy'] }, language: 'fi' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      await call(kiosk, 'responses.submit', { pollId: 'children-playing', pollVersion: 1, answer: { optionIds: ['good'] }, language: 'fi' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(kiosk.health().answersStored).toBe(2);
    await kiosk.close();
  });

  it('old journal lines without an audience read as adults\'; the export writes audience and drawing as the last CSV columns', async () => {
    const dataDir = await makeTempDir();
    const kit = await openExportKit(dataDir, join(await makeTempDir(), 'STICK'));
    // Written as the kiosk wrote answers before audiences existed.
    const old = await kit.answer('council-feedback', ['good']);
    const child = await kit.responses.submit({
      kioskId: kit.settings.kioskId,
      pollId: 'children-playing',
      pollVersion: 1,
      answer: { optionIds: ['face-happy'] },
      language: 'fi',
      answeredAt: toLocalIsoString(new Date(2026, 10, 29, 10, 0, 0)),
      flags: [],
      audience: 'child',
    });
    expect(old.audience).toBeUndefined();
    const segments = await readdir(join(dataDir, 'answers'));
    const journal = (await Promise.all(segments.map((name) => readFile(join(dataDir, 'answers', name), 'utf8')))).join('');
    expect(journal.split('\n')[0]).not.toContain('audience');
    expect(journal).toContain('"audience":"child"');
    await kit.close();

    // Reopened from disk, the old line still parses: nothing is lost for lacking the new field.
    const reopened = await openExportKit(dataDir, kit.stick);
    expect(reopened.responses.get(old.id)?.audience).toBeUndefined();
    expect(reopened.responses.get(child.id)?.audience).toBe('child');
    const run = await reopened.service.exportTo({ path: reopened.stick, name: 'STICK' }, 'comma');
    const folder = join(reopened.stick, run.written[0]?.folder ?? '');
    const csv = await readFile(join(folder, 'responses.csv'), 'utf8');
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows[0]?.slice(-2)).toEqual(['audience', 'drawing']);
    expect(rows[0]?.slice(0, 3)).toEqual(['batch', 'seq', 'response_id']);
    const audienceAt = csvColumns.indexOf('audience');
    expect(rows.slice(1).map((row) => [row[csvColumns.indexOf('poll_id')], row[audienceAt], row[csvColumns.indexOf('value')]])).toEqual([
      ['council-feedback', 'adult', '4'],
      ['children-playing', 'child', '3'],
    ]);
    const json = await readFile(join(folder, 'responses.json'), 'utf8');
    expect(json).toContain('"audience":"adult"');
    expect(json).toContain('"audience":"child"');
    await reopened.close();
  });

  it('keep their audience through the canonical form and the QR transfer; older batches without one come back byte for byte', () => {
    const base: ExportAnswer = {
      seq: 1,
      id: '00000000-0000-4000-8000-000000000001',
      pollId: 'children-playing',
      pollVersion: 1,
      answer: { optionIds: ['face-happy'] },
      language: 'fi',
      answeredAt: '2026-11-29T10:00:00.000+02:00',
      flags: [],
      topics: [],
      comment: null,
      masked: [],
    };
    for (const answer of [base, { ...base, audience: 'adult' as const }, { ...base, audience: 'child' as const }]) {
      expect(canonicalAnswerJson(answer)).toBe(canonicalJson(answer));
      expect(exportAnswerSchema.parse(JSON.parse(canonicalAnswerJson(answer)))).toEqual(answer);
      const canonical =
        '{"format":"kerro-batch","schemaVersion":1,"batch":{"seqFrom":1},"polls":[],"answers":[\n' + `${canonicalAnswerJson(answer)}\n` + ']}\n';
      const payload = encodeCompactBatch(canonical, '0'.repeat(64));
      // Layout 1 is the column form: the audience costs no fallback to the plain text.
      expect(payload[1]).toBe(1);
      expect(decodeCompactBatch(payload).canonical).toBe(canonical);
    }
  });

  it('a journal line with an unknown audience is not taken for an answer', async () => {
    const dataDir = await makeTempDir();
    const kit = await openExportKit(dataDir, join(await makeTempDir(), 'STICK'));
    await kit.answer('council-feedback', ['good']);
    await kit.close();
    const [segment = ''] = await readdir(join(dataDir, 'answers'));
    const line = (await readFile(join(dataDir, 'answers', segment), 'utf8')).trim().replace('"flags":[]', '"flags":[],"audience":"robot"');
    await appendFile(join(dataDir, 'answers', segment), `${line.replace(/"seq":1/, '"seq":2')}\n`);
    const book = await ResponseBook.open((await openExportKit(dataDir, join(await makeTempDir(), 'STICK2'))).context);
    expect((await book.readRange()).map((response) => response.seq)).toEqual([1]);
  });
});
