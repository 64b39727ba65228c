import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { FileSystem } from './file-system';

/** Big enough that 100,000 rows take a few hundred writes, small enough to never matter for memory. */
const chunkBytes = 256 * 1024;

export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/**
 * Writes a new file piece by piece, hashing the bytes as they go, so a large export never sits
 * in memory whole. `finish` flushes the file to the device before it reports the hash.
 */
export class HashingWriter {
  private readonly hash: Hash = createHash('sha256');
  private pending: (string | Buffer)[] = [];
  /** Bytes for buffers, characters for strings: only to decide when to write, so close is enough. */
  private pendingSize = 0;
  private written = 0;

  private constructor(private readonly handle: FileHandle) {}

  /** Opens `path` for writing; it must not exist yet. */
  static async create(fileSystem: FileSystem, path: string): Promise<HashingWriter> {
    return new HashingWriter(await fileSystem.open(path, 'wx'));
  }

  /** Queues text or bytes without writing; `write` or `flushIfFull` writes them out. Bytes are kept as given, not copied. */
  append(data: string | Buffer): void {
    this.pending.push(data);
    this.pendingSize += data.length;
  }

  async write(data: string | Buffer): Promise<void> {
    this.append(data);
    await this.flushIfFull();
  }

  async flushIfFull(): Promise<void> {
    if (this.pendingSize >= chunkBytes) await this.flush();
  }

  /** Writes what is left, fsyncs and closes; the handle is closed even when this fails. */
  async finish(): Promise<WrittenFile> {
    try {
      await this.flush();
      await this.handle.sync();
    } finally {
      await this.handle.close().catch(() => undefined);
    }
    return { bytes: this.written, sha256: this.hash.digest('hex') };
  }

  /** Closes after a failure elsewhere; the file is left for the caller to remove. */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  /** Strings are joined and encoded once per chunk: encoding each CSV row on its own costs more than the rest. */
  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const [only] = this.pending;
    // A file copied chunk by chunk comes as one buffer per write: written as it is, not copied again.
    const bytes =
      this.pending.length === 1 && Buffer.isBuffer(only)
        ? only
        : this.pending.every((part) => typeof part === 'string')
          ? Buffer.from(this.pending.join(''), 'utf8')
          : Buffer.concat(this.pending.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
    this.pending = [];
    this.pendingSize = 0;
    this.hash.update(bytes);
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset, null);
      // A write that moves nothing would loop forever; a device that accepts nothing is full.
      if (bytesWritten === 0) throw Object.assign(new Error('ENOSPC: the device accepted no bytes'), { code: 'ENOSPC' });
      offset += bytesWritten;
    }
    this.written += bytes.length;
  }
}

/** SHA-256 of a file read back from disk, as a stream. */
export async function hashFile(fileSystem: FileSystem, path: string): Promise<WrittenFile> {
  const hash = createHash('sha256');
  const handle = await fileSystem.open(path, 'r');
  const buffer = Buffer.alloc(chunkBytes);
  let bytes = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}
