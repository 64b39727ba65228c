import { canonicalJson } from '../../../src-shared/contract/batch-canonical';
import { pollKey, type BatchHeader, type CsvDialect, type ExportAnswer, type PollSnapshot } from '../../../src-shared/contract/batch-format';
import type { Drawing } from '../../../src-shared/contract/drawing';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { CsvFormatter } from '../../../src-shared/export/csv';
import { batchReportTally } from '../documents/batch-report';
import type { ReportTally } from '../documents/report-tally';
import { SummaryTally } from '../documents/summary-tally';
import { ScratchFile } from '../batches/scratch-file';
import type { FileSystem } from '../store/file-system';

export interface FolderDraftOptions {
  batchNumber: number;
  kioskId: string;
  language: LanguageCode;
  csvDialect: CsvDialect;
  /** The snapshot the batch will hold for a poll version, asked once per version as its first answer passes. */
  findPoll: (id: string, version: number) => PollSnapshot | undefined;
}

/**
 * Drawings are kept as they pass, to be written as SVG files beside the batch; past this many
 * the draft gives up and the folder is made from the sealed file, as for a re-export.
 */
const drawingsKept = 500;

/**
 * An export folder's content made in the seal's own pass, from the answers as the batch holds
 * them: the CSV rows (parked on the kiosk's disk like the batch's lines), the summary's and the
 * council report's tallies and the drawings. The folder is then written without reading the
 * sealed batch's answers back. A re-export makes the same content from the sealed file; the
 * tests hold the two folders equal byte for byte.
 */
export class FolderDraft {
  readonly summary = new SummaryTally([]);
  readonly report: ReportTally<ExportAnswer>;
  readonly drawings: { seq: number; drawing: Drawing }[] = [];
  /** False once the draft gave up (too many drawings, or polls that differ from the batch's): the folder is then made from the sealed file. */
  isWhole = true;
  private readonly csv: CsvFormatter;
  /** Every poll version the rows asked for, with what they were given; the batch's own list must say the same. */
  private readonly polls = new Map<string, PollSnapshot | undefined>();
  /** The CSV formatter's view of the same: it looks a poll up when its first row is written. */
  private readonly known = new Map<string, PollSnapshot>();
  private lastPoll: { id: string; version: number } = { id: '', version: 0 };
  private sealed: { header: BatchHeader; polls: readonly PollSnapshot[]; hash: string } | null = null;

  private constructor(
    private readonly scratch: ScratchFile,
    private readonly options: FolderDraftOptions,
  ) {
    this.report = batchReportTally(options.language);
    this.csv = new CsvFormatter(options.csvDialect, options.language, this.known);
  }

  static async create(fileSystem: FileSystem, path: string, options: FolderDraftOptions): Promise<FolderDraft> {
    const draft = new FolderDraft(await ScratchFile.create(fileSystem, path), options);
    await draft.scratch.append(draft.csv.header());
    return draft;
  }

  get path(): string {
    return this.scratch.path;
  }

  get batchNumber(): number {
    return this.options.batchNumber;
  }

  async add(answer: ExportAnswer): Promise<void> {
    if (!this.isWhole) return;
    if (answer.pollId !== this.lastPoll.id || answer.pollVersion !== this.lastPoll.version) this.notePoll(answer.pollId, answer.pollVersion);
    await this.scratch.append(this.csv.row(answer, this.options.batchNumber, this.options.kioskId));
    if ('drawing' in answer.answer) {
      if (this.drawings.length >= drawingsKept) this.isWhole = false;
      else this.drawings.push({ seq: answer.seq, drawing: answer.answer.drawing });
    }
    this.summary.add(answer);
    this.report.add(answer);
  }

  /** Answers run in long stretches of one poll: it is looked up only when the poll changes. */
  private notePoll(id: string, version: number): void {
    this.lastPoll = { id, version };
    const key = pollKey(id, version);
    if (this.polls.has(key)) return;
    const snapshot = this.options.findPoll(id, version);
    this.polls.set(key, snapshot);
    if (snapshot !== undefined) this.known.set(key, snapshot);
  }

  /** The batch as sealed: its header, polls and hash. The draft stays whole only if it used the very polls the batch names. */
  async seal(header: BatchHeader, polls: readonly PollSnapshot[], hash: string): Promise<void> {
    const named = new Map(polls.map((poll) => [pollKey(poll.id, poll.version), poll]));
    for (const [key, used] of this.polls) {
      const given = named.get(key);
      if ((used === undefined) !== (given === undefined) || (used !== undefined && canonicalJson(used) !== canonicalJson(given))) this.isWhole = false;
    }
    this.summary.describe(polls);
    await this.scratch.flush();
    this.sealed = { header, polls, hash };
  }

  /** What the seal said, once it did and while the draft is whole. */
  sealedAs(number: number, hash: string): { header: BatchHeader; polls: readonly PollSnapshot[] } | null {
    const { sealed } = this;
    if (!this.isWhole || sealed === null || number !== this.options.batchNumber || hash !== sealed.hash) return null;
    return { header: sealed.header, polls: sealed.polls };
  }

  /** The size of responses.csv, once `seal` has run. */
  get csvByteCount(): number {
    return this.scratch.bytes;
  }

  /** The whole responses.csv, in chunks that are not reused. */
  csvBytes(): AsyncGenerator<Buffer> {
    return this.scratch.read();
  }

  remove(): Promise<void> {
    return this.scratch.remove();
  }
}
