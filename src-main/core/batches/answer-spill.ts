import { batchAnswerLine } from '../../../src-shared/contract/batch-canonical';
import type { ExportAnswer } from '../../../src-shared/contract/batch-format';
import type { StoredResponse } from '../../../src-shared/contract/responses';
import type { FileSystem } from '../store/file-system';
import { pollKey, toExportAnswer } from './batch-content';
import { ScratchFile } from './scratch-file';

/** A poll version that answers in a batch name. */
export interface PollRef {
  pollId: string;
  pollVersion: number;
}

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
  private lastPoll: PollRef | null = null;

  private constructor(
    private readonly scratch: ScratchFile,
    /** Sees each answer as it is masked, before its line is parked. */
    private readonly onAnswer?: (answer: ExportAnswer) => Promise<void> | void,
  ) {}

  static async create(fileSystem: FileSystem, path: string, onAnswer?: (answer: ExportAnswer) => Promise<void> | void): Promise<AnswerSpill> {
    return new AnswerSpill(await ScratchFile.create(fileSystem, path), onAnswer);
  }

  get path(): string {
    return this.scratch.path;
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
    // Answers run in long stretches of one poll: the key is worked out only when the poll changes.
    if (answer.pollId !== this.lastPoll?.pollId || answer.pollVersion !== this.lastPoll.pollVersion) {
      const key = pollKey(answer.pollId, answer.pollVersion);
      this.lastPoll = this.used.get(key) ?? { pollId: answer.pollId, pollVersion: answer.pollVersion };
      this.used.set(key, this.lastPoll);
    }
    this.count += 1;
    this.seqTo = answer.seq;
    await this.onAnswer?.(answer);
    await this.scratch.append(batchAnswerLine(answer, false));
  }

  /** The lines as a batch holds them, in chunks that are not reused: the last line without its comma. */
  async *body(): AsyncGenerator<Buffer> {
    await this.scratch.flush();
    if (this.scratch.bytes === 0) return;
    yield* this.scratch.read(this.scratch.bytes - 2);
    yield Buffer.from('\n');
  }

  /** Closes and deletes the file, whatever became of the sealing. */
  remove(): Promise<void> {
    return this.scratch.remove();
  }
}
