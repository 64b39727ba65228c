import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toLocalIsoString } from '../../src-main/core/time';
import { completeFolders, openExportKit, type ExportKit } from '../../scripts/fixtures/export-kit';
import { drawingPoll, sampleDrawing as drawing } from '../support/drawing-poll';
import { makeTempDir } from '../support/temp-dir';

/**
 * `exportTo` makes the folder's CSV, pages and drawings in the seal's own pass (a folder draft)
 * instead of reading the sealed batch back; a re-export still makes them from the sealed file.
 * The two must give the same bytes, and the draft must never carry a damaged batch to a stick.
 */
/** Answers of every kind a folder shows: smileys, a quick poll with topics and comments (some with personal data), a burst, drawings. */
async function kitWithMixedAnswers(): Promise<ExportKit> {
  const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'STICK'));
  await kit.polls.addVersions([drawingPoll(new Date())]);
  const comments = ['Kahvi oli kylmää; "termari" rikki', 'soita 040 123 4567', '=1+1 kaava', 'liisa (at) posti.fi\nkiitos', null];
  for (let index = 0; index < 30; index += 1) {
    await kit.answer('council-feedback', [['very-bad', 'bad', 'okay', 'good', 'very-good'][index % 5] ?? 'good']);
    await kit.answer('coffee-corner', [index % 2 === 0 ? 'like' : 'dislike'], { topics: index % 3 === 0 ? ['coffee', 'seats'] : ['seats'], comment: comments[index % 5] ?? null });
    if (index % 10 === 0) {
      await kit.responses.submit({
        kioskId: kit.settings.kioskId,
        pollId: 'child-wish',
        pollVersion: 1,
        answer: { drawing },
        language: 'sv',
        answeredAt: toLocalIsoString(new Date(2026, 10, 29, 10, index, 0)),
        flags: index === 20 ? ['burst'] : [],
        audience: 'child',
      });
    }
  }
  return kit;
}

const scratchFiles = async (kit: ExportKit) => (await readdir(join(kit.dataDir, 'batches'))).filter((name) => name.endsWith('.tmp'));

async function filesOf(folder: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(folder)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(folder, name))] as const)));
}

describe('the export folder made in the seal’s pass', () => {
  it('is the folder a re-export makes from the sealed file, byte for byte', async () => {
    const kit = await kitWithMixedAnswers();
    const sealed = await kit.service.seal('comma', { isFolderDrafted: true });
    expect(await scratchFiles(kit)).toEqual([expect.stringMatching(/^000001\.json\.csv\.[0-9a-f]{8}\.tmp$/)]);
    const first = (await kit.service.exportTo({ path: kit.stick, name: 'STICK' }, 'comma')).written[0];
    expect(first?.batch.number).toBe(sealed?.number);
    expect(await scratchFiles(kit)).toEqual([]);

    const other = join(await makeTempDir(), 'OTHER');
    await import('node:fs/promises').then((fs) => fs.mkdir(other));
    const again = (await kit.service.reexportTo({ path: other, name: 'OTHER' }, 1)).written[0];
    const drafted = await filesOf(join(kit.stick, first?.folder ?? ''));
    const fromFile = await filesOf(join(other, again?.folder ?? ''));
    expect([...drafted.keys()]).toEqual([...fromFile.keys()]);
    expect([...drafted.keys()].filter((name) => name.startsWith('drawing-'))).toHaveLength(3);
    for (const [name, bytes] of drafted) expect(bytes.equals(fromFile.get(name) ?? Buffer.alloc(0)), name).toBe(true);
    await kit.close();
  });

  it('is what the export after the seal writes: the CSV comes from the draft, not from the sealed file', async () => {
    const kit = await kitWithMixedAnswers();
    await kit.service.seal('comma', { isFolderDrafted: true });
    const [scratch] = await scratchFiles(kit);
    // One byte of the parked CSV marked in place: only a folder written from the draft carries it.
    const handle = await open(join(kit.dataDir, 'batches', scratch ?? ''), 'r+');
    await handle.write('#', 0);
    await handle.close();
    const written = (await kit.service.exportTo({ path: kit.stick, name: 'STICK' }, 'comma')).written[0];
    const csv = await readFile(join(kit.stick, written?.folder ?? '', 'responses.csv'), 'utf8');
    expect(csv.startsWith('#')).toBe(true);
    await kit.close();
  });

  it('refuses a batch damaged on the kiosk after it was sealed, and writes no folder', async () => {
    const kit = await kitWithMixedAnswers();
    await kit.service.seal('finnish-excel', { isFolderDrafted: true });
    const batchFile = join(kit.dataDir, 'batches', '000001.json');
    const text = await readFile(batchFile, 'utf8');
    await writeFile(batchFile, text.replace('"very-good"', '"very-bad"'));
    await expect(kit.service.exportTo({ path: kit.stick, name: 'STICK' })).rejects.toMatchObject({ reason: 'batchDamaged' });
    expect(await completeFolders(kit.stick)).toEqual([]);
    expect(await readdir(kit.stick)).toEqual([]);
    expect(await scratchFiles(kit)).toEqual([]);
    await kit.close();
  });

  it('is removed when no write follows: by the next seal and on close', async () => {
    const kit = await kitWithMixedAnswers();
    await kit.service.seal('finnish-excel', { isFolderDrafted: true });
    await kit.answer('council-feedback', ['good']);
    await kit.service.seal('finnish-excel', { isFolderDrafted: true });
    expect(await scratchFiles(kit)).toEqual([expect.stringMatching(/^000002\.json\.csv\./)]);
    await kit.service.close();
    expect(await scratchFiles(kit)).toEqual([]);
    // Batch 1 was never drafted for this write: it comes from its sealed file, and both verify.
    const run = await kit.service.exportTo({ path: kit.stick, name: 'STICK' });
    expect(run.written.map((folder) => folder.batch.number)).toEqual([1, 2]);
    await kit.close();
  });
});
