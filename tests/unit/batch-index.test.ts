import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchBook } from '../../src-main/core/batches/batch-book';
import { openExportKit, type ExportKit } from '../../scripts/fixtures/export-kit';
import { makeTempDir } from '../support/temp-dir';

async function kitWithBatches(count: number): Promise<ExportKit> {
  const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'STICK'));
  for (let batch = 0; batch < count; batch += 1) {
    await kit.answer('council-feedback', ['good']);
    await kit.answer('coffee-corner', ['like'], { topics: [], comment: `erä ${batch}` });
    await kit.service.exportTo({ path: kit.stick, name: 'STICK' });
  }
  return kit;
}

describe('the batch index', () => {
  it('seals asked for at once (USB and QR) run one after another: no answer in two batches, no number twice', async () => {
    const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'STICK'));
    for (let index = 0; index < 20; index += 1) await kit.answer('council-feedback', ['okay']);
    const [first, second] = await Promise.all([kit.service.seal(), kit.service.seal()]);
    expect(first).toMatchObject({ number: 1, seqFrom: 1, seqTo: 20 });
    expect(second).toBeNull();
    await kit.answer('council-feedback', ['good']);
    const [run, third] = await Promise.all([kit.service.exportTo({ path: kit.stick, name: 'STICK' }), kit.service.seal()]);
    const numbers = [...run.written.map((written) => written.batch.number), third?.number].filter((number) => number !== undefined);
    expect(kit.service.batches().map((batch) => [batch.number, batch.seqFrom, batch.seqTo])).toEqual([
      [1, 1, 20],
      [2, 21, 21],
    ]);
    expect(numbers.sort()).toContain(2);
    await kit.close();
  });

  it('with batches.json and its copy lost, the index is rebuilt from the sealed files and numbering goes on', async () => {
    const kit = await kitWithBatches(3);
    const hashes = kit.service.batches().map((batch) => batch.hash);
    await kit.close();
    for (const name of await readdir(kit.dataDir)) if (name.startsWith('batches.json')) await rm(join(kit.dataDir, name));

    const reopened = await openExportKit(kit.dataDir, kit.stick);
    expect(reopened.service.batches().map((batch) => batch.hash)).toEqual(hashes);
    expect(reopened.service.batches().map((batch) => batch.exportCount)).toEqual([0, 0, 0]);
    expect(reopened.context.recoveries).toMatchObject([{ file: 'batches.json', action: 'indexed again from the sealed batch files, as not exported' }]);
    await reopened.answer('council-feedback', ['bad']);
    const next = await reopened.service.seal();
    expect(next).toMatchObject({ number: 4, seqFrom: 7, seqTo: 7, previousHash: hashes[2] });
    await reopened.close();
  });

  it('a batch file sealed just before a crash, with no index entry yet, is indexed rather than sealed again', async () => {
    const kit = await kitWithBatches(1);
    await kit.answer('council-feedback', ['bad']);
    await kit.service.seal();
    await kit.close();
    const index = JSON.parse(await readFile(join(kit.dataDir, 'batches.json'), 'utf8')) as { schemaVersion: number; data: { batches: unknown[] } };
    await writeFile(join(kit.dataDir, 'batches.json'), JSON.stringify({ ...index, data: { batches: index.data.batches.slice(0, 1) } }));

    const reopened = await openExportKit(kit.dataDir, kit.stick);
    expect(reopened.service.batches().map((batch) => [batch.number, batch.seqFrom, batch.seqTo, batch.exportCount])).toEqual([
      [1, 1, 2, 1],
      [2, 3, 3, 0],
    ]);
    expect(await reopened.service.seal()).toBeNull();
    await reopened.close();
  });

  it('a damaged unindexed batch file goes to quarantine, and never takes the place of a good one', async () => {
    const kit = await kitWithBatches(1);
    await kit.close();
    await writeFile(join(kit.dataDir, 'batches', '000002.json'), '{"format":"kerro-batch"');
    const reopened = await openExportKit(kit.dataDir, kit.stick);
    expect(reopened.service.batches()).toHaveLength(1);
    expect(reopened.context.quarantined).toBe(1);
    // Batch 1's content and the report its export kept; batch 2's damaged file is gone to quarantine.
    expect((await readdir(join(kit.dataDir, 'batches'))).sort()).toEqual([expect.stringMatching(/^000001\.[0-9a-f]{16}\.report\.html$/), '000001.json']);
    await reopened.close();
  });

  it('never writes over a sealed batch file', async () => {
    const kit = await kitWithBatches(1);
    const sealed = await readFile(join(kit.dataDir, 'batches', '000001.json'));
    const stale = await BatchBook.open(kit.context);
    await kit.answer('council-feedback', ['good']);
    // A second book over the same folder, opened before batch 1 existed, would pick number 1 again.
    Object.defineProperty(stale, 'last', { get: () => undefined });
    await expect(
      stale.seal({
        kioskId: 'K-TEST-0001',
        site: 'x',
        createdAt: '2026-11-29T10:00:00.000+02:00',
        sealedBy: 'test',
        language: 'fi',
        csvDialect: 'comma',
        polls: () => [],
        answers: (await kit.responses.readRange()).slice(-1),
      }),
    ).rejects.toMatchObject({ code: 'EEXIST' });
    expect((await readFile(join(kit.dataDir, 'batches', '000001.json'))).equals(sealed)).toBe(true);
    expect((await readdir(join(kit.dataDir, 'batches'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await kit.close();
  });
});
