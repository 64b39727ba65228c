import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename, delimiter, dirname, resolve } from 'node:path';
import type { ExportTarget, ExportTargetKind } from '../../../src-shared/contract/exports';
import { nodeFileSystem, type FileSystem } from '../store/file-system';

/** Lists where exports can go now; the Electron shell adds removable drives to the configured folders. */
export type TargetSource = () => Promise<ExportTarget[]>;

/** Marks an entry of `KERRO_EXPORT_DIRS` as a plain folder rather than a stick's mount point. */
const folderPrefix = 'folder=';

interface ConfiguredTarget {
  path: string;
  kind: ExportTargetKind;
}

/** `/media/kerro-stick` is a mount point a stick must be mounted on; `folder=/srv/share` is a plain folder. */
export function parseExportDirs(value: string): ConfiguredTarget[] {
  const byPath = new Map<string, ConfiguredTarget>();
  for (const entry of value.split(delimiter)) {
    if (entry.trim() === '') continue;
    const isFolder = entry.startsWith(folderPrefix);
    const path = resolve(isFolder ? entry.slice(folderPrefix.length) : entry);
    if (!byPath.has(path)) byPath.set(path, { path, kind: isFolder ? 'folder' : 'stick' });
  }
  return [...byPath.values()];
}

/**
 * The places named in `KERRO_EXPORT_DIRS` (separated like PATH) that can take an export now. An
 * entry is a stick's mount point unless it says `folder=`: a mount point is offered only while a
 * stick is mounted on it, because the empty folder a pulled stick leaves behind lies on the
 * kiosk's own disk.
 */
export function configuredTargets(environment: NodeJS.ProcessEnv = process.env, fileSystem: FileSystem = nodeFileSystem): TargetSource {
  const configured = parseExportDirs(environment.KERRO_EXPORT_DIRS ?? '');
  return async () => {
    const found = await Promise.all(configured.map(({ path, kind }) => describeFolder(path, fileSystem, kind)));
    return found.filter((target) => target !== null);
  };
}

/**
 * Whether something is mounted on `path`: a mount point lies on another device than the folder
 * that holds it. The root folder is its own parent and never counts as a stick.
 */
export async function isMounted(path: string, fileSystem: FileSystem = nodeFileSystem): Promise<boolean> {
  const parent = dirname(path);
  if (parent === path) return false;
  const [self, holder] = await Promise.all([fileSystem.stat(path), fileSystem.stat(parent)]);
  return self.dev !== holder.dev;
}

export async function describeFolder(path: string, fileSystem: FileSystem = nodeFileSystem, kind: ExportTargetKind = 'folder'): Promise<ExportTarget | null> {
  try {
    if (!(await fileSystem.stat(path)).isDirectory()) return null;
    if (kind === 'stick' && !(await isMounted(path, fileSystem))) return null;
    const space = await fileSystem.statfs(path);
    return {
      id: path,
      name: basename(path) || path,
      path,
      kind,
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
