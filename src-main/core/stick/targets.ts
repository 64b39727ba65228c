import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename, delimiter, resolve } from 'node:path';
import type { ExportTarget } from '../../../src-shared/contract/exports';
import { nodeFileSystem, type FileSystem } from '../store/file-system';

/** Lists where exports can go now; the Electron shell adds removable drives to the configured folders. */
export type TargetSource = () => Promise<ExportTarget[]>;

/**
 * The folders named in `KERRO_EXPORT_DIRS` (separated like PATH) that exist now. This is how
 * the browser shell and the tests offer a stick: a mount point, or any folder standing in for one.
 */
export function configuredTargets(environment: NodeJS.ProcessEnv = process.env, fileSystem: FileSystem = nodeFileSystem): TargetSource {
  const paths = (environment.KERRO_EXPORT_DIRS ?? '')
    .split(delimiter)
    .filter((path) => path.trim() !== '')
    .map((path) => resolve(path));
  return async () => {
    const found = await Promise.all([...new Set(paths)].map((path) => describeFolder(path, fileSystem)));
    return found.filter((target) => target !== null);
  };
}

export async function describeFolder(path: string, fileSystem: FileSystem = nodeFileSystem): Promise<ExportTarget | null> {
  try {
    if (!(await fileSystem.stat(path)).isDirectory()) return null;
    const space = await fileSystem.statfs(path);
    return {
      id: path,
      name: basename(path) || path,
      path,
      // What an ordinary user may fill; root's reserve is no use to the kiosk.
      freeBytes: space.bavail * space.bsize,
      totalBytes: space.blocks * space.bsize,
      isWritable: await isWritable(path),
    };
  } catch {
    // A stick pulled while it was being listed is simply not there.
    return null;
  }
}

async function isWritable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
