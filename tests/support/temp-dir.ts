import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const madeForSuite: string[] = [];

const remove = (directory: string) => rm(directory, { recursive: true, force: true });

/** A fresh real folder, removed when the test that made it ends (or the file, if made in a hook). */
export async function makeTempDir(prefix = 'kerro-test-'): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  try {
    onTestFinished(() => remove(directory));
  } catch {
    madeForSuite.push(directory);
  }
  return directory;
}

afterAll(async () => {
  await Promise.all(madeForSuite.splice(0).map(remove));
});

/**
 * Every file below a folder with its bytes, to prove that a refused call changed nothing.
 * `leaveOut` names folders (relative to the root) that are not walked at all: a folder written in
 * the background can rename a file between listing and reading it.
 */
export async function snapshotFolder(root: string, leaveOut: readonly string[] = []): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (directory: string): Promise<void> => {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!leaveOut.includes(relative(root, path))) await walk(path);
      } else files.set(relative(root, path), `${(await stat(path)).size}:${(await readFile(path)).toString('base64')}`);
    }
  };
  await walk(root);
  return files;
}
