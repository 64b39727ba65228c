// The floor for writing an export folder: the very bytes the kiosk wrote, put in a new folder the
// same way (each file written and flushed, the folder flushed, renamed, its parent flushed), then
// read back and hashed. Nothing is built, masked or checked against the batch, so what the kiosk
// takes beyond this is its own work, and the disk's share is the same for both.
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fsyncDirectory } from '../../src-main/core/store/durable-file';
import { nodeFileSystem } from '../../src-main/core/store/file-system';

interface FolderFile {
  path: string;
  bytes: Buffer;
}

/** Every file under a folder with its bytes, read before the floor is timed. */
export async function readFolder(folder: string): Promise<FolderFile[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => ({ path: relative(folder, file), bytes: await readFile(file) })));
}

/** Seconds to write the files as a new folder `name` in `parent` durably, and read and hash them back. */
export async function timeFloor(files: readonly FolderFile[], parent: string, name: string): Promise<number> {
  const started = performance.now();
  const work = join(parent, `${name}.incomplete`);
  const final = join(parent, name);
  const folders = new Set(files.map((file) => join(work, file.path, '..')));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (const file of files) {
    const handle = await open(join(work, file.path), 'wx');
    try {
      await handle.writeFile(file.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  for (const folder of folders) await fsyncDirectory(nodeFileSystem, folder);
  await rename(work, final);
  await fsyncDirectory(nodeFileSystem, parent);
  for (const file of files) createHash('sha256').update(await readFile(join(final, file.path))).digest('hex');
  return (performance.now() - started) / 1000;
}
