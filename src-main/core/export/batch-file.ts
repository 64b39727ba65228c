import { createHash, randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { z } from 'zod';
import {
  batchAnswerLine,
  batchClosingLine,
  batchOpeningLine,
  canonicalJson,
  splitOpeningLine,
} from '../../../src-shared/contract/batch-canonical';
import {
  batchFormat,
  batchHeaderSchema,
  exportAnswerSchema,
  pollSnapshotSchema,
  type BatchHeader,
  type ExportAnswer,
  type PollSnapshot,
} from '../../../src-shared/contract/batch-format';
import { fsyncDirectory } from '../store/durable-file';
import type { FileSystem } from '../store/file-system';
import { HashingWriter, type WrittenFile } from './hashing-writer';
import { readLines } from './line-reader';

/** A batch file that does not follow the canonical layout, with the line where it went wrong. */
export class BatchFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'BatchFormatError';
  }
}

/**
 * Writes a sealed batch to `path` so that after a crash the path holds the whole file or
 * nothing: a temp file beside it, flushed, renamed over, the folder flushed.
 */
export async function writeBatchFile(
  fileSystem: FileSystem,
  path: string,
  header: BatchHeader,
  polls: readonly PollSnapshot[],
  answers: readonly ExportAnswer[],
): Promise<WrittenFile> {
  const temporaryPath = `${path}.${randomUUID().slice(0, 8)}.tmp`;
  const writer = await HashingWriter.create(fileSystem, temporaryPath);
  let written: WrittenFile;
  try {
    await writer.write(batchOpeningLine(header, polls));
    for (const [index, answer] of answers.entries()) await writer.write(batchAnswerLine(answer, index === answers.length - 1));
    await writer.write(batchClosingLine);
    written = await writer.finish();
    await fileSystem.rename(temporaryPath, path);
  } catch (error) {
    await writer.abandon();
    await fileSystem.unlink(temporaryPath).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(fileSystem, dirname(path));
  return written;
}

export interface BatchVisitor {
  /** Called with each line's text (without LF) in file order, to copy the file as it is read. */
  onLine?(text: string): Promise<void> | void;
  onOpening?(header: BatchHeader, polls: readonly PollSnapshot[]): Promise<void> | void;
  onAnswer?(answer: ExportAnswer): Promise<void> | void;
}

export interface ScannedBatch extends WrittenFile {
  header: BatchHeader;
  polls: PollSnapshot[];
}

/**
 * Reads a batch file as a stream and checks that it is canonical: the layout, every part against
 * its schema, each part's bytes equal to its canonical form, answers in rising sequence inside
 * the header's range, and as many as the header says. Returns the hash of the bytes read.
 */
export async function scanBatchFile(fileSystem: FileSystem, path: string, visitor: BatchVisitor = {}): Promise<ScannedBatch> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lineNumber = 0;
  let opening: { header: BatchHeader; polls: PollSnapshot[] } | null = null;
  let previousSeq = 0;
  let count = 0;
  let isClosed = false;
  let isLastAnswer = false;
  for await (const line of readLines(fileSystem, path)) {
    lineNumber += 1;
    if (!line.hasNewline) throw new BatchFormatError('the file does not end with a line feed (cut short?)', lineNumber);
    const withNewline = `${line.text}\n`;
    hash.update(withNewline, 'utf8');
    bytes += Buffer.byteLength(withNewline, 'utf8');
    if (isClosed) throw new BatchFormatError('text after the end of the batch', lineNumber);
    await visitor.onLine?.(line.text);
    if (opening === null) {
      opening = parseOpening(line.text, lineNumber);
      previousSeq = opening.header.seqFrom - 1;
      await visitor.onOpening?.(opening.header, opening.polls);
      continue;
    }
    if (line.text === ']}') {
      if (!isLastAnswer) throw new BatchFormatError('the answers end with a comma', lineNumber);
      isClosed = true;
      continue;
    }
    if (isLastAnswer) throw new BatchFormatError('an answer after the last one', lineNumber);
    const answer = parseAnswer(line.text, lineNumber);
    if (answer.seq <= previousSeq || answer.seq > opening.header.seqTo) {
      throw new BatchFormatError(`answer ${answer.seq} is out of order or outside ${opening.header.seqFrom}–${opening.header.seqTo}`, lineNumber);
    }
    previousSeq = answer.seq;
    count += 1;
    isLastAnswer = !line.text.endsWith(',');
    await visitor.onAnswer?.(answer);
  }
  if (opening === null) throw new BatchFormatError('the file is empty', 1);
  if (!isClosed) throw new BatchFormatError('the batch has no end (cut short?)', lineNumber);
  if (count !== opening.header.count) {
    throw new BatchFormatError(`the header says ${opening.header.count} answers, the file has ${count}`, lineNumber);
  }
  return { bytes, sha256: hash.digest('hex'), header: opening.header, polls: opening.polls };
}

function parseOpening(text: string, lineNumber: number): { header: BatchHeader; polls: PollSnapshot[] } {
  const parts = splitOpeningLine(text);
  if (parts === null) throw new BatchFormatError('not the opening of a Kerro batch', lineNumber);
  if (parts.schemaVersion !== batchFormat.schemaVersion) {
    throw new BatchFormatError(`batch format version ${parts.schemaVersion} is not supported`, lineNumber);
  }
  const header = batchHeaderSchema.safeParse(parts.header);
  if (!header.success) throw new BatchFormatError(`the batch header is invalid (${describe(header.error)})`, lineNumber);
  const polls = z.array(pollSnapshotSchema).safeParse(parts.polls);
  if (!polls.success) throw new BatchFormatError(`the poll list is invalid (${describe(polls.error)})`, lineNumber);
  if (header.data.seqTo < header.data.seqFrom) throw new BatchFormatError('the sequence range is reversed', lineNumber);
  if (batchOpeningLine(header.data, polls.data) !== `${text}\n`) throw new BatchFormatError('the opening is not in canonical form', lineNumber);
  return { header: header.data, polls: polls.data };
}

function parseAnswer(text: string, lineNumber: number): ExportAnswer {
  const json = text.endsWith(',') ? text.slice(0, -1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new BatchFormatError('an answer line is not JSON', lineNumber);
  }
  const answer = exportAnswerSchema.safeParse(value);
  if (!answer.success) throw new BatchFormatError(`an answer is invalid (${describe(answer.error)})`, lineNumber);
  if (canonicalJson(answer.data) !== json) throw new BatchFormatError('an answer is not in canonical form', lineNumber);
  return answer.data;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'unknown' : `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`;
}
