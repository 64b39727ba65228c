import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDirectory } from './durable-file';
import { isNotFound } from './file-system';
import { listSegments, openName, recoverSegment, sealedName, space, type RecoveredSegment, type SegmentFile } from './journal-segments';
import type { StoreContext } from './store-context';

export { sealedName } from './journal-segments';

export interface JournalOptions {
  /** Lines per segment before it is sealed; small segments keep recovery and rewrites cheap. */
  segmentCapacity: number;
}

/**
 * How far ahead of its lines the open segment is filled with spaces. A line written over
 * bytes the file already has is flushed by fdatasync alone; a line that makes the file longer
 * also makes the file system commit the new size and blocks to its journal, which costs about
 * a third more on every answer. Once per this many bytes (some 600 answers) one answer pays
 * for the next stretch instead.
 */
export const reserveBytes = 256 * 1024;

/** Opened for writing at chosen places: O_APPEND would make Linux ignore every position. */
const readWriteCreate = constants.O_RDWR | constants.O_CREAT;

/**
 * Append-only storage for answers. The open segment gets one write and one fdatasync per group
 * of lines, so recording an answer costs the same however many are stored; a full segment is
 * cut to its lines, sealed by a rename and never written again.
 *
 * The write and the flush are blocking calls. Going through libuv's thread pool instead costs two
 * round trips between threads per answer, about as much as the flush itself on a good disk, and
 * the event loop has nothing better to do meanwhile than wait for the same answer (SQLite's
 * bindings block the same way). Answers that arrive while a segment is being opened or sealed
 * still share one flush.
 */
export class Journal {
  private handle: FileHandle | null = null;
  /** Where the next line goes: just after the last whole line. */
  private size = 0;
  /** The file's end; from `size` up to here the file holds reserve spaces. */
  private reservedEnd = 0;
  private lineCount = 0;
  /** Set when a failed append could not be cut back; the next append must cut it first. */
  private needsTrim = false;
  /**
   * Reads of the open segment through its handle. Sealing runs after the answers that filled the
   * segment are acknowledged, so a reader may be partway through a read when it closes the handle:
   * the seal (and `close`) wait for these first.
   */
  private readonly handleReads = new Set<Promise<unknown>>();
  /** Set from the moment the handle is being closed: readers then read the segment by its name. */
  private isHandleClosing = false;

  private constructor(
    private readonly context: StoreContext,
    private readonly directory: string,
    private readonly options: JournalOptions,
    private segmentNumber: number,
    private sealedCount: number,
  ) {}

  /**
   * Opens the journal, recovering torn or damaged files. Segments numbered from `fromSegment` on
   * are read, checked and handed to `onSegment` one at a time, so no more than one segment's
   * lines are held; older segments are sealed, never rewritten, and only listed.
   */
  static async open(
    context: StoreContext,
    directory: string,
    options: JournalOptions,
    isValidLine: (value: unknown) => boolean,
    fromSegment: number,
    onSegment: (segment: SegmentFile, recovered: RecoveredSegment) => void,
  ): Promise<{ journal: Journal; segments: SegmentFile[] }> {
    await context.fileSystem.mkdir(directory, { recursive: true });
    const segments = await listSegments(context, directory);
    let last: { segment: SegmentFile; lineCount: number; contentEnd: number } | null = null;
    for (const segment of segments) {
      if (segment.number < fromSegment) continue;
      const isLast = segment === segments.at(-1);
      const recovered = await recoverSegment(context, directory, segment, isValidLine, isLast);
      onSegment(segment, recovered);
      last = { segment, lineCount: recovered.lines.length, contentEnd: recovered.contentEnd };
    }
    const sealedCount = segments.filter((segment) => !segment.isOpen).length;
    const newest = segments.at(-1);
    const journal = new Journal(context, directory, options, newest?.number ?? 1, sealedCount);
    if (last?.segment.isOpen === true) {
      await journal.reopen(last.segment, last.lineCount, last.contentEnd);
    } else if (newest !== undefined) {
      journal.segmentNumber = newest.number + 1;
    }
    return { journal, segments };
  }

  /** Where the next line goes: the segment's number and the byte offset in it. */
  get position(): { segment: number; offset: number } {
    return { segment: this.segmentNumber, offset: this.size };
  }

