import type { PathLike } from 'node:fs';
import { resolve } from 'node:path';
import { nodeFileSystem, type FileSystem } from '../../src-main/core/store/file-system';

/** A device number no real disk here has, for a stick that is "mounted". */
const stickDevice = 0x7e57;

export interface ImitatedMounts {
  fileSystem: FileSystem;
  mount(path: string): void;
  /** As `umount` leaves it: the folder stays, on the disk that holds it. */
  unmount(path: string): void;
}

/**
 * Real folders standing in for sticks' mount points: everything is the real disk, except that
 * `stat` of a "mounted" folder reports another device than its parent's, as a mounted stick's
 * root does. Unmounting gives the folder its own disk's device back, which is all a pulled stick
 * whose mount-point folder stayed behind looks like to Kerro.
 */
export function imitatedMounts(...mounted: string[]): ImitatedMounts {
  const points = new Set(mounted.map((path) => resolve(path)));
  const stat = (async (path: PathLike, options?: { bigint?: boolean }) => {
    const real = await nodeFileSystem.stat(path, { bigint: false, ...options });
    if (!points.has(resolve(String(path)))) return real;
    return Object.assign(Object.create(Object.getPrototypeOf(real) as object) as typeof real, real, { dev: stickDevice });
  }) as FileSystem['stat'];
  return {
    fileSystem: { ...nodeFileSystem, stat },
    mount: (path) => points.add(resolve(path)),
    unmount: (path) => points.delete(resolve(path)),
  };
}
