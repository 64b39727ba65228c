import type { Plugin } from 'vite';

export const espeakPackage: string;
export const speechLanguages: readonly string[];
export const speechEngineFile: string;
export interface TrimmedEspeak {
  /** The WebAssembly module with only the kept languages' files embedded. */
  module: Uint8Array<ArrayBuffer>;
  /** The files kept, relative to eSpeak NG's data folder. */
  files: string[];
  /** Their bytes added up. */
  fileBytes: number;
  /** The size of the package's full module, for comparison. */
  fullBytes: number;
}
export function packageDirectory(): string;
export function isEspeakScript(id: string): boolean;
export function trimEspeak(module: Uint8Array, languages?: readonly string[]): TrimmedEspeak;
export function patchEspeakScript(script: string): string;
export function readEspeakModule(): Promise<Uint8Array>;
export function readTrimmedEspeak(languages?: readonly string[]): Promise<TrimmedEspeak>;
export function espeakScriptPatch(): Plugin;
export function espeakModuleFile(): Plugin;
