import { createHash, randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { z } from 'zod';
import { audiences } from '../../../src-shared/contract/children';
import type { Drawing } from '../../../src-shared/contract/drawing';
import { drawingSchema } from '../../../src-shared/contract/drawing-schema';
import {
  batchAnswerLine,
  batchClosingLine,
  batchOpeningLine,
  canonicalAnswerJson,
  splitOpeningLine,
} from '../../../src-shared/contract/batch-canonical';
import {
  batchFormat,
  batchHeaderSchema,
  exportAnswerSchema,
  personalDataKinds,
  pollSnapshotSchema,
  type BatchHeader,
  type ExportAnswer,
  type PollSnapshot,
} from '../../../src-shared/contract/batch-format';
import type { PersonalDataKind } from '../../../src-shared/privacy/personal-data';
import { languageCodes } from '../../../src-shared/i18n/languages';
import { fsyncDirectory } from '../store/durable-file';
import type { FileSystem } from '../store/file-system';
import { HashingWriter, type WrittenFile } from '../store/hashing-writer';
import { readLines } from '../store/line-reader';

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
 * nothing: a temp file beside it, flushed, linked to its name, the folder flushed. The answers are
 * taken one at a time, so a large batch is never held whole in memory; there must be exactly
 * `header.count` of them.
 */
export function writeBatchFile(
  fileSystem: FileSystem,
  path: string,
  header: BatchHeader,
  polls: readonly PollSnapshot[],
  answers: Iterable<ExportAnswer>,
): Promise<WrittenFile> {
  async function* lines(): AsyncGenerator<string> {
    let index = 0;
    for (const answer of answers) {
      index += 1;
      yield batchAnswerLine(answer, index === header.count);
    }
    if (index !== header.count) throw new Error(`The header promises ${header.count} answers, ${index} were given`);
  }
  return writeBatchBody(fileSystem, path, header, polls, lines());
}

/**
 * The same, with the answer lines already in their canonical form (`batchAnswerLine`, the last
 * without its comma), as text or bytes: the seal renders each answer once as it streams past.
 */
export async function writeBatchBody(
  fileSystem: FileSystem,
  path: string,
  header: BatchHeader,
  polls: readonly PollSnapshot[],
  body: AsyncIterable<string | Buffer>,
): Promise<WrittenFile> {
  const temporaryPath = `${path}.${randomUUID().slice(0, 8)}.tmp`;
  const writer = await HashingWriter.create(fileSystem, temporaryPath);
  let written: WrittenFile;
  try {
    await writer.write(batchOpeningLine(header, polls));
    for await (const part of body) await writer.write(part);
    await writer.write(batchClosingLine);
    written = await writer.finish();
    // A link, not a rename: it fails when the name is taken, and a sealed batch is never replaced.
    await fileSystem.link(temporaryPath, path);
  } catch (error) {
    await writer.abandon();
    await fileSystem.unlink(temporaryPath).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(fileSystem, dirname(path));
  await fileSystem.unlink(temporaryPath);
  await fsyncDirectory(fileSystem, dirname(path));
  return written;
}

export interface BatchVisitor {
  /** Every byte of the file in order, to copy it as it is read; the buffer is reused, so copy it. */
  onChunk?(bytes: Buffer): void;
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
export async function scanBatchFile(
  fileSystem: FileSystem,
  path: string,
  visitor: BatchVisitor = {},
  options: { isHashKnown: boolean } = { isHashKnown: false },
): Promise<ScannedBatch> {
  const hash = createHash('sha256');
  let bytes = 0;
  const onChunk = (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
    visitor.onChunk?.(chunk);
  };
  let lineNumber = 0;
  let opening: { header: BatchHeader; polls: PollSnapshot[] } | null = null;
  let previousSeq = 0;
  let count = 0;
  let isClosed = false;
  let isLastAnswer = false;
  for await (const line of readLines(fileSystem, path, onChunk)) {
    lineNumber += 1;
    if (!line.hasNewline) throw new BatchFormatError('the file does not end with a line feed (cut short?)', lineNumber);
    if (isClosed) throw new BatchFormatError('text after the end of the batch', lineNumber);
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
    const answer = parseAnswer(line.text, lineNumber, options.isHashKnown);
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

/**
 * With `isHashKnown` the caller compares the whole file's hash with one it already trusts (a
 * batch this kiosk sealed): any changed byte fails that check, so each line is only read into
 * shape, which is most of an export's time saved. Otherwise every answer is checked against
 * its schema and its canonical form.
 */
function parseAnswer(text: string, lineNumber: number, isHashKnown: boolean): ExportAnswer {
  const json = text.endsWith(',') ? text.slice(0, -1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new BatchFormatError('an answer line is not JSON', lineNumber);
  }
  if (isHashKnown) {
    const answer = shapeOfAnswer(value);
    if (answer === null) throw new BatchFormatError('an answer is invalid', lineNumber);
    return answer;
  }
  const answer = exportAnswerSchema.safeParse(value);
  if (!answer.success) throw new BatchFormatError(`an answer is invalid (${describe(answer.error)})`, lineNumber);
  if (canonicalAnswerJson(answer.data) !== json) throw new BatchFormatError('an answer is not in canonical form', lineNumber);
  return answer.data;
}

/** The types of an answer's fields, without the schema's finer rules (id formats, known kinds). */
function shapeOfAnswer(value: unknown): ExportAnswer | null {
  if (typeof value !== 'object' || value === null) return null;
  const field = (key: string): unknown => Reflect.get(value, key);
  const [seq, id, pollId, pollVersion, answer, language, answeredAt, flags, topics, comment, masked] = [
    'seq', 'id', 'pollId', 'pollVersion', 'answer', 'language', 'answeredAt', 'flags', 'topics', 'comment', 'masked',
  ].map(field);
  if (typeof seq !== 'number' || typeof pollVersion !== 'number') return null;
  if (typeof id !== 'string' || typeof pollId !== 'string' || typeof answeredAt !== 'string') return null;
  if (!isStringList(flags) || !isStringList(topics)) return null;
  if (comment !== null && typeof comment !== 'string') return null;
  if (!isStringList(masked) || !masked.every(isPersonalDataKind)) return null;
  if (typeof answer !== 'object' || answer === null) return null;
  const choice = 'optionIds' in answer && isStringList(answer.optionIds) ? { optionIds: answer.optionIds } : null;
  const typed = 'text' in answer && typeof answer.text === 'string' ? { text: answer.text } : null;
  const given = choice ?? typed ?? drawingOf(answer);
  if (given === null) return null;
  const languageCode = languageCodes.find((code) => code === language);
  if (languageCode === undefined) return null;
  const audience = Reflect.get(value, 'audience');
  const known = audiences.find((kind) => kind === audience);
  if (audience !== undefined && known === undefined) return null;
  const shaped: ExportAnswer = { seq, id, pollId, pollVersion, answer: given, language: languageCode, answeredAt, flags, topics, comment, masked };
  return known === undefined ? shaped : { ...shaped, audience: known };
}

/** A drawing is checked whole: it becomes an SVG file, and its bounds are what keep that file small. */
function drawingOf(answer: object): { drawing: Drawing } | null {
  if (!('drawing' in answer)) return null;
  const drawing = drawingSchema.safeParse(answer.drawing);
  return drawing.success ? { drawing: drawing.data } : null;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isPersonalDataKind(value: string): value is PersonalDataKind {
  return personalDataKinds.some((kind) => kind === value);
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'unknown' : `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`;
}
