import * as fs from 'node:fs/promises';
import { fdatasyncSync, writeSync, type Mode, type PathLike } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { nodeFileSystem, type FileSystem } from '../../src-main/core/store/file-system';

export interface Fault {
  /** The errno to raise, or null for a healthy disk. */
  code: 'ENOSPC' | 'EIO' | 'EROFS' | null;
  /** Which operation fails: a write (after writing half of it, as a full disk does), a flush, or opening a file. */
  on: 'write' | 'sync' | 'open';
}

function raise(code: string): never {
  throw Object.assign(new Error(`${code}: injected disk fault`), { code });
}

/** Real files on a real disk, with an errno injected between the store and the kernel on demand. */
export function faultyFileSystem(fault: Fault): FileSystem {
  const wrap = (handle: FileHandle): FileHandle =>
    new Proxy(handle, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        const code = fault.code;
        if (code !== null && fault.on === 'write' && property === 'write') {
          return async (buffer: Uint8Array, offset: number, length: number, position: number) => {
            await target.write(buffer, offset, Math.floor(length / 2), position);
            raise(code);
          };
        }
        if (code !== null && fault.on === 'write' && property === 'writeFile') return () => raise(code);
        if (code !== null && fault.on === 'sync' && (property === 'sync' || property === 'datasync')) return () => raise(code);
        return value.bind(target);
      },
    });
  return {
    ...nodeFileSystem,
    open: async (path: PathLike, flags?: string | number, mode?: Mode) => {
      if (fault.code !== null && fault.on === 'open' && flags !== 'r') raise(fault.code);
      return wrap(await fs.open(path, flags, mode));
    },
    writeSync: (descriptor, buffer, offset, length, position) => {
      if (fault.code !== null && fault.on === 'write') {
        writeSync(descriptor, buffer, offset, Math.floor(length / 2), position);
        raise(fault.code);
      }
      return writeSync(descriptor, buffer, offset, length, position);
    },
    fdatasyncSync: (descriptor) => {
      if (fault.code !== null && fault.on === 'sync') raise(fault.code);
      fdatasyncSync(descriptor);
    },
  };
}