  /**
   * The whole lines of one segment, read from disk. The open segment is read through its own
   * handle up to its last acknowledged line, so neither its reserve nor a line being written is seen.
   */
  async readSegment(number: number): Promise<string[]> {
    const handle = this.handle;
    let bytes: Buffer;
    if (number === this.segmentNumber && handle !== null && !this.isHandleClosing) {
      bytes = Buffer.alloc(this.size);
      const reading = handle.read(bytes, 0, bytes.length, 0);
      this.handleReads.add(reading);
      try {
        const { bytesRead } = await reading;
        bytes = bytes.subarray(0, bytesRead);
      } finally {
        this.handleReads.delete(reading);
      }
    } else {
      bytes = await this.readByName(number);
    }
    const end = bytes.lastIndexOf(0x0a) + 1;
    return end === 0 ? [] : bytes.toString('utf8', 0, end - 1).split('\n');
  }

  /**
   * A segment read by its name: sealed, or still open when its seal failed or is under way (the
   * rename may fall between the two tries, hence the third).
   */
  private async readByName(number: number): Promise<Buffer> {
    const read = (name: string) => this.context.fileSystem.readFile(join(this.directory, name));
    const orNothing = (error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    };
    return (await read(sealedName(number)).catch(orNothing)) ?? (await read(openName(number)).catch(orNothing)) ?? read(sealedName(number));
  }

  /**
   * Closes the open segment's handle once the reads that took it are done; reads that begin
   * meanwhile go by the segment's name, which the file keeps until the seal renames it. The
   * handle is dropped even when its close reports an error: Linux lets go of the descriptor
   * whatever close returns, and its number may already name another file, so the next line goes
   * through a handle opened anew.
   */
  private async closeHandle(handle: FileHandle): Promise<void> {
    this.isHandleClosing = true;
    try {
      while (this.handleReads.size > 0) await Promise.allSettled([...this.handleReads]);
      await handle.close();
    } finally {
      this.handle = null;
      this.isHandleClosing = false;
    }
  }

  get segments(): number {
    return this.sealedCount + (this.handle === null ? 0 : 1);
  }

  /**
   * Whether `write` can take lines now: a segment is open and no failed append is waiting to be
   * cut back. Otherwise `prepare` makes it so first.
   */
  get isReady(): boolean {
    return this.handle !== null && !this.needsTrim;
  }

  /** Makes the journal ready for `write`: a segment opened (its name made durable), a failed append cut back. */
  async prepare(): Promise<void> {
    const handle = this.handle ?? (await this.openSegment());
    if (!this.needsTrim) return;
    try {
      await handle.truncate(this.size);
    } catch (error) {
      this.context.noteWriteError(error);
      throw error;
    }
    this.reservedEnd = this.size;
    this.needsTrim = false;
  }

  /**
   * Seals the open segment once it holds its count of lines; true when it did. The caller runs it
   * after the answers that filled the segment are acknowledged, so none of them waits for it; a
   * seal that fails leaves the segment open for more lines, and the next call tries again.
   */
  async sealIfFull(): Promise<boolean> {
    if (this.handle === null || this.lineCount < this.options.segmentCapacity) return false;
    return this.seal();
  }

  /**
   * Appends whole lines with one blocking write and one fdatasync, once `isReady`; returns when
   * they are on disk. On failure the caller runs `cutBack` before it reports the failure.
   *
   * Blocking on purpose: going through libuv's thread pool costs two round trips between threads
   * per answer, about as much as the flush itself on a good disk, and the event loop has nothing
   * better to do meanwhile than wait for the same answer.
   */
  write(lines: readonly string[]): void {
    const handle = this.handle;
    if (handle === null || !this.isReady) throw new Error('The journal is not ready for lines');
    const bytes = Buffer.from(lines.length === 1 ? `${lines[0] ?? ''}\n` : lines.map((line) => `${line}\n`).join(''), 'utf8');
    const { fileSystem } = this.context;
    try {
      const end = this.size + bytes.length;
      if (end > this.reservedEnd) this.growReserve(handle.fd, end);
      writeAll(fileSystem, handle.fd, bytes, this.size);
      fileSystem.fdatasyncSync(handle.fd);
      this.reservedEnd = Math.max(this.reservedEnd, end);
    } catch (error) {
      this.context.noteWriteError(error);
      this.needsTrim = true;
      throw error;
    }
    this.context.noteWriteSuccess();
    this.size += bytes.length;
    this.lineCount += lines.length;
  }

