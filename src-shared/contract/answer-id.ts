/**
 * How the kiosk makes an answer's id: an RFC 9562 UUID of version 8 whose first 12 bytes are a
 * run (90 random bits, drawn afresh each time the answer store opens) and whose last 4 bytes
 * count the ids made in that run. Unique as a random UUID is: two ids can only meet if two runs
 * drew the same 90 bits, and a run never hands out a count twice. The id is written with the
 * answer before it is acknowledged and read back from there ever after, so sealing a batch
 * again gives the same bytes. Nothing is derived from the kiosk id or the sequence number: a
 * data folder restored from a backup, or a disk image copied to a second kiosk, reuses those,
 * but opens a new run.
 *
 * Why not a random UUID per answer: its 16 bytes do not compress, and the QR transfer's compact
 * form (qr/answer-id-column.ts) sends a run once and then a small count per answer.
 */
export const answerIdRunBytes = 12;

/** Counts per run; a run that reaches this is replaced by a new one. */
export const answerIdCountLimit = 2 ** 32;

/** A run from 12 random bytes: the version (8) and variant (binary 10) bits set, 90 left random. */
export function answerIdRun(random: Uint8Array): Uint8Array {
  if (random.length !== answerIdRunBytes) throw new RangeError(`A run takes ${answerIdRunBytes} random bytes`);
  const run = random.slice();
  run[6] = 0x80 | ((run[6] ?? 0) & 0x0f);
  run[8] = 0x80 | ((run[8] ?? 0) & 0x3f);
  return run;
}

/** The id numbered `count` in `run`. */
export function answerIdOf(run: Uint8Array, count: number): string {
  if (run.length !== answerIdRunBytes) throw new RangeError(`A run is ${answerIdRunBytes} bytes`);
  if (!Number.isSafeInteger(count) || count < 0 || count >= answerIdCountLimit) throw new RangeError(`No id numbered ${count} in a run`);
  const bytes = new Uint8Array(16);
  bytes.set(run);
  new DataView(bytes.buffer).setUint32(answerIdRunBytes, count);
  return uuidFromBytes(bytes);
}

/** 16 bytes as a lowercase UUID string. */
export function uuidFromBytes(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
