import { join } from 'node:path';
import { writeFileDurably } from './durable-file';
import type { StoreContext } from './store-context';

const segmentName = /^(\d{6})(\.open)?\.jsonl$/;
const newline = 0x0a;
export const space = 0x20;

export interface SegmentFile {
  number: number;
  isOpen: boolean;
  name: string;
}

export function openName(segmentNumber: number): string {
  return `${String(segmentNumber).padStart(6, '0')}.open.jsonl`;
}

/** Exported for the bench, which writes a large history straight in this format. */
export function sealedName(segmentNumber: number): string {
  return `${String(segmentNumber).padStart(6, '0')}.jsonl`;
}

export async function listSegments(context: StoreContext, directory: string): Promise<SegmentFile[]> {
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

export interface RecoveredSegment {
  lines: unknown[];
  /** Each good line's text, as stored. */
  texts: string[];
  /** The byte offset just after each good line. */
  ends: number[];
  /** Where the last whole line ends: the next line of an open segment goes here. */
  contentEnd: number;
}

/**
 * Reads one segment. Spaces after the last line are the open segment's reserve (see Journal),
 * never content: JSON.stringify ends no line with a space. Other bytes after the last newline
 * were never acknowledged (a line is acknowledged only after it and its newline were flushed),
 * so they are cut off and kept in the quarantine. A damaged line inside the file is corruption:
 * the file is quarantined whole and rewritten with the lines that are still good.
 */
export async function recoverSegment(
  context: StoreContext,
  directory: string,
  segment: SegmentFile,
  isValidLine: (value: unknown) => boolean,
  isLast: boolean,
): Promise<RecoveredSegment> {
  const path = join(directory, segment.name);
  const bytes = await context.fileSystem.readFile(path);
  const written = lastIndexOfNot(bytes, space, bytes.length) + 1;
  const end = written === 0 ? 0 : bytes.lastIndexOf(newline, written - 1) + 1;
  if (end < written) {
    // A torn write starts right after a newline; leading spaces are reserve it was written past.
    const torn = bytes.subarray(indexOfNot(bytes, space, end), written);
    await context.quarantineBytes(`${segment.name}.torn`, torn);
    await context.fileSystem.truncate(path, end);
    const problem = isLast ? 'torn last line (never acknowledged)' : 'torn line in a sealed segment';
    context.report(segment.name, problem, `dropped ${torn.length} bytes, kept them in quarantine`);
  } else if (!segment.isOpen && end < bytes.length) {
    // A segment sealed by a crash-interrupted seal still has its reserve; a sealed one holds lines only.
    await context.fileSystem.truncate(path, end);
  }
  const good: unknown[] = [];
  const goodText: string[] = [];
  const ends: number[] = [];
  let damaged = 0;
  let offset = 0;
  for (const text of bytes.subarray(0, end).toString('utf8').split('\n').slice(0, -1)) {
    const value = parseLine(text);
    offset += Buffer.byteLength(text) + 1;
    if (value !== undefined && isValidLine(value)) {
      good.push(value);
      goodText.push(text);
      ends.push(offset);
    } else {
      damaged += 1;
    }
  }
  if (damaged === 0) return { lines: good, texts: goodText, ends, contentEnd: end };
  const copy = `${path}.damaged`;
  await context.fileSystem.copyFile(path, copy);
  await context.quarantineFile(copy, 'damaged lines');
  const content = goodText.map((text) => `${text}\n`).join('');
  await writeFileDurably(context.fileSystem, path, content);
  await context.fileSystem.unlink(`${path}.bak`).catch(() => undefined);
  context.report(segment.name, `${damaged} damaged line(s)`, `kept ${good.length} good lines, damaged copy in quarantine`);
  let rewrittenEnd = 0;
  const rewrittenEnds = goodText.map((text) => (rewrittenEnd += Buffer.byteLength(text) + 1));
  return { lines: good, texts: goodText, ends: rewrittenEnds, contentEnd: Buffer.byteLength(content) };
}

function parseLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function lastIndexOfNot(bytes: Uint8Array, value: number, before: number): number {
  let index = before - 1;
  while (index >= 0 && bytes[index] === value) index -= 1;
  return index;
}

function indexOfNot(bytes: Uint8Array, value: number, from: number): number {
  let index = from;
  while (index < bytes.length && bytes[index] === value) index += 1;
  return index;
}
