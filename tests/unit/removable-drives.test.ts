import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { list } from 'drivelist';
import type { Drive } from 'drivelist';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { combineTargets, DriveWatcher, removableVolumes } from '../../src-main/core/stick/removable-drives';
import type { Logger } from '../../src-main/core/logger';
import { call, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { openSetUpKiosk, unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';
import { imitatedMounts } from '../support/imitated-mounts';

/** A drive as drivelist reports it; each case overrides what it is about. */
function drive(overrides: Partial<Drive>): Drive {
  return {
    enumerator: 'lsblk:json',
    busType: 'USB',
    busVersion: null,
    device: '/dev/sdb',
    devicePath: null,
    raw: '/dev/sdb',
    description: 'SanDisk Cruzer Blade',
    error: null,
    size: 16_000_000_000,
    blockSize: 512,
    logicalBlockSize: 512,
    mountpoints: [],
    isReadOnly: false,
    isSystem: false,
    isVirtual: false,
    isRemovable: true,
    isCard: null,
    isSCSI: false,
    isUSB: true,
    isUAS: null,
    partitionTableType: 'mbr',
    ...overrides,
  };
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { info: () => undefined, warn: (event) => warnings.push(event), error: () => undefined, warnings };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('which drives count as a USB stick', () => {
  it('offers each mounted volume of a removable drive, named by its label or else the drive', () => {
    const volumes = removableVolumes([
      drive({ mountpoints: [{ path: '/media/kerro/KINGSTON', label: 'KINGSTON' }] }),
      drive({ device: 'E:', description: 'Verbatim STORE N GO', mountpoints: [{ path: 'E:\\', label: null }], isReadOnly: true }),
      drive({
        device: '/dev/sdc',
        mountpoints: [
          { path: '/media/kerro/PART1', label: '  ' },
          { path: '/media/kerro/PART2', label: 'PIHA' },
        ],
      }),
    ]);
    expect(volumes).toEqual([
      { path: '/media/kerro/KINGSTON', name: 'KINGSTON', isReadOnly: false },
      { path: 'E:\\', name: 'Verbatim STORE N GO', isReadOnly: true },
      { path: '/media/kerro/PART1', name: 'SanDisk Cruzer Blade', isReadOnly: false },
      { path: '/media/kerro/PART2', name: 'PIHA', isReadOnly: false },
    ]);
  });

  it('never offers a system disk, a virtual device, a fixed disk or a stick with nothing mounted', () => {
    const volumes = removableVolumes([
      // Some laptops' internal disks report themselves removable; the system flag wins.
      drive({ device: '/dev/nvme0n1', isSystem: true, mountpoints: [{ path: '/', label: null }] }),
      // What this very machine reports for its compressed swap.
      drive({ device: '/dev/zram0', isVirtual: true, isUSB: null, busType: 'UNKNOWN', mountpoints: [{ path: '/zram', label: null }] }),
      drive({ device: '/dev/sda', isRemovable: false, isUSB: false, busType: 'SATA', mountpoints: [{ path: '/data', label: 'DATA' }] }),
      drive({ device: '/dev/sdd', mountpoints: [] }),
    ]);
    expect(volumes).toEqual([]);
  });

  it('reads this machine through the real drivelist and never offers its root disk', async () => {
    const drives = await list();
    expect(drives.length).toBeGreaterThan(0);
    const paths = removableVolumes(drives).map((volume) => volume.path);
    expect(paths).not.toContain('/');
  });
});

describe('the drive watcher', () => {
  // Temporary folders stand in for the sticks' mount points; their device is imitated.
  const mounts = imitatedMounts();

  async function stickFolder(label: string): Promise<string> {
    const path = join(await makeTempDir('kerro-media-'), label);
    await mkdir(path);
    mounts.mount(path);
    return path;
  }

  it('lists a mounted stick with its free space, and a read-only stick as not writable', async () => {
    const kingston = await stickFolder('sdb1');
    const locked = await stickFolder('sdc1');
    const watcher = new DriveWatcher({
      list: async () => [
        drive({ mountpoints: [{ path: kingston, label: 'KINGSTON' }] }),
        drive({ device: '/dev/sdc', isReadOnly: true, mountpoints: [{ path: locked, label: 'LOCKED' }] }),
      ],
      logger: recordingLogger(),
      fileSystem: mounts.fileSystem,
    });
    const targets = await watcher.targets();
    watcher.stop();
    expect(targets).toEqual([
      expect.objectContaining({ id: kingston, path: kingston, name: 'KINGSTON', isWritable: true }),
      expect.objectContaining({ id: locked, name: 'LOCKED', isWritable: false }),
    ]);
    expect(targets[0]?.freeBytes).toBeGreaterThan(0);
    expect(targets[0]?.totalBytes).toBeGreaterThanOrEqual(targets[0]?.freeBytes ?? Infinity);
  });

  it('drops a stick pulled between the listing and the look, and keeps the last list when listing fails', async () => {
    const kept = await stickFolder('sdb1');
    const pulled = await stickFolder('sdc1');
    let isFailing = false;
    const logger = recordingLogger();
    const watcher = new DriveWatcher({
      list: async () => {
        if (isFailing) throw new Error('lsblk: exited with code 32');
        return [drive({ mountpoints: [{ path: kept, label: 'KEPT' }, { path: pulled, label: 'PULLED' }] })];
      },
      logger,
      pollMs: 10,
      fileSystem: mounts.fileSystem,
    });
    expect((await watcher.targets()).map((target) => target.name)).toEqual(['KEPT', 'PULLED']);
    await rm(pulled, { recursive: true });
    isFailing = true;
    await vi.waitFor(() => expect(logger.warnings).toContain('drives.list_failed'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await watcher.targets()).map((target) => target.name)).toEqual(['KEPT']);
    watcher.stop();
    // A failing lsblk every 10 ms is reported once, not once per poll.
    expect(logger.warnings).toEqual(['drives.list_failed']);
  });

  it('polls every two seconds while the staff area looks, and stops a minute after the last look', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = 0;
    const listing = vi.fn(async () => [] satisfies Drive[]);
    const watcher = new DriveWatcher({ list: listing, logger: recordingLogger(), now: () => now });
    expect(watcher.isPolling).toBe(false);

    await watcher.targets();
    expect(listing).toHaveBeenCalledTimes(1);
    expect(watcher.isPolling).toBe(true);
    for (let second = 2; second <= 10; second += 2) {
      now = second * 1000;
      await vi.advanceTimersByTimeAsync(2000);
    }
    expect(listing).toHaveBeenCalledTimes(6);

    // Asking again while polling answers from the list already kept.
    await watcher.targets();
    expect(listing).toHaveBeenCalledTimes(6);

    now = 75_000;
    await vi.advanceTimersByTimeAsync(2000);
    expect(watcher.isPolling).toBe(false);
    const calls = listing.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(listing).toHaveBeenCalledTimes(calls);
  });

  it('lets one stick named twice count once, the first source winning', async () => {
    const path = await stickFolder('sdb1');
    const fromDrives = async () => [{ id: path, name: 'KINGSTON', path, kind: 'stick' as const, freeBytes: 1, totalBytes: 2, isWritable: true }];
    const fromSettings = async () => [{ id: path, name: 'sdb1', path, kind: 'stick' as const, freeBytes: 1, totalBytes: 2, isWritable: true }];
    const targets = await combineTargets(fromDrives, fromSettings)();
    expect(targets.map((target) => target.name)).toEqual(['KINGSTON']);
  });

  it('exports a batch onto a stick found by the watcher, through the staff methods', async () => {
    const stick = await stickFolder('sdb1');
    const watcher = new DriveWatcher({ list: async () => [drive({ mountpoints: [{ path: stick, label: 'KINGSTON' }] })], logger: recordingLogger(), fileSystem: mounts.fileSystem });
    const kiosk = await openSetUpKiosk(await makeTempDir(), { exportTargets: watcher.targets, targetFileSystem: mounts.fileSystem });
    const token = await unlock(kiosk);
    valueOf(await call(kiosk, 'responses.submit', standingAnswer('good')));

    const { targets } = valueOf(await call(kiosk, 'exports.targets', {}, token)) as { targets: { id: string; name: string }[] };
    expect(targets).toMatchObject([{ id: stick, name: 'KINGSTON' }]);
    const run = valueOf(await call(kiosk, 'exports.run', { targetId: stick }, token)) as { written: { folder: string }[] };
    expect(await readdir(stick)).toEqual([run.written[0]?.folder]);
    watcher.stop();
    await kiosk.close();
  });
});
