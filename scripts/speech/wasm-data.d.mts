export interface WasmSection {
  id: number;
  contents: Uint8Array;
}
/** An active data segment of memory 0: its bytes go to memory at `address` when the module is instantiated. */
export interface DataSegment {
  address: number;
  bytes: Uint8Array;
}
export function sectionsOf(bytes: Uint8Array): WasmSection[];
export function exportedConstant(bytes: Uint8Array, name: string): number;
export function dataSegmentsOf(bytes: Uint8Array): DataSegment[];
export function memoryReader(segments: readonly DataSegment[]): (address: number, length: number) => Uint8Array;
export function withDataSegments(bytes: Uint8Array, segments: readonly DataSegment[]): Uint8Array<ArrayBuffer>;
export function withoutRanges(segments: readonly DataSegment[], ranges: readonly { start: number; end: number }[]): DataSegment[];
