import * as fs from 'node:fs/promises';

/**
 * The part of node:fs/promises the store uses. Passing it in lets the tests put real disk faults
 * (ENOSPC, EIO, EROFS) between the store and real files.
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
}

export const nodeFileSystem: FileSystem = fs;

export function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

export function isNotFound(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
}
