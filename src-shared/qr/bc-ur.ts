import bytewordsImport from '@ngraveio/bc-ur/dist/bytewords.js';
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

const bytewords = commonJsDefault(bytewordsImport);
const FountainEncoder = commonJsDefault(FountainEncoderImport);
const { FountainEncoderPart } = fountainEncoderModule;
const UR = commonJsDefault(URImport);
const Xoshiro = commonJsDefault(XoshiroImport);

/**
 * One BC-UR part, in Kerro's terms. bc-ur's own classes speak Node Buffers and its declarations
 * pull Node's types in; this file is compiled as a project of its own so that nothing but
 * Uint8Array crosses into src-shared, whose compiler knows no Node.
 */
export interface FountainPart {
  readonly seqNum: number;
  readonly seqLength: number;
  readonly messageLength: number;
  readonly checksum: number;
  readonly fragment: Uint8Array;
}

/** A message cut into fragments of one length, the last padded, ready to be mixed into parts. */
export interface FountainEncoding {
  readonly fragmentCount: number;
  readonly fragmentLength: number;
  /** The XOR of the fragments at these indexes. */
  mix(indexes: number[]): Uint8Array;
}

/** Which fragments part `seqNum` mixes, by bc-ur's seeded generator. */
export function chooseFragments(seqNum: number, seqLength: number, checksum: number): number[] {
  return fountainUtils.chooseFragments(seqNum, seqLength, checksum);
}

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

/** The message cut into fragments of at most the given size. */
export function fountainEncodingOf(message: Uint8Array, fragmentSize: number): FountainEncoding {
  const encoder = new FountainEncoder(asBuffer(message), fragmentSize);
  return {
    fragmentCount: encoder.fragmentsLength,
    fragmentLength: encoder.fragments[0]?.length ?? 0,
    mix: (indexes) => encoder.mix(indexes),
  };
}

/** The part as BC-UR's minimal bytewords: the text after `ur:<type>/<seq>-<count>/`. */
export function partBody(part: FountainPart): string {
  const encoded = new FountainEncoderPart(part.seqNum, part.seqLength, part.messageLength, part.checksum, asBuffer(part.fragment));
  return bytewords.encode(encoded.cbor().toString('hex'), bytewords.STYLES.MINIMAL);
}

/** The part in minimal bytewords; throws on a body whose CRC or CBOR is wrong. */
export function partOfBody(body: string): FountainPart {
  const decoded = FountainEncoderPart.fromCBOR(bytewords.decode(body, bytewords.STYLES.MINIMAL));
  return {
    seqNum: decoded.seqNum,
    seqLength: decoded.seqLength,
    messageLength: decoded.messageLength,
    checksum: decoded.checksum,
    fragment: new Uint8Array(decoded.fragment),
  };
}

/** The CRC32 that BC-UR parts carry, of the given bytes. */
export function crcOf(bytes: Uint8Array): number {
  return utils.getCRC(asBuffer(bytes));
}

/** The payload wrapped as the CBOR byte string that BC-UR cuts into fragments. */
export function urMessageOf(payload: Uint8Array): Uint8Array {
  return new Uint8Array(UR.fromBuffer(asBuffer(payload)).cbor);
}

/** The payload inside a whole BC-UR message of the given type. */
export function payloadOfUrMessage(message: Uint8Array, type: string): Uint8Array {
  return new Uint8Array(new UR(asBuffer(message), type).decodeCBOR());
}
