import type { Plugin } from 'vite';

export const espeakPackage: string;
export const speechLanguages: readonly string[];
export const speechDataFile: string;
export interface TrimmedEspeak {
  /** The package's script with its file table cut to the languages kept. */
  script: string;
  /** The data bundle that table describes. */
  data: Uint8Array;
  /** The size of the package's full data bundle, for comparison. */
  fullBytes: number;
}
export function packageDirectory(): string;
export function isEspeakScript(id: string): boolean;
export function trimEspeak(script: string, fullData: Uint8Array, languages?: readonly string[]): TrimmedEspeak;
export function readTrimmedEspeak(languages?: readonly string[]): Promise<TrimmedEspeak>;
export function espeakScriptTrim(): Plugin;
export function espeakDataFile(): Plugin;
