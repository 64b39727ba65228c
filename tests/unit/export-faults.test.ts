import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { PathLike } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem, type FileSystem } from '../../src-main/core/store/file-system';
import { completeFolders, openExportKit, type ExportKit } from '../../scripts/fixtures/export-kit';
import { faultyFileSystem, type Fault } from '../support/faulty-file-system';
import { makeTempDir, snapshotFolder } from '../support/temp-dir';

function raise(code: string): never {
  throw Object.assign(new Error(`${code}: injected fault`), { code });
}

/** A stick that takes `writesBeforePull` writes and is then pulled: its folder vanishes, later calls fail as a gone device does. */
function pulledStick(stick: string, writesBeforePull: number, raiseOnPull: boolean): FileSystem {
  let writes = 0;
  let isPulled = false;
  const pull = async () => {
    isPulled = true;
    await rm(stick, { recursive: true, force: true });
  };
  return {
    ...nodeFileSystem,
    open: async (path: PathLike, flags?: string | number) => {
      if (isPulled && String(path).startsWith(stick)) raise('ENOENT');
      const handle = await nodeFileSystem.open(path, flags);
      if (!String(path).startsWith(stick)) return handle;
      return new Proxy(handle, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (property === 'write') {
            return async (buffer: Uint8Array, offset: number, length: number, position: number | null) => {
              writes += 1;
              if (writes > writesBeforePull && !isPulled) {
                await pull();
                if (raiseOnPull) raise('EIO');
              }
              return target.write(buffer, offset, length, position);
            };
          }
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
}

/** A write-protected stick: anything that would change it is refused. */
function readOnlyStick(): FileSystem {
  return {
    ...nodeFileSystem,
    mkdir: async () => raise('EROFS'),
    rm: async () => raise('EROFS'),
    rename: async () => raise('EROFS'),
    open: async (path: PathLike, flags?: string | number) => (flags === 'r' ? nodeFileSystem.open(path, flags) : raise('EROFS')),
  };
}

/** A stick that loses what was written once the folder has its real name: the read-back must catch it. */
function forgetfulStick(): FileSystem {
  return {
    ...nodeFileSystem,
    rename: async (from: PathLike, to: PathLike) => {
      await nodeFileSystem.rename(from, to);
      if (String(from).endsWith('.incomplete')) await writeFile(join(String(to), 'responses.csv'), 'lost\r\n');
    },
  };
}

async function kitWithAnswers(targetFileSystem?: FileSystem): Promise<ExportKit> {
  const stick = join(await makeTempDir(), 'STICK');
  const kit = await openExportKit(await makeTempDir(), stick, { targetFileSystem });
  for (let index = 0; index < 40; index += 1) {
    await kit.answer('coffee-corner', ['like'], { topics: ['coffee'], comment: `kommentti ${index} ${'ä'.repeat(400)}` });
  }
  return kit;
}

/** After a failure: nothing on the stick looks finished, the batch is sealed and not exported, and a healthy stick takes it. */
async function expectCleanFailure(kit: ExportKit, stick: string): Promise<void> {
  expect(await completeFolders(stick).catch(() => [])).toEqual([]);
  expect(kit.service.batches()).toMatchObject([{ number: 1, exportCount: 0, exportedAt: null }]);
  expect(kit.service.unexported).toBe(40);
  const healthy = join(await makeTempDir(), 'HEALTHY');
  await mkdir(healthy);
  const retried = await openExportKit(kit.dataDir, healthy);
  const run = await retried.service.exportTo({ path: healthy, name: 'HEALTHY' });
  expect(run.written.map((written) => written.batch.number)).toEqual([1]);
  expect(retried.service.unexported).toBe(0);
  await retried.close();
}

describe('stick faults during export', () => {
  const injected: { label: string; fault: Fault; reason: string }[] = [
    { label: 'a full stick (ENOSPC half-way through a write)', fault: { code: 'ENOSPC', on: 'write' }, reason: 'diskFull' },
    { label: 'a failing stick (EIO on a write)', fault: { code: 'EIO', on: 'write' }, reason: 'targetGone' },
    { label: 'a flush that fails (EIO on fsync)', fault: { code: 'EIO', on: 'sync' }, reason: 'targetGone' },
    { label: 'a full stick found at flush time (ENOSPC on fsync)', fault: { code: 'ENOSPC', on: 'sync' }, reason: 'diskFull' },
  ];

  it.each(injected)('$label: refused as $reason, nothing finished left behind', async ({ fault, reason }) => {
    const kit = await kitWithAnswers(faultyFileSystem(fault));
    await expect(kit.service.exportTo({ path: kit.stick, name: 'STICK' })).rejects.toMatchObject({ reason });
    expect(await readdir(kit.stick)).toEqual([]);
    await expectCleanFailure(kit, kit.stick);
    await kit.close();
  });

  it.each([true, false])('a stick pulled mid-write (error raised: %s) leaves no finished folder', async (raiseOnPull) => {
    const stick = join(await makeTempDir(), 'STICK');
    const kit = await openExportKit(await makeTempDir(), stick, { targetFileSystem: pulledStick(stick, 1, raiseOnPull) });
    for (let index = 0; index < 40; index += 1) {
      await kit.answer('coffee-corner', ['like'], { topics: [], comment: `kommentti ${index} ${'ö'.repeat(400)}` });
    }
    await expect(kit.service.exportTo({ path: stick, name: 'STICK' })).rejects.toMatchObject({ reason: 'targetGone' });
    await expectCleanFailure(kit, stick);
    await kit.close();
  });

  it('a write-protected stick is refused as read-only and left as it was', async () => {
    const kit = await kitWithAnswers(readOnlyStick());
    await writeFile(join(kit.stick, 'valokuva.jpg'), 'kuva');
    const before = await snapshotFolder(kit.stick);
    await expect(kit.service.exportTo({ path: kit.stick, name: 'STICK' })).rejects.toMatchObject({ reason: 'readOnly', code: 'storage_failed' });
    expect(await snapshotFolder(kit.stick)).toEqual(before);
    expect(kit.service.batches()).toMatchObject([{ exportCount: 0 }]);
    await kit.close();
  });

  it('a folder of the same name on the stick is a clash; it is left untouched', async () => {
    const kit = await kitWithAnswers();
    const name = 'Kerro_Perheiden-piha_2026-11-29_batch1';
    await mkdir(join(kit.stick, name));
    await writeFile(join(kit.stick, name, 'muistiinpanot.txt'), 'omat tiedot');
    const before = await snapshotFolder(kit.stick);
    await expect(kit.service.exportTo({ path: kit.stick, name: 'STICK' })).rejects.toMatchObject({
      reason: 'nameClash',
      message: `The USB stick already has a folder ${name}. Move or rename it, then try again.`,
    });
    expect(await snapshotFolder(kit.stick)).toEqual(before);
    await rm(join(kit.stick, name), { recursive: true });
    await expectCleanFailure(kit, kit.stick);
    await kit.close();
  });

  it('a folder that reads back wrong is renamed back to .incomplete and removed, and the batch is not marked', async () => {
    const kit = await kitWithAnswers(forgetfulStick());
    await expect(kit.service.exportTo({ path: kit.stick, name: 'STICK' })).rejects.toMatchObject({ reason: 'checkFailed' });
    expect(await readdir(kit.stick)).toEqual([]);
    await expectCleanFailure(kit, kit.stick);
    await kit.close();
  });

  it('an unfinished folder from an earlier cut-short export is replaced', async () => {
    const kit = await kitWithAnswers();
    const leftover = join(kit.stick, 'Kerro_Perheiden-piha_2026-11-29_batch1.incomplete');
    await mkdir(leftover);
    await writeFile(join(leftover, 'responses.csv'), 'puolikas');
    const run = await kit.service.exportTo({ path: kit.stick, name: 'STICK' });
    expect(await readdir(kit.stick)).toEqual([run.written[0]?.folder]);
    await kit.close();
  });

  it('a missing target is refused before anything is sealed twice or written', async () => {
    const kit = await kitWithAnswers();
    const gone = join(kit.stick, 'not-here');
    await expect(kit.service.exportTo({ path: gone, name: 'GONE' })).rejects.toMatchObject({ reason: 'targetMissing', code: 'not_found' });
    await expect(kit.service.resolveTarget(gone)).rejects.toMatchObject({ reason: 'unknownTarget' });
    expect(kit.service.batches()).toHaveLength(1);
    await expectCleanFailure(kit, kit.stick);
    await kit.close();
  });

  it('a sealed batch damaged on the kiosk is never exported as if it were good', async () => {
    const kit = await kitWithAnswers();
    await kit.service.exportTo({ path: kit.stick, name: 'STICK' });
    const batchFile = kit.service.batchFileOf(1);
    const text = await readFile(batchFile, 'utf8');
    await writeFile(batchFile, text.replace('kommentti 7 ', 'kommentti 8 '));
    const other = join(await makeTempDir(), 'OTHER');
    await mkdir(other);
    await expect(kit.service.reexportTo({ path: other, name: 'OTHER' }, 1)).rejects.toMatchObject({ reason: 'batchDamaged' });
    expect(await readdir(other)).toEqual([]);
    await kit.close();
  });
});
