import { strFromU8, strToU8 } from 'fflate';

/** Grows a byte buffer as values are appended; varints keep small numbers to one byte. */
export class ByteWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;

  byte(value: number): void {
    this.ensure(1);
    this.buffer[this.length] = value & 0xff;
    this.length += 1;
  }

  /** Unsigned LEB128 for safe integers; above 2^31 division keeps it exact. */
  unsigned(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Not an unsigned safe integer: ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.byte(rest);
  }

  /** Zigzag, so small negative deltas stay small. */
  signed(value: number): void {
    this.unsigned(value < 0 ? -value * 2 - 1 : value * 2);
  }

  bytes(values: Uint8Array): void {
    this.ensure(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  text(value: string): void {
    const encoded = strToU8(value);
    this.unsigned(encoded.length);
    this.bytes(encoded);
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

/** A payload that ends early or holds an impossible value: the transfer is refused, never guessed at. */
export class CompactFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompactFormatError';
  }
}

export class ByteReader {
  private offset = 0;

  constructor(private readonly buffer: Uint8Array) {}

  get isAtEnd(): boolean {
    return this.offset === this.buffer.length;
  }

  byte(): number {
    const value = this.buffer[this.offset];
    if (value === undefined) throw new CompactFormatError('the payload ends too early');
    this.offset += 1;
    return value;
  }

  unsigned(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const next = this.byte();
      value += (next & 0x7f) * scale;
      if (!Number.isSafeInteger(value)) throw new CompactFormatError('a number in the payload is too large');
      if ((next & 0x80) === 0) return value;
      scale *= 0x80;
    }
  }

  signed(): number {
    const value = this.unsigned();
    return value % 2 === 1 ? -(value + 1) / 2 : value / 2;
  }

  /** A count that must fit in what is left, so a forged length cannot make a huge allocation. */
  count(bytesEach = 1): number {
    const value = this.unsigned();
    if (value * bytesEach > this.buffer.length - this.offset) throw new CompactFormatError('a length in the payload is impossible');
    return value;
  }

  bytes(length: number): Uint8Array {
    if (length > this.buffer.length - this.offset) throw new CompactFormatError('the payload ends too early');
    const value = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  text(): string {
    return strFromU8(this.bytes(this.count()));
  }
}
