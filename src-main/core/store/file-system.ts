import { fdatasyncSync, writeSync } from 'node:fs';
import * as fs from 'node:fs/promises';

/**
 * The part of node:fs/promises the store uses, and the two blocking calls of the journal's hot
 * path. Passing it in lets the tests put real disk faults (ENOSPC, EIO, EROFS) between the store
 * and real files.
 */
export interface FileSystem {
  open: typeof fs.open;
  readFile: typeof fs.readFile;
  readdir: typeof fs.readdir;
  mkdir: typeof fs.mkdir;
  rename: typeof fs.rename;
  link: typeof fs.link;
  unlink: typeof fs.unlink;
  copyFile: typeof fs.copyFile;
  truncate: typeof fs.truncate;
  stat: typeof fs.stat;
  rm: typeof fs.rm;
  statfs: typeof fs.statfs;
  /** The one form of writeSync the journal uses: bytes at a position. */
  writeSync(descriptor: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  fdatasyncSync(descriptor: number): void;
}

export const nodeFileSystem: FileSystem = {
  ...fs,
  writeSync: (descriptor, buffer, offset, length, position) => writeSync(descriptor, buffer, offset, length, position),
  fdatasyncSync,
};

export function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

export function isNotFound(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
}
