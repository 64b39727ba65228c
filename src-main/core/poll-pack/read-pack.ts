import { pollPackFormat, pollPackLimits, pollPackSchema, type PollPack } from '../../../src-shared/contract/poll-pack';
import { basename, dirname } from 'node:path';
import { failureFromError, TransferFailure } from '../stick/export-failure';
import { isNotFound, type FileSystem } from '../store/file-system';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads a poll pack a stranger may have made. Each check runs before the next costs anything:
 * size before reading, UTF-8 before parsing, nesting before JSON.parse, keys while parsing,
 * then the format, its version and the polls themselves. Any failure is a reason, not a crash.
 */
export async function readPollPack(fileSystem: FileSystem, path: string): Promise<PollPack> {
  let bytes: Buffer;
  try {
    const stats = await fileSystem.stat(path);
    if (!stats.isFile()) throw new TransferFailure('packNotFound');
    if (stats.size > pollPackLimits.bytes) throw new TransferFailure('packTooLarge');
    bytes = await readAtMost(fileSystem, path, pollPackLimits.bytes + 1);
  } catch (error) {
    if (isNotFound(error)) throw new TransferFailure('packNotFound');
    throw failureFromError(error, basename(dirname(path)));
  }
  // The size can change between the look and the read; what was read is what counts.
  if (bytes.length > pollPackLimits.bytes) throw new TransferFailure('packTooLarge');
  return parsePollPack(bytes);
}

export function parsePollPack(bytes: Uint8Array): PollPack {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new TransferFailure('packNotText');
  }
  if (nestingDepth(text) > pollPackLimits.depth) throw new TransferFailure('packTooDeep');
  let value: unknown;
  try {
    value = JSON.parse(text, (key, member: unknown) => {
      if (forbiddenKeys.has(key)) throw new TransferFailure('packForbiddenKey', { key });
      return member;
    });
  } catch (error) {
    if (error instanceof TransferFailure) throw error;
    throw new TransferFailure('packNotJson');
  }
  if (!isRecord(value) || value.format !== pollPackFormat.name) throw new TransferFailure('packWrongFormat');
  if (value.schemaVersion !== pollPackFormat.schemaVersion) {
    throw new TransferFailure('packWrongVersion', { version: String(value.schemaVersion).slice(0, 20) });
  }
  const parsed = pollPackSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : issue.path.map(String).join('.');
    throw new TransferFailure('packInvalid', { detail: `${where}: ${issue?.message ?? 'invalid'}`.slice(0, 200) });
  }
  return parsed.data;
}

/** The deepest nesting of arrays and objects, counted without parsing, so a hostile file cannot exhaust the stack. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let isInString = false;
  let isEscaped = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charCodeAt(index);
    if (isInString) {
      if (isEscaped) isEscaped = false;
      else if (character === 0x5c) isEscaped = true;
      else if (character === 0x22) isInString = false;
      continue;
    }
    if (character === 0x22) isInString = true;
    else if (character === 0x5b || character === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (character === 0x5d || character === 0x7d) depth -= 1;
  }
  return deepest;
}

async function readAtMost(fileSystem: FileSystem, path: string, limit: number): Promise<Buffer> {
  const handle = await fileSystem.open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    let length = 0;
    while (length < limit) {
      const { bytesRead } = await handle.read(buffer, length, limit - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
