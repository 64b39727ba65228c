import bytewordsImport from '@ngraveio/bc-ur/dist/bytewords.js';
import FountainDecoderImport from '@ngraveio/bc-ur/dist/fountainDecoder.js';
import FountainEncoderImport, * as fountainEncoderModule from '@ngraveio/bc-ur/dist/fountainEncoder.js';
import * as fountainUtils from '@ngraveio/bc-ur/dist/fountainUtils.js';
import URImport from '@ngraveio/bc-ur/dist/ur.js';
import XoshiroImport from '@ngraveio/bc-ur/dist/xoshiro.js';
import * as utils from '@ngraveio/bc-ur/dist/utils.js';
// Named, not the global: src-shared uses no Node global. Node resolves this to its own module, a bundler to the `buffer` package.
import { Buffer } from 'buffer';

/**
 * The parts of bc-ur we use, in one place. bc-ur is CommonJS with `exports.default`: a bundler
 * hands over that inner value as the default import, Node's ESM loader the whole exports object.
 * Deep paths carry `.js` because the package has no export map and Node resolves no bare paths.
 */
function commonJsDefault<T extends object>(imported: T): T {
  const inner: unknown = Reflect.get(imported, 'default');
  // The inner value is the very thing the type describes, one level down.
  return (inner ?? imported) as T;
}

// Typed by its import: the inferred type names an enum bc-ur does not export, which a declaration cannot name.
export const bytewords: typeof bytewordsImport = commonJsDefault(bytewordsImport);
export const FountainDecoder = commonJsDefault(FountainDecoderImport);
export const FountainEncoder = commonJsDefault(FountainEncoderImport);
export const FountainEncoderPart = fountainEncoderModule.FountainEncoderPart;
export const UR = commonJsDefault(URImport);
export const chooseFragments = fountainUtils.chooseFragments;
const Xoshiro = commonJsDefault(XoshiroImport);

/**
 * How many fragments part `seqNum` mixes: chooseFragments(…).length without the shuffle of all
 * k indexes, which is most of its cost (bc-ur's generator does its arithmetic in BigNumber).
 * The same generator, seeded the same way, draws the degree first.
 */
export function mixDegree(seqNum: number, seqLength: number, checksum: number): number {
  if (seqNum <= seqLength) return 1;
  const rng = new Xoshiro(Buffer.concat([utils.intToBytes(seqNum), utils.intToBytes(checksum)]));
  return fountainUtils.chooseDegree(seqLength, rng);
}

/** bc-ur speaks Node Buffers; the rest of Kerro speaks Uint8Array. The same bytes, not a copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** A fountain encoder over the message's bytes, cutting it into fragments of the given size. */
export function fountainEncoderOf(message: Uint8Array, fragmentSize: number): FountainEncoder {
  return new FountainEncoder(asBuffer(message), fragmentSize);
}

/** The CRC32 that BC-UR parts carry, of the given bytes. */
export function crcOf(bytes: Uint8Array): number {
  return utils.getCRC(asBuffer(bytes));
}

/** The payload wrapped as the CBOR byte string that BC-UR cuts into fragments. */
export function urMessageOf(payload: Uint8Array): Uint8Array {
  return UR.fromBuffer(asBuffer(payload)).cbor;
}

/** The payload inside a whole BC-UR message of the given type. */
export function payloadOfUrMessage(message: Uint8Array, type: string): Uint8Array {
  return new Uint8Array(new UR(asBuffer(message), type).decodeCBOR());
}

export type FountainDecoder = InstanceType<typeof FountainDecoder>;
export type FountainEncoder = InstanceType<typeof FountainEncoder>;
export type FountainEncoderPart = InstanceType<typeof FountainEncoderPart>;
