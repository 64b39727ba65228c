import { chooseFragments, crcOf } from './bc-ur';

/** Which fragments part `seqNum` mixes (bc-ur's chooseFragments, or the same answers remembered). */
export type FragmentChoice = (seqNum: number, seqLength: number, checksum: number) => readonly number[];

interface Row {
  /** Which fragments this row is the XOR of, one bit each. */
  mask: Uint32Array;
  data: Uint8Array;
}

/**
 * Solves BC-UR parts by Gaussian elimination over GF(2) instead of bc-ur's peeling decoder.
 * Peeling can use a mixed part only once all but one of its fragments are known; elimination
 * uses every part that is not a sum of parts already held, so a receiver needs about k + 2 parts
 * whatever it missed and wherever it started. The parts are plain BC-UR: any BC-UR decoder
 * reads the same frames, only more slowly.
 */
export class FountainSolver {
  private readonly pivots: (Row | undefined)[];
  private readonly words: number;
  private rankCount = 0;
  private readonly seen = new Set<number>();

  constructor(
    readonly seqLength: number,
    readonly messageLength: number,
    readonly checksum: number,
    readonly fragmentLength: number,
    /**
     * bc-ur's generator works in BigNumber, most of a part's cost. A receiver asks it once per
     * part; the bench's simulations, thousands of trials over the same parts, hand in a memo.
     */
    private readonly choose: FragmentChoice = chooseFragments,
  ) {
    this.pivots = new Array<Row | undefined>(seqLength).fill(undefined);
    this.words = Math.ceil(seqLength / 32);
  }

  get rank(): number {
    return this.rankCount;
  }

  get isComplete(): boolean {
    return this.rankCount === this.seqLength;
  }

  /** Adds a part; returns whether it told anything new. */
  add(seqNum: number, fragment: Uint8Array): boolean {
    if (this.isComplete || this.seen.has(seqNum) || fragment.length !== this.fragmentLength) return false;
    this.seen.add(seqNum);
    const mask = new Uint32Array(this.words);
    for (const index of this.choose(seqNum, this.seqLength, this.checksum)) mask[index >>> 5] = (mask[index >>> 5] ?? 0) ^ (1 << (index & 31));
    const row: Row = { mask, data: new Uint8Array(fragment) };
    for (;;) {
      const lowest = lowestBit(row.mask);
      if (lowest === -1) return false;
      const pivot = this.pivots[lowest];
      if (pivot === undefined) {
        this.pivots[lowest] = row;
        this.rankCount += 1;
        return true;
      }
      xorInto(row.mask, pivot.mask);
      xorInto(row.data, pivot.data);
    }
  }

  /** The message once every fragment is known and the whole matches the parts' CRC32; otherwise null. */
  message(): Uint8Array | null {
    if (!this.isComplete) return null;
    for (let column = this.seqLength - 1; column >= 0; column -= 1) {
      const row = this.pivots[column];
      if (row === undefined) return null;
      for (let other = column + 1; other < this.seqLength; other += 1) {
        if (((row.mask[other >>> 5] ?? 0) & (1 << (other & 31))) === 0) continue;
        const solved = this.pivots[other];
        if (solved === undefined) return null;
        xorInto(row.mask, solved.mask);
        xorInto(row.data, solved.data);
      }
    }
    const message = new Uint8Array(this.messageLength);
    for (let column = 0; column < this.seqLength; column += 1) {
      const data = this.pivots[column]?.data;
      if (data === undefined) return null;
      const start = column * this.fragmentLength;
      message.set(data.subarray(0, Math.max(0, Math.min(this.fragmentLength, this.messageLength - start))), start);
    }
    return crcOf(message) === this.checksum ? message : null;
  }
}

function lowestBit(mask: Uint32Array): number {
  for (let word = 0; word < mask.length; word += 1) {
    const value = mask[word] ?? 0;
    if (value !== 0) return word * 32 + (31 - Math.clz32(value & -value));
  }
  return -1;
}

function xorInto(target: Uint8Array | Uint32Array, source: Uint8Array | Uint32Array): void {
  for (let index = 0; index < target.length; index += 1) target[index] = (target[index] ?? 0) ^ (source[index] ?? 0);
}
