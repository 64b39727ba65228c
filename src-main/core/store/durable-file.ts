import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { errorCode, isNotFound, type FileSystem } from './file-system';

/**
 * A rename is only durable once the folder that holds the name is flushed too; without this a
 * power cut can bring back the old file after the call returned.
 */
export async function fsyncDirectory(fileSystem: FileSystem, directory: string): Promise<void> {
  let handle;
  try {
    handle = await fileSystem.open(directory, 'r');
  } catch (error) {
    // Windows cannot open a folder for flushing; NTFS journals the rename itself.
    if (process.platform === 'win32' && ['EISDIR', 'EPERM', 'EACCES'].includes(errorCode(error) ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function backupPathOf(path: string): string {
  return `${path}.bak`;
}

/**
 * Replaces `path` so that after a crash at any moment it holds either the old or the new
 * content, complete: write a temp file, flush it, rename it over, flush the folder. The
 * previous content stays reachable as `path.bak` (a hard link, so it costs no copy) for
 * recovery when the current file is later found damaged.
 */
export async function writeFileDurably(
  fileSystem: FileSystem,
  path: string,
  content: string | Uint8Array,
): Promise<void> {
  const temporaryPath = `${path}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    const handle = await fileSystem.open(temporaryPath, 'wx');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await keepPreviousCopy(fileSystem, path);
    await fileSystem.rename(temporaryPath, path);
  } catch (error) {
    await fileSystem.unlink(temporaryPath).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(fileSystem, dirname(path));
}

async function keepPreviousCopy(fileSystem: FileSystem, path: string): Promise<void> {
  const backupPath = backupPathOf(path);
  try {
    await fileSystem.unlink(backupPath);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    await fileSystem.link(path, backupPath);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
