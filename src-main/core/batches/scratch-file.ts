import type { FileHandle } from 'node:fs/promises';
import type { FileSystem } from '../store/file-system';

/** Large enough that a batch of 100,000 answers takes about a hundred writes. */
const chunkBytes = 256 * 1024;

/**
 * Text parked on the kiosk's own disk while a batch is sealed, read back once it is whole. Never
 * flushed to the device: a crash leaves a `.tmp` file beside the batches, which opening removes,
 * and what it held can be made again from the journal.
 */
export class ScratchFile {
  private pending: string[] = [];
  private pendingSize = 0;
  /** Bytes written so far, `pending` not counted. */
  private written = 0;

  private constructor(
    private readonly fileSystem: FileSystem,
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(fileSystem: FileSystem, path: string): Promise<ScratchFile> {
    return new ScratchFile(fileSystem, path, await fileSystem.open(path, 'wx+'));
  }

  /** Every byte appended, once `flush` has run. */
  get bytes(): number {
    return this.written;
  }

  async append(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingSize += text.length;
    if (this.pendingSize >= chunkBytes) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingSize = 0;
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await this.handle.write(data, offset, data.length - offset, this.written + offset);
      if (bytesWritten === 0) throw Object.assign(new Error('ENOSPC: the device accepted no bytes'), { code: 'ENOSPC' });
      offset += bytesWritten;
    }
    this.written += data.length;
  }

  /** The first `end` bytes written, in chunks that are not reused; `flush` first. */
  async *read(end = this.written): AsyncGenerator<Buffer> {
    let position = 0;
    while (position < end) {
      // Not zeroed: only the bytes read are handed on.
      const chunk = Buffer.allocUnsafe(Math.min(chunkBytes, end - position));
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) throw new Error(`The scratch file ${this.path} ended at byte ${position} of ${end}`);
      position += bytesRead;
      yield chunk.subarray(0, bytesRead);
    }
  }

  /** Closes and deletes the file, whatever became of the work. */
  async remove(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await this.fileSystem.unlink(this.path).catch(() => undefined);
  }
}
