import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { batchClosingLine, canonicalJson, splitOpeningLine } from '../contract/batch-canonical';
import { exportAnswerSchema, personalDataKinds } from '../contract/batch-format';
import { hexToBytes, readAnswerIds, sharedRuns, writeAnswerIds } from './answer-id-column';
import { ByteReader, ByteWriter, CompactFormatError } from './byte-codec';

/**
 * The batch as it travels by QR: the canonical file (`batch-canonical.ts`) rewritten column by
 * column with dictionaries for polls, options and languages, then deflated. JSON repeats every
 * key for every answer; here an answer costs a few bytes, and its id 16 more unless it shares a
 * run with others (answer-id-column.ts). Decoding gives back the canonical text byte for byte,
 * so the receiver checks the batch hash itself.
 *
 * The first byte is the payload version: a receiver refuses a version it does not know rather
 * than guess. Version 2 sends ids by runs; a batch whose ids share none is sent as version 1,
 * the same bytes as before, so a receiver that knows only version 1 still reads it. The second
 * byte is the layout: columns, or the canonical text as it is, used whenever the columns would
 * not give back the exact bytes (a field this code does not know).
 */
export const compactPayloadVersion = 2;

const layouts = { canonicalText: 0, columns: 1 } as const;

/** Refuses inflating past this: a forged payload must not fill a phone's memory. */
export const maxCanonicalBytes = 64 * 1024 * 1024;

/**
 * The audience rides in the mask column above the personal-data bits: 0 for a batch sealed before
 * audiences were written (the key is then absent), 1 adult, 2 child.
 */
const audienceShift = personalDataKinds.length;
const audienceCodes = [undefined, 'adult', 'child'] as const;

function audienceFrom(mask: number): { audience?: 'adult' | 'child' } {
  const audience = audienceCodes[mask >> audienceShift];
  return audience === undefined ? {} : { audience };
}

const timePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

export class NewerPayloadError extends Error {
  constructor(readonly version: number) {
    super(`This batch was sent by a newer Kerro (transfer format ${version}); update the receiver`);
    this.name = 'NewerPayloadError';
  }
}

/** Bytes before the deflated body: version, layout, then the SHA-256 of the canonical bytes. */
const headerLength = 34;

export interface TransferredBatch {
  canonical: string;
  /** The batch hash the kiosk sent, in lowercase hex; the receiver recomputes and compares. */
  sha256: string;
}

export function encodeCompactBatch(canonical: string, sha256: string): Uint8Array {
  let columns: { bytes: Uint8Array; version: number } | null = null;
  try {
    columns = encodeColumns(canonical);
    if (decodeColumns(columns.bytes, columns.version) !== canonical) columns = null;
  } catch {
    columns = null;
  }
  const layout = columns === null ? layouts.canonicalText : layouts.columns;
  const body = deflateSync(columns?.bytes ?? strToU8(canonical), { level: 9, mem: 12 });
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('The batch hash must be a SHA-256 in lowercase hex');
  const payload = new Uint8Array(body.length + headerLength);
  payload[0] = columns?.version ?? 1;
  payload[1] = layout;
  payload.set(hexToBytes(sha256), 2);
  payload.set(body, headerLength);
  return payload;
}

export function decodeCompactBatch(payload: Uint8Array): TransferredBatch {
  const [version, layout] = payload;
  if (version === undefined || layout === undefined) throw new CompactFormatError('the payload is empty');
  if (version > compactPayloadVersion) throw new NewerPayloadError(version);
  if (version < 1) throw new CompactFormatError(`unknown transfer format ${version}`);
  if (payload.length < headerLength) throw new CompactFormatError('the payload ends too early');
  const sha256 = Array.from(payload.subarray(2, headerLength), (byte) => byte.toString(16).padStart(2, '0')).join('');
  let inner: Uint8Array;
  try {
    inner = inflateBounded(payload.subarray(headerLength));
  } catch (error) {
    if (error instanceof CompactFormatError) throw error;
    throw new CompactFormatError('the payload does not inflate');
  }
  if (layout === layouts.canonicalText) return { canonical: strFromU8(inner), sha256 };
  if (layout === layouts.columns) return { canonical: decodeColumns(inner, version), sha256 };
  throw new CompactFormatError(`unknown payload layout ${layout}`);
}

