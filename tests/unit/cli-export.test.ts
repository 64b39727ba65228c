import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pollPackFileName } from '../../src-shared/contract/poll-pack';
import { buildPollPack, writePollPack } from '../../src-main/core/poll-pack/poll-pack';
import { nodeFileSystem } from '../../src-main/core/store/file-system';
import { buildCli, cliTestVersion, runKerro } from '../support/cli-harness';
import { commentPoll } from '../../scripts/fixtures/export-kit';
import { call, openTestKiosk, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { makeTempDir, snapshotFolder } from '../support/temp-dir';

let cli: string;

beforeAll(async () => {
  cli = await buildCli();
});

/** A kiosk data folder made by the kiosk itself, with answers and comments in it. */
async function kioskWithAnswers(count: number): Promise<string> {
  const dataDir = await makeTempDir();
  const kiosk = await openTestKiosk(dataDir);
  await kiosk.pollShelf.addVersions([commentPoll(new Date())]);
  for (let index = 0; index < count; index += 1) {
    const { responseId } = valueOf(
      await call(kiosk, 'responses.submit', { pollId: 'coffee-corner', pollVersion: 1, answer: { optionIds: ['like'] }, language: 'fi' }),
    ) as { responseId: string };
    valueOf(await call(kiosk, 'responses.followUp', { responseId, topics: ['seats'], comment: `Tosi "hyvä"; kiitos ${index}\nÄiti` }));
  }
  await kiosk.close();
  return dataDir;
}

async function addAnswers(dataDir: string, count: number): Promise<void> {
  const kiosk = await openTestKiosk(dataDir);
  for (let index = 0; index < count; index += 1) valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
  await kiosk.close();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('kerro export and kerro verify, run as processes', () => {
  it('exports batch after batch, and verify checks hashes and the chain', async () => {
    const dataDir = await kioskWithAnswers(5);
    const stick = await makeTempDir();
    const first = await runKerro(cli, ['export', '--data', dataDir, '--to', stick]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^Batch 1 \(5 answers, answers 1–5\) written and checked: .*Kerro_Perheiden-piha_\d{4}-\d{2}-\d{2}_batch1\n  hash [0-9a-f]{64}\n/);
    expect(first.stdout).toContain(`by Kerro ${cliTestVersion}.`);

    const nothing = await runKerro(cli, ['export', '--data', dataDir, '--to', stick]);
    expect(nothing).toMatchObject({ code: 1, stderr: 'Not exported: There are no new answers since the last export.\n' });

    await addAnswers(dataDir, 3);
    expect((await runKerro(cli, ['export', '--data', dataDir, '--to', stick, '--csv', 'comma'])).code).toBe(0);
    await addAnswers(dataDir, 2);
    expect((await runKerro(cli, ['export', '--data', dataDir, '--to', stick])).code).toBe(0);
    const folders = (await readdir(stick)).sort();
    expect(folders).toHaveLength(3);

    const verified = await runKerro(cli, ['verify', stick]);
    expect(verified).toMatchObject({ code: 0, stderr: '' });
    expect(verified.stdout).toMatch(/^OK {3}Kerro_.*_batch1 \(kiosk K-\w{4}-\w{4}, batch 1, answers 1–5\)\n/);
    expect(verified.stdout).toMatch(/OK {3}chain of kiosk K-\w{4}-\w{4}: batches 1, 2, 3\n$/);

    const gap = await runKerro(cli, ['verify', join(stick, folders[0] ?? ''), join(stick, folders[2] ?? '')]);
    expect(gap.code).toBe(1);
    expect(gap.stdout).toContain('problem: batch 2 is missing between batch 1 and batch 3');

    const again = await makeTempDir();
    expect((await runKerro(cli, ['export', '--data', dataDir, '--to', again, '--batch', '2'])).code).toBe(0);
    for (const name of ['responses.csv', 'responses.json', 'summary.html', 'report.html', 'manifest.json']) {
      const original = await readFile(join(stick, folders[1] ?? '', name));
      expect((await readFile(join(again, folders[1] ?? '', name))).equals(original), name).toBe(true);
    }
  });

  it('verify fails on a changed file, a rewritten batch with a matching manifest, and an unfinished folder', async () => {
    const dataDir = await kioskWithAnswers(4);
    const stick = await makeTempDir();
    await runKerro(cli, ['export', '--data', dataDir, '--to', stick]);
    await addAnswers(dataDir, 2);
    await runKerro(cli, ['export', '--data', dataDir, '--to', stick]);
    const [batch1 = '', batch2 = ''] = (await readdir(stick)).sort();

    const edited = await makeTempDir();
    await cp(stick, edited, { recursive: true });
    const csvPath = join(edited, batch1, 'responses.csv');
    await writeFile(csvPath, (await readFile(csvPath, 'utf8')).replace('kiitos 2', 'kiitos 9'));
    const changed = await runKerro(cli, ['verify', edited]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('problem: responses.csv does not match its hash in the manifest (changed or damaged)');
    expect(changed.stderr).toContain('Verification FAILED');

    // Someone rewrites an answer and recomputes every hash in the manifest: the next batch still gives it away.
    const forged = await makeTempDir();
    await cp(stick, forged, { recursive: true });
    const jsonPath = join(forged, batch1, 'responses.json');
    const json = (await readFile(jsonPath, 'utf8')).replace('"optionIds":["like"]', '"optionIds":["dislike"]');
    await writeFile(jsonPath, json);
    const manifestPath = join(forged, batch1, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { batchHash: string; files: { name: string; bytes: number; sha256: string }[] };
    const newHash = sha256(Buffer.from(json, 'utf8'));
    manifest.batchHash = newHash;
    for (const file of manifest.files) {
      const bytes = await readFile(join(forged, batch1, file.name));
      file.sha256 = sha256(bytes);
      file.bytes = bytes.length;
    }
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
    const alone = await runKerro(cli, ['verify', join(forged, batch1)]);
    expect(alone.code).toBe(0);
    const chained = await runKerro(cli, ['verify', join(forged, batch1), join(forged, batch2)]);
    expect(chained.code).toBe(1);
    expect(chained.stdout).toContain('problem: batch 2 does not follow batch 1: its previous hash differs');

    const unfinished = join(await makeTempDir(), `${batch1}.incomplete`);
    await cp(join(stick, batch1), unfinished, { recursive: true });
    const incomplete = await runKerro(cli, ['verify', unfinished]);
    expect(incomplete.code).toBe(1);
    expect(incomplete.stdout).toContain('an unfinished export');
  });

  it('refuses a folder that holds no kiosk, and wrong options, with exit code 2 and no new kiosk made', async () => {
    const empty = await makeTempDir();
    const stick = await makeTempDir();
    const refused = await runKerro(cli, ['export', '--data', empty, '--to', stick]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('holds no Kerro data (no kiosk.json)');
    expect(await readdir(empty)).toEqual([]);
    expect((await runKerro(cli, ['export', '--data', empty])).code).toBe(2);
    expect((await runKerro(cli, ['export', '--data', empty, '--to', stick, '--csv', 'tab'])).code).toBe(2);
    expect((await runKerro(cli, ['verify'])).code).toBe(2);
    expect((await runKerro(cli, ['export', '--data', await kioskWithAnswers(1), '--to', join(stick, 'missing')])).code).toBe(1);
  });
});

describe('kerro import-polls, run as a process', () => {
  it('imports a pack once, and refuses a hostile one without changing anything', async () => {
    const target = await makeTempDir();
    await writePollPack(nodeFileSystem, target, 'STICK', buildPollPack([commentPoll(new Date())], { kioskId: 'K-AAAA-BBBB', site: 'Piha' }, '2026-11-29T10:00:00.000+02:00'), false);
    const other = await makeTempDir();
    const otherKiosk = await openTestKiosk(other);
    await otherKiosk.close();

    const dry = await runKerro(cli, ['import-polls', '--data', other, '--dry-run', join(target, pollPackFileName)]);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.stdout).toContain('add      coffee-corner v1  Mitä pidät kahvinurkasta?');
    const imported = await runKerro(cli, ['import-polls', '--data', other, join(target, pollPackFileName)]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('Imported: 1 added, 0 already here, 0 older than here.');
    const twice = await runKerro(cli, ['import-polls', '--data', other, join(target, pollPackFileName)]);
    expect(twice.stdout).toContain('Imported: 0 added, 1 already here');

    await mkdir(join(target, 'bad'));
    const hostile = join(target, 'bad', pollPackFileName);
    await writeFile(hostile, `{"__proto__":{"admin":true},"format":"kerro-polls"}`);
    const before = await snapshotFolder(other);
    const refused = await runKerro(cli, ['import-polls', '--data', other, hostile]);
    expect(refused).toMatchObject({ code: 1, stderr: 'Not imported: The file contains a forbidden key __proto__.\n' });
    expect(await snapshotFolder(other)).toEqual(before);
  });
});
