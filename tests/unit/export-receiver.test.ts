import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportManifestSchema } from '../../src-shared/contract/batch-format';
import { verifyExportFolders } from '../../src-main/core/stick/verify';
import { completeFolders, folderPath, openExportKit } from '../../scripts/fixtures/export-kit';
import { makeTempDir } from '../support/temp-dir';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A stand-in for the built receiver: three files whose bytes the test knows. */
async function builtReceiver(): Promise<string> {
  const directory = join(await makeTempDir(), 'receiver');
  await mkdir(directory);
  await writeFile(join(directory, 'index.html'), '<!doctype html><link rel="stylesheet" href="./receiver.css"><script src="./receiver.js"></script>');
  await writeFile(join(directory, 'receiver.js'), 'console.log("vastaanotin");');
  await writeFile(join(directory, 'receiver.css'), 'body { color: black; }');
  return directory;
}

describe('the receiver page in every export folder', () => {
  it('is copied in as receiver.html with its script and styles, listed and hashed in the manifest', async () => {
    const receiverDir = await builtReceiver();
    const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'KINGSTON'), { receiverDir });
    await kit.answer('council-feedback', ['good']);
    await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    const [folder] = await completeFolders(kit.stick);
    expect(folder).toBeDefined();
    if (folder === undefined) return;
    expect((await readdir(folderPath(kit.stick, folder))).sort()).toEqual(
      ['manifest.json', 'receiver.css', 'receiver.html', 'receiver.js', 'report.html', 'responses.csv', 'responses.json', 'summary.html'],
    );
    const page = await readFile(folderPath(kit.stick, folder, 'receiver.html'));
    expect(page.equals(await readFile(join(receiverDir, 'index.html')))).toBe(true);
    const manifest = exportManifestSchema.parse(JSON.parse(await readFile(folderPath(kit.stick, folder, 'manifest.json'), 'utf8')));
    expect(manifest.files.find((file) => file.name === 'receiver.html')?.sha256).toBe(sha256(page));
    const report = await verifyExportFolders([folderPath(kit.stick, folder)]);
    expect(report.isOk).toBe(true);
    await kit.close();
  });

  it('is left out whole, never in part, where the app was built without it', async () => {
    const partial = join(await makeTempDir(), 'partial');
    await mkdir(partial);
    await writeFile(join(partial, 'index.html'), '<!doctype html>');
    const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'KINGSTON'), { receiverDir: partial });
    await kit.answer('council-feedback', ['okay']);
    await kit.service.exportTo({ path: kit.stick, name: 'KINGSTON' });
    const [folder] = await completeFolders(kit.stick);
    expect((await readdir(folderPath(kit.stick, folder ?? ''))).sort()).toEqual(['manifest.json', 'report.html', 'responses.csv', 'responses.json', 'summary.html']);
    await kit.close();
  });
});