/** Inflates in chunks and stops past the limit, before a forged payload can take the memory. */
function inflateBounded(body: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxCanonicalBytes) throw new CompactFormatError('the payload is too large');
    chunks.push(chunk);
  });
  for (let offset = 0; offset < body.length; offset += 16_384) {
    inflater.push(body.subarray(offset, offset + 16_384), offset + 16_384 >= body.length);
  }
  if (body.length === 0) throw new CompactFormatError('the payload is empty');
  const inner = new Uint8Array(total);
  let position = 0;
  for (const chunk of chunks) {
    inner.set(chunk, position);
    position += chunk.length;
  }
  return inner;
}

/** Strings listed once, referred to by their place. */
class Dictionary {
  readonly values: string[] = [];
  private readonly places = new Map<string, number>();

  placeOf(value: string): number {
    let place = this.places.get(value);
    if (place === undefined) {
      place = this.values.length;
      this.values.push(value);
      this.places.set(value, place);
    }
    return place;
  }
}

function encodeColumns(canonical: string): { bytes: Uint8Array; version: number } {
  const lines = canonical.split('\n');
  const opening = lines[0] ?? '';
  const parts = splitOpeningLine(opening);
  if (parts === null || lines.at(-1) !== '' || lines.at(-2) !== batchClosingLine.trimEnd()) throw new Error('not canonical');
  const header = parts.header;
  if (typeof header !== 'object' || header === null || !('seqFrom' in header) || typeof header.seqFrom !== 'number') {
    throw new Error('no sequence start');
  }
  const answers = lines.slice(1, -2).map((line) => exportAnswerSchema.parse(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line)));
  const dictionaries = { polls: new Dictionary(), options: new Dictionary(), languages: new Dictionary(), flags: new Dictionary(), shapes: new Dictionary() };
  const [seqs, polls, choices, languages, shapes, seconds, fractions, flags, masks, texts] = [
    new ByteWriter(), new ByteWriter(), new ByteWriter(), new ByteWriter(), new ByteWriter(),
    new ByteWriter(), new ByteWriter(), new ByteWriter(), new ByteWriter(), new ByteWriter(),
  ];
  const ids: string[] = [];
  let previousSeq = header.seqFrom - 1;
  let previousSeconds = 0;
  for (const answer of answers) {
    seqs.unsigned(answer.seq - previousSeq - 1);
    previousSeq = answer.seq;
    ids.push(answer.id);
    polls.unsigned(dictionaries.polls.placeOf(`${answer.pollId}@${answer.pollVersion}`));
    if ('drawing' in answer.answer) {
      // The columns have no place for strokes: such a batch travels as its canonical text, still exact.
      throw new Error('a drawing');
    } else if ('text' in answer.answer) {
      choices.unsigned(0);
      texts.text(answer.answer.text);
    } else {
      choices.unsigned(answer.answer.optionIds.length + 1);
      for (const id of answer.answer.optionIds) choices.unsigned(dictionaries.options.placeOf(id));
    }
    languages.unsigned(dictionaries.languages.placeOf(answer.language));
    const time = timePattern.exec(answer.answeredAt);
    if (time === null) throw new Error('time not in the expected form');
    const [, year, month, day, hours, minutes, secondsText, fraction = '', offset = ''] = time;
    shapes.unsigned(dictionaries.shapes.placeOf(`${fraction.length}${offset}`));
    const wallClock = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(secondsText)) / 1000;
    seconds.signed(wallClock - previousSeconds);
    previousSeconds = wallClock;
    if (fraction !== '') fractions.unsigned(Number(fraction));
    flags.unsigned(answer.flags.length);
    for (const flag of answer.flags) flags.unsigned(dictionaries.flags.placeOf(flag));
    flags.unsigned(answer.topics.length);
    for (const topic of answer.topics) flags.unsigned(dictionaries.options.placeOf(topic));
    const maskedBits = personalDataKinds.reduce((mask, kind, place) => (answer.masked.includes(kind) ? mask | (1 << place) : mask), 0);
    masks.unsigned(maskedBits | (audienceCodes.indexOf(answer.audience) << audienceShift));
    texts.unsigned(answer.comment === null ? 0 : 1);
    if (answer.comment !== null) texts.text(answer.comment);
  }
  const out = new ByteWriter();
  out.text(opening);
  out.unsigned(answers.length);
  for (const dictionary of Object.values(dictionaries)) {
    out.unsigned(dictionary.values.length);
    for (const value of dictionary.values) out.text(value);
  }
  const runs = sharedRuns(ids);
  // Column by column: like values side by side is what lets deflate find them.
  const columns = [seqs.finish(), writeAnswerIds(ids, runs), ...[polls, choices, languages, shapes, seconds, fractions, flags, masks, texts].map((column) => column.finish())];
  for (const column of columns) out.bytes(column);
  return { bytes: out.finish(), version: runs.length === 0 ? 1 : 2 };
}

