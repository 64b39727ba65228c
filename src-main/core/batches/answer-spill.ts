import type { FileHandle } from 'node:fs/promises';
import { batchAnswerLine } from '../../../src-shared/contract/batch-canonical';
import type { StoredResponse } from '../../../src-shared/contract/responses';
import type { FileSystem } from '../store/file-system';
import { pollKey, toExportAnswer } from './batch-content';

/** A poll version that answers in a batch name. */
export interface PollRef {
  pollId: string;
  pollVersion: number;
}

/** Large enough that a batch of 100,000 answers takes about a hundred writes. */
const chunkBytes = 256 * 1024;

/**
 * A batch's answers as they stream past: each masked and rendered once, counted, and its line
 * parked on the kiosk's disk, since the batch's opening line names their count, range and polls,
 * known only after the last answer. Scratch, never flushed to the device: a crash leaves a `.tmp`
 * file that opening removes, and the answers are still in the journal. Each line is parked with
 * its trailing comma; the last answer of a batch has none, so `body` drops the final one.
 */
export class AnswerSpill {
  count = 0;
  seqTo = 0;
  readonly counts = { comments: 0, masked: 0, burst: 0 };
  private readonly used = new Map<string, PollRef>();
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

  /** The poll versions the answers name, each once. */
  get polls(): PollRef[] {
    return [...this.used.values()];
  }

  /** The next answer, numbered above every one before it. */
  async add(response: StoredResponse): Promise<void> {
    if (response.seq <= this.seqTo) throw new Error(`Answer ${response.seq} comes after answer ${this.seqTo}`);
    const answer = toExportAnswer(response);
    if (answer.comment !== null) this.counts.comments += 1;
    if (answer.masked.length > 0) this.counts.masked += 1;
    if (answer.flags.includes('burst')) this.counts.burst += 1;
    this.used.set(pollKey(answer.pollId, answer.pollVersion), { pollId: answer.pollId, pollVersion: answer.pollVersion });
    this.count += 1;
    this.seqTo = answer.seq;
    const line = batchAnswerLine(answer, false);
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
