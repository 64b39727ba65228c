// Build-time trimming of eSpeak NG to the kiosk's own languages. The package is the eSpeak NG
// command line compiled to WebAssembly with every language's files (about 18 MB) embedded in the
// module's memory, listed in a table of (name, length, address) entries. Kerro keeps the phoneme
// tables and fi, sv and en: the table is rewritten to list only those, and the other files'
// bytes are cut out of the data segments, so the engine that ships is a small fraction of it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dataSegmentsOf, exportedConstant, memoryReader, withDataSegments, withoutRanges } from './wasm-data.mjs';

export const espeakPackage = 'espeak-ng';
/** The languages the bundled voice speaks; the OS voice, where there is one, covers the rest. */
export const speechLanguages = ['fi', 'sv', 'en'];
/** Where the trimmed engine lands in out/renderer; the page fetches it from there for the worker. */
export const speechEngineFile = 'speech/espeak-ng-fi-sv-en.wasm';

const dataRoot = '/usr/local/share/espeak-ng-data/';
/** What every voice needs: phoneme tables and intonation, whatever the language. */
const commonFiles = ['phontab', 'phonindex', 'phondata', 'intonations'];
/** Each language's dictionary and its voice file (lang/<family>/<code>). */
const languageFiles = { fi: ['fi_dict', 'lang/urj/fi'], sv: ['sv_dict', 'lang/gmq/sv'], en: ['en_dict', 'lang/gmw/en'] };
/** The global Emscripten exports with the address of the embedded files' table. */
const tableExport = '__emscripten_embedded_file_data';
const entryBytes = 12;

/** The one place the script names its .wasm: a bundler would copy the whole 18 MB module. */
const moduleUrlPattern = /new URL\('espeak-ng\.wasm', import\.meta\.url\)\.href/g;

export function packageDirectory() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${espeakPackage}/package.json`));
}

export function isEspeakScript(id) {
  return id.replaceAll('\\', '/').endsWith(`${espeakPackage}/dist/espeak-ng.js`);
}

/** The files kept for the languages asked for. */
function wantedFiles(languages) {
  const unknown = languages.filter((language) => !(language in languageFiles));
  if (unknown.length > 0) throw new Error(`No eSpeak NG files known for: ${unknown.join(', ')}`);
  const names = [...commonFiles, ...languages.flatMap((language) => languageFiles[language])];
  return new Set(names.map((name) => dataRoot + name));
}

/** The embedded files' table as the module's memory holds it, entry by entry. */
function embeddedFiles(module) {
  const segments = dataSegmentsOf(module);
  const read = memoryReader(segments);
  const tableAddress = exportedConstant(module, tableExport);
  const entries = [];
  for (let at = tableAddress; ; at += entryBytes) {
    const entry = read(at, entryBytes);
    const view = new DataView(entry.buffer);
    const nameAddress = view.getUint32(0, true);
    if (nameAddress === 0) break;
    const name = new TextDecoder().decode(read(nameAddress, 512)).split('\0')[0] ?? '';
    entries.push({ name, entry, length: view.getUint32(4, true), address: view.getUint32(8, true) });
  }
  return { segments, tableAddress, entries };
}

/**
 * The module with only the files of the languages asked for. Throws when the package's layout
 * is not the one this was written for, so a changed package fails the build instead of shipping
 * a voice that cannot speak.
 */
export function trimEspeak(module, languages = speechLanguages) {
  const wanted = wantedFiles(languages);
  const { segments, tableAddress, entries } = embeddedFiles(module);
  if (entries.length === 0) throw new Error(`${espeakPackage}: its table of embedded files is empty; check the package version`);
  const kept = entries.filter(({ name }) => wanted.has(name));
  const missing = [...wanted].filter((name) => !kept.some((entry) => entry.name === name));
  if (missing.length > 0) throw new Error(`${espeakPackage}: missing ${missing.join(', ')}`);
  const tableLength = (entries.length + 1) * entryBytes;
  const table = new Uint8Array(tableLength);
  kept.forEach(({ entry }, index) => table.set(entry, index * entryBytes));
  const dropped = entries.filter(({ name }) => !wanted.has(name)).map(({ address, length }) => ({ start: address, end: address + length }));
  const trimmedSegments = [...withoutRanges(segments, [...dropped, { start: tableAddress, end: tableAddress + tableLength }]), { address: tableAddress, bytes: table }];
  return {
    module: withDataSegments(module, trimmedSegments),
    files: kept.map(({ name }) => name.slice(dataRoot.length)),
    fileBytes: kept.reduce((total, { length }) => total + length, 0),
    fullBytes: module.length,
  };
}

/** The package's script, with its own way to find the module taken out: the worker hands it the trimmed one. */
export function patchEspeakScript(script) {
  const found = script.match(moduleUrlPattern) ?? [];
  if (found.length !== 1) throw new Error(`${espeakPackage}: its script names its .wasm ${found.length} times, not once; check the package version`);
  return script.replace(moduleUrlPattern, `'espeak-ng.wasm'`);
}

export async function readEspeakModule() {
  const bytes = await readFile(join(packageDirectory(), 'dist', 'espeak-ng.wasm'));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Reads the installed package and trims it. */
export async function readTrimmedEspeak(languages = speechLanguages) {
  return trimEspeak(await readEspeakModule(), languages);
}

/** A Vite plugin for the speech worker's build: the engine's script is patched as it is bundled. */
export function espeakScriptPatch() {
  return {
    name: 'kerro-espeak-script',
    transform(code, id) {
      return isEspeakScript(id) ? { code: patchEspeakScript(code), map: null } : null;
    },
  };
}

/** A Vite plugin for the screens' build: writes the trimmed engine where the page fetches it. */
export function espeakModuleFile() {
  return {
    name: 'kerro-espeak-module',
    async generateBundle() {
      const { module } = await readTrimmedEspeak();
      this.emitFile({ type: 'asset', fileName: speechEngineFile, source: module });
    },
  };
}
