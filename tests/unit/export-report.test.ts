import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportManifestSchema } from '../../src-shared/contract/batch-format';
import { verifyExportFolders } from '../../src-main/core/stick/verify';
import { completeFolders, folderPath, openExportKit, type ExportKit } from '../../scripts/fixtures/export-kit';
import { makeTempDir } from '../support/temp-dir';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Batch 1: six answers to the standing question and one coffee-corner answer with a phone number in its comment. */
async function firstBatch(kit: ExportKit): Promise<void> {
  for (const option of ['good', 'good', 'good', 'good', 'very-good', 'very-good']) await kit.answer('council-feedback', [option]);
  await kit.answer('coffee-corner', ['like'], { topics: ['coffee'], comment: 'Soittakaa 040 1234567, kiitos!' });
}

async function readFolder(stick: string, folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(folderPath(stick, folder))).sort()) files.set(name, await readFile(folderPath(stick, folder, name)));
  return files;
}

describe('the council report in every export folder', () => {
  it('is report.html: the batch’s answers, in the main language, self-contained, hashed in the manifest and verified', async () => {
    const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'KINGSTON'));
    await firstBatch(kit);
    // A report kept for an earlier batch 1 whose file was lost: it belongs to other content and must not be used.
    await mkdir(dirname(kit.service.batchFileOf(1)), { recursive: true });
    await writeFile(join(dirname(kit.service.batchFileOf(1)), '000001.0000000000000000.report.html'), '<p>stale</p>');
    const run = await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    expect(run.written[0]?.printFailure).toBeNull();
    const [folder] = await completeFolders(kit.stick);
    if (folder === undefined) throw new Error('no folder written');
    const files = await readFolder(kit.stick, folder);
    expect([...files.keys()]).toEqual(['manifest.json', 'report.html', 'responses.csv', 'responses.json', 'summary.html']);

    const report = files.get('report.html')?.toString('utf8') ?? '';
    expect(report).toMatch(/^<!doctype html>\n<html lang="fi" dir="ltr">/);
    expect(report).not.toContain('stale');
    expect(report).toContain('<h1>Asiakasraadin raportti</h1>');
    // The batch's own facts: its answers' days, its sealing day, its number and answer numbers; batch 1 has nothing before it.
    expect(report).toContain('<dt>Ajanjakso</dt><dd>29.11.2026 – 29.11.2026</dd>');
    expect(report).toContain('<dt>Koottu</dt><dd>29.11.2026</dd>');
    expect(report).toContain('<dt>Erä</dt><dd>1 (vastaukset 1–7)</dd>');
    expect(report).toContain('<dt>Vertailujakso</dt><dd>Ei vertailua: tämä on ensimmäinen erä.</dd>');
    expect(report).toContain('Vastauksia: <strong>7</strong>');
    expect(report).not.toContain('Edellinen jakso');
    expect(report).toContain('4 (67 %)');
    // A topic chosen once is a small group; the phone number is masked in the report's language.
    expect(report).toContain('&#60; 5');
    expect(report).toContain('Soittakaa [puhelinnumero], kiitos!');
    expect(report).not.toContain('1234567');
    // Opened from a stick on any computer: it loads and runs nothing.
    expect(report).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(report).not.toMatch(/<script|src=|href=|url\(|@import/i);

    const manifest = exportManifestSchema.parse(JSON.parse(files.get('manifest.json')?.toString('utf8') ?? ''));
    const reportBytes = files.get('report.html') ?? Buffer.alloc(0);
    expect(manifest.files.find((file) => file.name === 'report.html')).toEqual({ name: 'report.html', bytes: reportBytes.length, sha256: sha256(reportBytes) });
    expect((await verifyExportFolders([folderPath(kit.stick, folder)])).isOk).toBe(true);

    // A changed report no longer matches its hash.
    await rm(folderPath(kit.stick, folder, 'report.html'));
    const check = await verifyExportFolders([folderPath(kit.stick, folder)]);
    expect(check.isOk).toBe(false);
    expect(check.folders[0]?.problems).toEqual(['report.html is missing or cannot be read']);
    await kit.close();
  });

  it('compares a batch with the batch before it, and a re-export writes every file byte for byte the same', async () => {
    const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'KINGSTON'));
    await firstBatch(kit);
    await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    for (const option of ['bad', 'bad', 'bad', 'good', 'good']) await kit.answer('council-feedback', [option]);
    const run = await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    const folder = run.written[0]?.folder ?? '';
    expect(folder).toMatch(/_batch2$/);
    const first = await readFolder(kit.stick, folder);
    const report = first.get('report.html')?.toString('utf8') ?? '';
    expect(report).toContain('<dt>Vertailujakso</dt><dd>29.11.2026 – 29.11.2026 (erä 1)</dd>');
    expect(report).toContain('<dt>Erä</dt><dd>2 (vastaukset 8–12)</dd>');
    expect(report).toContain('(Edellinen jakso: 7)');
    expect(report).toContain('Tämä jakso: 5 · Edellinen jakso: 6');
    // "good": 2 of 5 now (40 %) against 4 of 6 before (67 %).
    expect(report).toContain('2 (40 %) · −27 %-yks.');
    expect(report).toContain('3 (60 %) · +60 %-yks.');

    const again = join(await makeTempDir(), 'SANDISK');
    await mkdir(again);
    await kit.service.reexportTo({ path: again, name: 'SANDISK' }, 2);
    const second = await readFolder(again, folder);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes), name).toBe(true);

    // Batch 1's content gone from the kiosk (as the retention rule removes it): the report batch 2's first export made is kept, comparison and all.
    await rm(kit.service.batchFileOf(1));
    const third = join(await makeTempDir(), 'VERBATIM');
    await mkdir(third);
    await kit.service.reexportTo({ path: third, name: 'VERBATIM' }, 2);
    const afterPurge = await readFolder(third, folder);
    for (const [name, bytes] of first) expect(afterPurge.get(name)?.equals(bytes), name).toBe(true);

    // A batch first exported with the batch before already gone (or by a version that kept no report) says there is nothing to compare with.
    const batchesFolder = dirname(kit.service.batchFileOf(2));
    const kept = (await readdir(batchesFolder)).filter((name) => name.startsWith('000002.') && name.endsWith('.report.html'));
    expect(kept).toHaveLength(1);
    for (const name of kept) await rm(join(batchesFolder, name));
    const fourth = join(await makeTempDir(), 'EMTEC');
    await mkdir(fourth);
    await kit.service.reexportTo({ path: fourth, name: 'EMTEC' }, 2);
    const withoutPrevious = (await readFile(folderPath(fourth, folder, 'report.html'))).toString('utf8');
    expect(withoutPrevious).toContain('<dt>Vertailujakso</dt><dd>Ei vertailua: edellisen erän vastauksia ei ole enää kioskilla.</dd>');
    expect(withoutPrevious).toContain('Tämä jakso: 5</p>');
    expect((await verifyExportFolders([folderPath(fourth, folder)])).isOk).toBe(true);
    await kit.close();
  });
});

