import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDirectory, writeFileDurably } from './durable-file';
import type { StoreContext } from './store-context';

const segmentName = /^(\d{6})(\.open)?\.jsonl$/;
const newline = 0x0a;

export interface JournalOptions {
  /** Lines per segment before it is sealed; small segments keep recovery and rewrites cheap. */
  segmentCapacity: number;
}

interface SegmentFile {
  number: number;
  isOpen: boolean;
  name: string;
}

/**
 * Append-only storage for answers. The open segment gets one write and one fdatasync per group
 * of lines, so recording an answer costs the same however many are stored; a full segment is
 * sealed by a rename and never written again.
 */
export class Journal {
  private handle: FileHandle | null = null;
  private size = 0;
  private lineCount = 0;
  /** Set when a failed append could not be cut back; the next append must cut it first. */
  private needsTrim = false;

  private constructor(
    private readonly context: StoreContext,
    private readonly directory: string,
    private readonly options: JournalOptions,
    private segmentNumber: number,
    private sealedCount: number,
  ) {}

  /** Opens the journal and returns every stored line, recovering from torn or damaged files. */
  static async open(
    context: StoreContext,
    directory: string,
    options: JournalOptions,
    isValidLine: (value: unknown) => boolean,
  ): Promise<{ journal: Journal; lines: unknown[] }> {
    await context.fileSystem.mkdir(directory, { recursive: true });
    const segments = await listSegments(context, directory);
    const lines: unknown[] = [];
    let lastLineCount = 0;
    for (const segment of segments) {
      const isLast = segment === segments.at(-1);
      const segmentLines = await recoverSegment(context, directory, segment, isValidLine, isLast);
      lines.push(...segmentLines);
      lastLineCount = segmentLines.length;
    }
    const last = segments.at(-1);
    const sealedCount = segments.filter((segment) => !segment.isOpen).length;
    const journal = new Journal(context, directory, options, last?.number ?? 1, sealedCount);
    if (last?.isOpen === true) {
      await journal.reopen(last, lastLineCount);
    } else if (last !== undefined) {
      journal.segmentNumber = last.number + 1;
    }
    return { journal, lines };
  }

  get segments(): number {
    return this.sealedCount + (this.handle === null ? 0 : 1);
  }

  /** Appends whole lines; returns once they are on disk. On failure nothing of them remains. */
  async append(lines: readonly string[]): Promise<void> {
    const bytes = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
    const handle = await this.openSegment();
    try {
      if (this.needsTrim) {
        await handle.truncate(this.size);
        this.needsTrim = false;
      }
      let written = 0;
      while (written < bytes.length) {
        const result = await handle.write(bytes, written, bytes.length - written, this.size + written);
        written += result.bytesWritten;
      }
      await handle.datasync();
    } catch (error) {
      this.context.noteWriteError(error);
      await handle.truncate(this.size).catch(() => {
        this.needsTrim = true;
      });
      throw error;
    }
    this.context.noteWriteSuccess();
    this.size += bytes.length;
    this.lineCount += lines.length;
    if (this.lineCount >= this.options.segmentCapacity) await this.seal();
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }

  private async openSegment(): Promise<FileHandle> {
    if (this.handle !== null) return this.handle;
    const path = join(this.directory, openName(this.segmentNumber));
    this.handle = await this.context.fileSystem.open(path, 'a+');
    // The new name must survive a power cut before any line in it is acknowledged.
    await fsyncDirectory(this.context.fileSystem, this.directory);
    this.size = (await this.handle.stat()).size;
    this.lineCount = 0;
    return this.handle;
  }

  private async reopen(segment: SegmentFile, lineCount: number): Promise<void> {
    this.segmentNumber = segment.number;
    this.handle = await this.context.fileSystem.open(join(this.directory, segment.name), 'r+');
    this.size = (await this.handle.stat()).size;
    this.lineCount = lineCount;
  }

  private async seal(): Promise<void> {
    const handle = this.handle;
    if (handle === null) return;
    try {
      await handle.close();
      this.handle = null;
      await this.context.fileSystem.rename(
        join(this.directory, openName(this.segmentNumber)),
        join(this.directory, sealedName(this.segmentNumber)),
      );
      await fsyncDirectory(this.context.fileSystem, this.directory);
      this.sealedCount += 1;
      this.segmentNumber += 1;
    } catch (error) {
      // The lines are already durable in the open segment; it simply stays open a while longer.
      this.context.logger.warn('journal.sealFailed', { message: String(error) });
    }
  }
}

function openName(segmentNumber: number): string {
  return `${String(segmentNumber).padStart(6, '0')}.open.jsonl`;
}

/** Exported for the bench, which writes a large history straight in this format. */
export function sealedName(segmentNumber: number): string {
  return `${String(segmentNumber).padStart(6, '0')}.jsonl`;
}

async function listSegments(context: StoreContext, directory: string): Promise<SegmentFile[]> {
  const names = await context.fileSystem.readdir(directory);
  const segments: SegmentFile[] = [];
  for (const name of names) {
    const match = segmentName.exec(name);
    if (match?.[1] === undefined) continue;
    segments.push({ number: Number(match[1]), isOpen: match[2] !== undefined, name });
  }
  segments.sort((left, right) => left.number - right.number);
  // Only the newest segment may stay open; an older open one was left by a crash during sealing.
  for (const segment of segments.slice(0, -1)) {
    if (!segment.isOpen) continue;
    const name = sealedName(segment.number);
    await context.fileSystem.rename(join(directory, segment.name), join(directory, name));
    segment.isOpen = false;
    segment.name = name;
  }
  return segments;
}

/**
 * Reads one segment. Bytes after the last newline were never acknowledged (a line is acknowledged
 * only after it and its newline were flushed), so they are cut off and kept in the quarantine.
 * A damaged line inside the file is corruption: the file is quarantined whole and rewritten with
 * the lines that are still good.
 */
async function recoverSegment(
  context: StoreContext,
  directory: string,
  segment: SegmentFile,
  isValidLine: (value: unknown) => boolean,
  isLast: boolean,
): Promise<unknown[]> {
  const path = join(directory, segment.name);
  const bytes = await context.fileSystem.readFile(path);
  const end = bytes.lastIndexOf(newline) + 1;
  if (end < bytes.length) {
    const torn = bytes.subarray(end);
    await context.quarantineBytes(`${segment.name}.torn`, torn);
    await context.fileSystem.truncate(path, end);
    const problem = isLast ? 'torn last line (never acknowledged)' : 'torn line in a sealed segment';
    context.report(segment.name, problem, `dropped ${torn.length} bytes, kept them in quarantine`);
  }
  const good: unknown[] = [];
  const goodText: string[] = [];
  let damaged = 0;
  for (const text of bytes.subarray(0, end).toString('utf8').split('\n').slice(0, -1)) {
    const value = parseLine(text);
    if (value !== undefined && isValidLine(value)) {
      good.push(value);
      goodText.push(text);
    } else {
      damaged += 1;
    }
  }
  if (damaged > 0) {
    const copy = `${path}.damaged`;
    await context.fileSystem.copyFile(path, copy);
    await context.quarantineFile(copy, 'damaged lines');
    await writeFileDurably(context.fileSystem, path, goodText.map((text) => `${text}\n`).join(''));
    await context.fileSystem.unlink(`${path}.bak`).catch(() => undefined);
    context.report(segment.name, `${damaged} damaged line(s)`, `kept ${good.length} good lines, damaged copy in quarantine`);
  }
  return good;
}

function parseLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
