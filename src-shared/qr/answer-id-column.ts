import { answerIdCountLimit, answerIdOf, answerIdRunBytes, uuidFromBytes } from '../contract/answer-id';
import { ByteWriter, CompactFormatError, type ByteReader } from './byte-codec';

/**
 * The answers' ids in the compact QR form. A random UUID is 16 bytes that deflate cannot shrink:
 * at 1,000 answers more than half the payload. Ids the kiosk makes now share their first 12
 * bytes (a run, contract/answer-id.ts) and count up by one, so a run shared by two or more ids
 * is sent once and each of its ids as the step from the one before (a zero byte in a row of
 * zeros). Any other id travels whole. The transform holds for any UUID whatever its version,
 * and the encoder still checks that decoding gives the canonical text back byte for byte.
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const runHexLength = answerIdRunBytes * 2;

function hexOf(id: string): string {
  if (!uuidPattern.test(id)) throw new Error('id is not a lowercase UUID');
  return id.replaceAll('-', '');
}

/** Runs that two or more ids share, in order of first use. None: the ids travel as payload version 1 sent them. */
export function sharedRuns(ids: readonly string[]): string[] {
  const uses = new Map<string, number>();
  for (const id of ids) {
    const run = hexOf(id).slice(0, runHexLength);
    uses.set(run, (uses.get(run) ?? 0) + 1);
  }
  return [...uses].filter(([, count]) => count >= 2).map(([run]) => run);
}

/**
 * Without runs, 16 bytes an id. With runs: the run table; per answer its run's place + 1 (0: in
 * no run); the 16 bytes of each id in no run; per id in a run the step from the previous count
 * in that run, less one (0 for answers in a row).
 */
export function writeAnswerIds(ids: readonly string[], runs: readonly string[]): Uint8Array {
  const out = new ByteWriter();
  if (runs.length === 0) {
    for (const id of ids) out.bytes(hexToBytes(hexOf(id)));
    return out.finish();
  }
  const places = new Map(runs.map((run, place) => [run, place]));
  const [runColumn, wholeColumn, stepColumn] = [new ByteWriter(), new ByteWriter(), new ByteWriter()];
  const previous = runs.map(() => -1);
  for (const id of ids) {
    const hex = hexOf(id);
    const place = places.get(hex.slice(0, runHexLength));
    if (place === undefined) {
      runColumn.unsigned(0);
      wholeColumn.bytes(hexToBytes(hex));
      continue;
    }
    runColumn.unsigned(place + 1);
    const count = Number.parseInt(hex.slice(runHexLength), 16);
    stepColumn.signed(count - (previous[place] ?? -1) - 1);
    previous[place] = count;
  }
  out.unsigned(runs.length);
  for (const run of runs) out.bytes(hexToBytes(run));
  for (const column of [runColumn, wholeColumn, stepColumn]) out.bytes(column.finish());
  return out.finish();
}

/** Reads back what `writeAnswerIds` wrote for `count` answers. */
export function readAnswerIds(reader: ByteReader, count: number, hasRuns: boolean): string[] {
  if (!hasRuns) return Array.from({ length: count }, () => uuidFromBytes(reader.bytes(16)));
  const runs = Array.from({ length: reader.count(answerIdRunBytes) }, () => reader.bytes(answerIdRunBytes));
  const places = Array.from({ length: count }, () => reader.unsigned());
  const whole = places.map((place) => (place === 0 ? uuidFromBytes(reader.bytes(16)) : null));
  const previous = runs.map(() => -1);
  return places.map((place, index) => {
    const wholeId = whole[index];
    if (wholeId !== null && wholeId !== undefined) return wholeId;
    const run = runs[place - 1];
    if (run === undefined) throw new CompactFormatError('a reference in the payload points nowhere');
    const number = (previous[place - 1] ?? -1) + 1 + reader.signed();
    if (number < 0 || number >= answerIdCountLimit) throw new CompactFormatError('an answer id in the payload is impossible');
    previous[place - 1] = number;
    return answerIdOf(run, number);
  });
}

export function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}