  /**
   * After a failed write: the file cut back to the last whole line (the failed lines and the
   * reserve go, nothing earlier). If even that fails, the next `prepare` tries again.
   */
  async cutBack(): Promise<void> {
    if (!this.needsTrim || this.handle === null) return;
    try {
      await this.handle.truncate(this.size);
      this.reservedEnd = this.size;
      this.needsTrim = false;
    } catch {
      // Left to the next prepare.
    }
  }

  /**
   * The reserve is a saving, never a condition: on a nearly full disk the answer is stored as soon
   * as its own bytes fit, and the next append tries to grow the reserve again. Spaces a failed
   * attempt did write are harmless; they read as reserve.
   */
  private growReserve(descriptor: number, end: number): void {
    const reserved = end + reserveBytes;
    try {
      writeAll(this.context.fileSystem, descriptor, Buffer.alloc(reserved - this.reservedEnd, space), this.reservedEnd);
      this.reservedEnd = reserved;
    } catch (error) {
      this.context.logger.warn('journal.reserveDeferred', { message: String(error) });
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    if (handle !== null) await this.closeHandle(handle);
  }

  /**
   * Deletes whole sealed segments from the oldest on, while `canDelete` agrees; returns their numbers.
   * A sealed segment is never rewritten, so a segment only partly deletable stays whole. The
   * newest segment always stays, so segment numbers continue after a restart.
   */
  async deleteOldestSealed(canDelete: (segmentNumber: number) => boolean): Promise<number[]> {
    const segments = await listSegments(this.context, this.directory);
    const deleted: number[] = [];
    for (const segment of segments.slice(0, -1)) {
      if (segment.isOpen || segment.number >= this.segmentNumber) break;
      if (!canDelete(segment.number)) break;
      await this.context.fileSystem.unlink(join(this.directory, segment.name));
      deleted.push(segment.number);
    }
    if (deleted.length > 0) {
      await fsyncDirectory(this.context.fileSystem, this.directory);
      this.sealedCount = Math.max(0, this.sealedCount - deleted.length);
    }
    return deleted;
  }

  private async openSegment(): Promise<FileHandle> {
    if (this.handle !== null) return this.handle;
    const path = join(this.directory, openName(this.segmentNumber));
    const handle = await this.context.fileSystem.open(path, readWriteCreate);
    // The new name must survive a power cut before any line in it is acknowledged.
    await fsyncDirectory(this.context.fileSystem, this.directory);
    // A segment reopened here after a failed seal was already cut to its lines.
    this.size = (await handle.stat()).size;
    this.reservedEnd = this.size;
    this.lineCount = 0;
    this.handle = handle;
    return handle;
  }

  private async reopen(segment: SegmentFile, lineCount: number, contentEnd: number): Promise<void> {
    this.segmentNumber = segment.number;
    this.handle = await this.context.fileSystem.open(join(this.directory, segment.name), readWriteCreate);
    this.size = contentEnd;
    this.reservedEnd = (await this.handle.stat()).size;
    this.lineCount = lineCount;
  }

  /** True when the segment was sealed; a failed seal is only logged, and tried again at the next `prepare`. */
  private async seal(): Promise<boolean> {
    const handle = this.handle;
    if (handle === null) return false;
    try {
      // A sealed segment holds its lines and nothing else.
      await handle.truncate(this.size);
      this.reservedEnd = this.size;
      await handle.datasync();
      await this.closeHandle(handle);
      await this.context.fileSystem.rename(
        join(this.directory, openName(this.segmentNumber)),
        join(this.directory, sealedName(this.segmentNumber)),
      );
      await fsyncDirectory(this.context.fileSystem, this.directory);
      this.sealedCount += 1;
      this.segmentNumber += 1;
      this.size = 0;
      this.lineCount = 0;
      return true;
    } catch (error) {
      // The lines are already durable in the open segment; it simply stays open a while longer.
      this.context.logger.warn('journal.sealFailed', { message: String(error) });
      return false;
    }
  }
}

function writeAll(fileSystem: StoreContext['fileSystem'], descriptor: number, bytes: Buffer, position: number): void {
  let written = 0;
  while (written < bytes.length) {
    written += fileSystem.writeSync(descriptor, bytes, written, bytes.length - written, position + written);
  }
}
