import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { openExportKit } from '../../scripts/fixtures/export-kit';
import { seededRandom } from '../../scripts/fixtures/sample-batch';
import { makeTempDir } from '../support/temp-dir';
import { runKerroInProcess } from '../support/cli-in-process';

const kerro = (args: string[]) => runKerroInProcess(args);

/** A data folder with one sealed batch of real answers, comments with personal data among them. */
async function sealedKiosk(): Promise<{ dataDir: string; batchFile: string }> {
  const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'STICK'));
  for (let index = 0; index < 120; index += 1) {
    const comment = index % 7 === 0 ? `Kiva paikka ${index}, soita 040 123 4567 jos haluat ääni` : null;
    await kit.answer('coffee-corner', [index % 3 === 0 ? 'dislike' : 'like'], { topics: index % 2 === 0 ? ['coffee'] : [], comment });
  }
  const record = await kit.service.seal();
  if (record === null) throw new Error('nothing sealed');
  await kit.close();
  return { dataDir: kit.dataDir, batchFile: kit.service.batchFileOf(record.number) };
}

describe('kerro qr-frames and kerro receive', () => {
  it('write the kiosk’s frames as PNGs and rebuild the batch from a shuffled 80 % of them', async () => {
    const { dataDir, batchFile } = await sealedKiosk();
    const out = await makeTempDir();
    const written = await kerro(['qr-frames', '--data', dataDir, '--batch', '1', '--out', out, '--scale', '2']);
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    const names = (await readdir(out)).sort();
    const frames = names.filter((name) => /^frame-\d{4}\.png$/.test(name));
    expect(frames.length).toBeGreaterThan(0);
    expect(names).toContain('summary.png');
    expect(await readFile(join(out, 'summary.txt'), 'utf8')).toMatch(/Mitä pidät kahvinurkasta\? \(120\)\nPidän 80 · En pidä 40 · kommentteja 18/);

    const random = seededRandom(4);
    const chosen = frames.filter(() => random() >= 0.2).sort(() => random() - 0.5);
    const result = join(await makeTempDir(), 'responses.json');
    const received = await kerro(['receive', '--out', result, ...chosen.map((name) => join(out, name))]);
    expect(received.stderr).toMatch(/^Batch 1 of kiosk K-TEST-0001: 120 answers, hash [0-9a-f]{64} checked/);
    expect(received.code).toBe(0);
    expect(await readFile(result)).toEqual(await readFile(batchFile));
  });

  it('refuses a batch that does not exist and pictures with no Kerro frame', async () => {
    const { dataDir } = await sealedKiosk();
    const missing = await kerro(['qr-frames', '--data', dataDir, '--batch', '7', '--out', await makeTempDir()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no batch 7');

    const blank = join(await makeTempDir(), 'blank.png');
    const png = new PNG({ width: 64, height: 64 });
    png.data.fill(255);
    await writeFile(blank, PNG.sync.write(png));
    const nothing = await kerro(['receive', blank]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('Not enough frames');
    expect(nothing.stdout).toBe('');
  });
});
