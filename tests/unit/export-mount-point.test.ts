import { mkdir, readdir } from 'node:fs/promises';
import type { PathLike } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n/messages';
import { fill } from '../../src-shared/i18n/format';
import { TransferFailure } from '../../src-main/core/stick/export-failure';
import { configuredTargets, parseExportDirs } from '../../src-main/core/stick/targets';
import type { FileSystem } from '../../src-main/core/store/file-system';
import { openExportKit, type ExportKit } from '../../scripts/fixtures/export-kit';
import { imitatedMounts, type ImitatedMounts } from '../support/imitated-mounts';
import { makeTempDir } from '../support/temp-dir';

/** A stick's mount point: a real folder under a real "media" folder, whose device is imitated. */
async function kitOnMountPoint(mounts: ImitatedMounts, fileSystem: FileSystem = mounts.fileSystem): Promise<ExportKit> {
  const stick = join(await makeTempDir('kerro-media-'), 'KINGSTON');
  await mkdir(stick);
  const kit = await openExportKit(await makeTempDir(), stick, { targetFileSystem: fileSystem, isMountPoint: true });
  for (let index = 0; index < 12; index += 1) await kit.answer('coffee-corner', ['like'], { topics: ['coffee'], comment: `kommentti ${index}` });
  return kit;
}

/** Nothing left the kiosk: the batch is sealed, never marked exported, and the mount-point folder is as it was. */
async function expectNothingExported(kit: ExportKit): Promise<void> {
  expect(kit.service.batches().map((batch) => [batch.exportCount, batch.exportedAt])).toEqual(kit.service.batches().map(() => [0, null]));
  expect(kit.service.unexported).toBe(12);
  expect(kit.service.lastExportAt).toBeNull();
  expect(await readdir(kit.stick)).toEqual([]);
}

describe('a configured mount point is a stick only while one is mounted there', () => {
  it('reads KERRO_EXPORT_DIRS: a plain path is a mount point, folder=PATH a plain folder, each place once', () => {
    expect(parseExportDirs('/media/stick:folder=/srv/share::/media/stick')).toEqual([
      { path: '/media/stick', kind: 'stick' },
      { path: '/srv/share', kind: 'folder' },
    ]);
  });

  it('offers an empty mount point (the stick unmounted, its folder left) nowhere, and a mounted one as a stick', async () => {
    const plain = await makeTempDir();
    const stick = join(await makeTempDir('kerro-media-'), 'KINGSTON');
    await mkdir(stick);
    const mounts = imitatedMounts();
    const targets = configuredTargets({ KERRO_EXPORT_DIRS: `${stick}:folder=${plain}` }, mounts.fileSystem);
    expect((await targets()).map(({ path, kind }) => ({ path, kind }))).toEqual([{ path: plain, kind: 'folder' }]);
    mounts.mount(stick);
    expect((await targets()).map(({ path, kind }) => ({ path, kind }))).toEqual([
      { path: stick, kind: 'stick' },
      { path: plain, kind: 'folder' },
    ]);
  });

  it('unmounted at listing time: the export is refused as an unknown target and nothing is marked exported', async () => {
    const mounts = imitatedMounts();
    const kit = await kitOnMountPoint(mounts);
    expect(await kit.service.targets()).toEqual([]);
    await expect(kit.service.resolveTarget(kit.stick)).rejects.toMatchObject({ reason: 'unknownTarget' });
    await kit.service.seal();
    await expectNothingExported(kit);
    await kit.close();
  });

  it('unmounted between the listing and the writing: a clear typed fault in each language, nothing written or marked exported', async () => {
    const mounts = imitatedMounts();
    const kit = await kitOnMountPoint(mounts);
    mounts.mount(kit.stick);
    const destination = await kit.service.resolveTarget(kit.stick);
    expect(destination).toMatchObject({ path: kit.stick, isMountPoint: true });
    mounts.unmount(kit.stick);
    const failure: unknown = await kit.service.exportTo(destination).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransferFailure);
    expect(failure).toMatchObject({ reason: 'notMounted', code: 'not_found' });
    if (!(failure instanceof TransferFailure)) throw new Error('not a TransferFailure');
    for (const language of ['fi', 'sv', 'en'] as const) {
      expect(failure.localized(language)).toBe(fill(translate(language, 'export.failure.notMounted'), { name: 'KINGSTON' }));
    }
    expect(failure.localized('fi')).toContain('Mitään ei merkitty viedyksi');
    await expectNothingExported(kit);

    // The stick back in its place: the same batch goes out and only then counts as exported.
    mounts.mount(kit.stick);
    const run = await kit.service.exportTo(await kit.service.resolveTarget(kit.stick));
    expect(run.written.map((written) => written.batch.number)).toEqual([1]);
    expect(kit.service.unexported).toBe(0);
    await kit.close();
  });

  it('unmounted while the batch is being written: the folder that went to the kiosk’s own disk is taken away, nothing is marked exported', async () => {
    const mounts = imitatedMounts();
    let opened = 0;
    // The stick is pulled as the first file is opened on it; the writing carries on in the folder left behind.
    const pullingFileSystem: FileSystem = {
      ...mounts.fileSystem,
      open: (async (path: PathLike, flags?: string | number) => {
        if (String(path).startsWith(kit.stick) && flags !== 'r' && (opened += 1) === 1) mounts.unmount(kit.stick);
        return mounts.fileSystem.open(path, flags);
      }) satisfies (path: PathLike, flags?: string | number) => ReturnType<FileSystem['open']>,
    };
    const kit = await kitOnMountPoint(mounts, pullingFileSystem);
    mounts.mount(kit.stick);
    await expect(kit.service.exportTo(await kit.service.resolveTarget(kit.stick))).rejects.toMatchObject({ reason: 'notMounted' });
    expect(opened).toBeGreaterThan(1);
    await expectNothingExported(kit);
    await kit.close();
  });
});
