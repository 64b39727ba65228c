// The few parts of the WebAssembly binary format that trimming eSpeak NG's embedded files needs:
// the sections, the globals an export names, and the active data segments that fill memory when
// the module is instantiated. Anything outside what Emscripten writes for eSpeak NG is refused
// with a message, never guessed at: a wrong guess would ship a voice that cannot speak.

const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const section = { import: 2, global: 6, export: 7, data: 11, dataCount: 12 };
const opcode = { i32Const: 0x41, end: 0x0b };
const externalKind = { function: 0, table: 1, memory: 2, global: 3, tag: 4 };

class Reader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }

  byte() {
    if (this.at >= this.bytes.length) throw new Error('WebAssembly: the module ends too early');
    return this.bytes[this.at++];
  }

  unsigned() {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if ((byte & 0x80) === 0) return value;
    }
  }

  signed32() {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.byte();
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return shift < 32 && byte & 0x40 ? value | (-1 << shift) : value;
  }

  take(length) {
    const start = this.at;
    this.at += length;
    if (this.at > this.bytes.length) throw new Error('WebAssembly: the module ends too early');
    return this.bytes.subarray(start, this.at);
  }

  name() {
    return new TextDecoder().decode(this.take(this.unsigned()));
  }

  /** An `i32.const N; end` expression, the only kind Emscripten writes for these offsets. */
  constant32() {
    if (this.byte() !== opcode.i32Const) throw new Error('WebAssembly: an offset that is not an i32 constant');
    const value = this.signed32();
    if (this.byte() !== opcode.end) throw new Error('WebAssembly: an offset expression longer than one constant');
    return value >>> 0;
  }
}

function unsignedBytes(value) {
  const bytes = [];
  let rest = value;
  do {
    let byte = rest % 128;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0);
  return bytes;
}

function signed32Bytes(value) {
  const bytes = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const isDone = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    bytes.push(isDone ? byte : byte | 0x80);
    if (isDone) return bytes;
  }
}

/** The module's sections in order: id and contents. */
export function sectionsOf(bytes) {
  if (!magic.every((byte, index) => bytes[index] === byte)) throw new Error('WebAssembly: not a version-1 module');
  const reader = new Reader(bytes, magic.length);
  const sections = [];
  while (reader.at < bytes.length) {
    const id = reader.byte();
    sections.push({ id, contents: reader.take(reader.unsigned()) });
  }
  return sections;
}

function skipLimits(reader) {
  const flags = reader.byte();
  reader.unsigned();
  if (flags & 1) reader.unsigned();
}

function importedGlobalCount(sections) {
  const imports = sections.find(({ id }) => id === section.import);
  if (imports === undefined) return 0;
  const reader = new Reader(imports.contents);
  let globals = 0;
  for (let count = reader.unsigned(); count > 0; count -= 1) {
    reader.name();
    reader.name();
    const kind = reader.byte();
    if (kind === externalKind.function) reader.unsigned();
    else if (kind === externalKind.table) {
      reader.byte();
      skipLimits(reader);
    } else if (kind === externalKind.memory) skipLimits(reader);
    else if (kind === externalKind.global) {
      reader.take(2);
      globals += 1;
    } else throw new Error(`WebAssembly: an import of kind ${kind}`);
  }
  return globals;
}

/** The constant value of the global that the module exports under `name` (an address, here). */
export function exportedConstant(bytes, name) {
  const sections = sectionsOf(bytes);
  const exports = sections.find(({ id }) => id === section.export);
  if (exports === undefined) throw new Error('WebAssembly: the module exports nothing');
  const reader = new Reader(exports.contents);
  let globalIndex = -1;
  for (let count = reader.unsigned(); count > 0; count -= 1) {
    const exportName = reader.name();
    const kind = reader.byte();
    const index = reader.unsigned();
    if (exportName === name && kind === externalKind.global) globalIndex = index;
  }
  if (globalIndex < 0) throw new Error(`WebAssembly: no exported global "${name}"`);
  const ownIndex = globalIndex - importedGlobalCount(sections);
  const globals = sections.find(({ id }) => id === section.global);
  if (globals === undefined || ownIndex < 0) throw new Error(`WebAssembly: "${name}" is not a global of the module`);
  const globalReader = new Reader(globals.contents);
  const count = globalReader.unsigned();
  for (let index = 0; index < count; index += 1) {
    globalReader.take(2);
    const value = globalReader.constant32();
    if (index === ownIndex) return value;
  }
  throw new Error(`WebAssembly: global ${globalIndex} is missing`);
}

/** The active data segments of memory 0: where in memory each one's bytes go. */
export function dataSegmentsOf(bytes) {
  const data = sectionsOf(bytes).find(({ id }) => id === section.data);
  if (data === undefined) return [];
  const reader = new Reader(data.contents);
  const segments = [];
  for (let count = reader.unsigned(); count > 0; count -= 1) {
    const flags = reader.unsigned();
    if (flags !== 0) throw new Error(`WebAssembly: a data segment with flags ${flags} (only active segments of memory 0 are read)`);
    const address = reader.constant32();
    segments.push({ address, bytes: reader.take(reader.unsigned()) });
  }
  return segments;
}

/** Reads `length` bytes of the memory the segments make, at `address`; a gap reads as zeros, as it would in memory. */
export function memoryReader(segments) {
  return (address, length) => {
    const result = new Uint8Array(length);
    for (const segment of segments) {
      const start = Math.max(address, segment.address);
      const end = Math.min(address + length, segment.address + segment.bytes.length);
      if (start < end) result.set(segment.bytes.subarray(start - segment.address, end - segment.address), start - address);
    }
    return result;
  };
}

function encodeSection(id, contents) {
  return [Uint8Array.of(id, ...unsignedBytes(contents.length)), contents];
}

function encodeDataSection(segments) {
  const parts = [Uint8Array.from(unsignedBytes(segments.length))];
  for (const segment of segments) {
    parts.push(Uint8Array.of(0, opcode.i32Const, ...signed32Bytes(segment.address), opcode.end, ...unsignedBytes(segment.bytes.length)));
    parts.push(segment.bytes);
  }
  return concatenate(parts);
}

function concatenate(parts) {
  const result = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}

/** The module with its data segments replaced: every other section is kept byte for byte. */
export function withDataSegments(bytes, segments) {
  const parts = [Uint8Array.from(magic)];
  for (const { id, contents } of sectionsOf(bytes)) {
    if (id === section.data) parts.push(...encodeSection(id, encodeDataSection(segments)));
    else if (id === section.dataCount) parts.push(...encodeSection(id, Uint8Array.from(unsignedBytes(segments.length))));
    else parts.push(...encodeSection(id, contents));
  }
  return concatenate(parts);
}

/** The segments with the given memory ranges left out (they read as zeros once instantiated). */
export function withoutRanges(segments, ranges) {
  const sorted = [...ranges].sort((first, second) => first.start - second.start);
  return segments.flatMap((segment) => {
    const pieces = [];
    let from = segment.address;
    const end = segment.address + segment.bytes.length;
    for (const range of sorted) {
      if (range.end <= from || range.start >= end) continue;
      if (range.start > from) pieces.push({ address: from, bytes: segment.bytes.subarray(from - segment.address, range.start - segment.address) });
      from = Math.max(from, range.end);
    }
    if (from < end) pieces.push({ address: from, bytes: segment.bytes.subarray(from - segment.address) });
    return pieces;
  });
}
