import type { FileHandle } from 'node:fs/promises';
import type { FileSystem } from '../store/file-system';

/** Large enough that a batch of 100,000 answers takes about a hundred writes. */
const chunkBytes = 256 * 1024;

/**
 * A batch's answer lines parked on the kiosk's disk while the answers stream past: the batch's
 * opening line names their count, range and polls, which are known only after the last answer.
 * Scratch, never flushed to the device: a crash leaves a `.tmp` file that opening removes, and
 * the answers are still in the journal. Each line is given with its trailing comma; the last
 * answer of a batch has none, so `body` drops the final one.
 */
export class AnswerSpill {
  private pending: string[] = [];
  private pendingSize = 0;
  private bytes = 0;

  private constructor(
    private readonly fileSystem: FileSystem,
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(fileSystem: FileSystem, path: string): Promise<AnswerSpill> {
    return new AnswerSpill(fileSystem, path, await fileSystem.open(path, 'wx+'));
  }

  /** One answer line, ending in `,\n`. */
  async add(line: string): Promise<void> {
    this.pending.push(line);
    this.pendingSize += line.length;
    if (this.pendingSize >= chunkBytes) await this.flush();
  }

  /** The lines as a batch holds them, in chunks that are not reused: the last line without its comma. */
  async *body(): AsyncGenerator<Buffer> {
    await this.flush();
    const end = this.bytes - 2;
    let position = 0;
    while (position < end) {
      const chunk = Buffer.alloc(Math.min(chunkBytes, end - position));
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) throw new Error(`The answers parked for sealing ended at byte ${position} of ${end}`);
      position += bytesRead;
      yield chunk.subarray(0, bytesRead);
    }
    if (this.bytes > 0) yield Buffer.from('\n');
  }

  /** Closes and deletes the file, whatever became of the sealing. */
  async remove(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await this.fileSystem.unlink(this.path).catch(() => undefined);
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingSize = 0;
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await this.handle.write(data, offset, data.length - offset, this.bytes + offset);
      if (bytesWritten === 0) throw Object.assign(new Error('ENOSPC: the device accepted no bytes'), { code: 'ENOSPC' });
      offset += bytesWritten;
    }
    this.bytes += data.length;
  }
}