function decodeColumns(inner: Uint8Array, version: number): string {
  const reader = new ByteReader(inner);
  const opening = reader.text();
  const parts = splitOpeningLine(opening);
  if (parts === null) throw new CompactFormatError('the payload does not start with a Kerro batch');
  const seqFrom = typeof parts.header === 'object' && parts.header !== null && 'seqFrom' in parts.header ? parts.header.seqFrom : null;
  if (typeof seqFrom !== 'number' || !Number.isSafeInteger(seqFrom)) throw new CompactFormatError('the batch has no sequence start');
  // Each answer takes at least its 16-byte id, or in version 2 a byte in each of eight columns.
  const count = reader.count(version === 1 ? 16 : 8);
  const readDictionary = () => Array.from({ length: reader.count() }, () => reader.text());
  const dictionaries = {
    polls: readDictionary(),
    options: readDictionary(),
    languages: readDictionary(),
    flags: readDictionary(),
    shapes: readDictionary(),
  };
  const pick = (list: readonly string[], place: number): string => {
    const value = list[place];
    if (value === undefined) throw new CompactFormatError('a reference in the payload points nowhere');
    return value;
  };
  const each = <T>(read: () => T): T[] => Array.from({ length: count }, read);
  let previousSeq = seqFrom - 1;
  const seqs = each(() => (previousSeq += reader.unsigned() + 1));
  const ids = readAnswerIds(reader, count, version >= 2);
  const polls = each(() => pick(dictionaries.polls, reader.unsigned()));
  const choices = each(() => {
    const length = reader.unsigned();
    return length === 0 ? null : Array.from({ length: length - 1 }, () => pick(dictionaries.options, reader.unsigned()));
  });
  const languages = each(() => pick(dictionaries.languages, reader.unsigned()));
  const shapes = each(() => pick(dictionaries.shapes, reader.unsigned()));
  let previousSeconds = 0;
  const seconds = each(() => (previousSeconds += reader.signed()));
  const fractions = shapes.map((shape) => {
    const digits = Number(shape.slice(0, 1));
    return digits === 0 ? '' : `.${String(reader.unsigned()).padStart(digits, '0')}`;
  });
  const flagsAndTopics = each(() => {
    const flags = Array.from({ length: reader.count() }, () => pick(dictionaries.flags, reader.unsigned()));
    const topics = Array.from({ length: reader.count() }, () => pick(dictionaries.options, reader.unsigned()));
    return { flags, topics };
  });
  const masks = each(() => reader.unsigned());
  const lines: string[] = [`${opening}\n`];
  for (let index = 0; index < count; index += 1) {
    const choice = choices[index] ?? null;
    const answerText = choice === null ? reader.text() : null;
    const comment = reader.unsigned() === 0 ? null : reader.text();
    const [pollId = '', pollVersion = ''] = (polls[index] ?? '').split('@');
    const shape = shapes[index] ?? '';
    const answer = {
      seq: seqs[index] ?? 0,
      id: ids[index] ?? '',
      pollId,
      pollVersion: Number(pollVersion),
      answer: choice === null ? { text: answerText ?? '' } : { optionIds: choice },
      language: languages[index] ?? '',
      answeredAt: `${formatWallClock(seconds[index] ?? 0)}${fractions[index] ?? ''}${shape.slice(1)}`,
      flags: flagsAndTopics[index]?.flags ?? [],
      topics: flagsAndTopics[index]?.topics ?? [],
      comment,
      masked: personalDataKinds.filter((_, place) => ((masks[index] ?? 0) & (1 << place)) !== 0),
      ...audienceFrom(masks[index] ?? 0),
    };
    // Written as batchAnswerLine does; the receiver validates the whole batch after the hash check.
    lines.push(`${canonicalJson(answer)}${index === count - 1 ? '' : ','}\n`);
  }
  if (!reader.isAtEnd) throw new CompactFormatError('the payload has bytes after the batch');
  lines.push(batchClosingLine);
  return lines.join('');
}

function formatWallClock(seconds: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) throw new CompactFormatError('a time in the payload is impossible');
  return date.toISOString().slice(0, 19);
}
