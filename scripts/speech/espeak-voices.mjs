// Build-time trimming of eSpeak NG's data to the kiosk's own languages. The Emscripten package
// ships every language (about 24 MB) as one file_packager bundle whose table of files is written
// into espeak-ng.js; Kerro keeps only the phoneme tables and fi, sv and en, rewrites that table to
// match, and hands the smaller bundle to the engine itself (`getPreloadedPackage`).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const espeakPackage = '@echogarden/espeak-ng-emscripten';
/** The languages the bundled voice speaks; the OS voice, where there is one, covers the rest. */
export const speechLanguages = ['fi', 'sv', 'en'];
/** Where the trimmed data lands in out/renderer; the worker fetches it from there. */
export const speechDataFile = 'speech/espeak-ng-fi-sv-en.data';

const dataRoot = '/usr/share/espeak-ng-data/';
/** What every voice needs: phoneme tables and intonation, whatever the language. */
const commonFiles = ['phontab', 'phonindex', 'phondata', 'intonations'];
/** Each language's dictionary and its voice file (lang/<family>/<code>). */
const languageFiles = { fi: ['fi_dict', 'lang/urj/fi'], sv: ['sv_dict', 'lang/gmq/sv'], en: ['en_dict', 'lang/gmw/en'] };

const tablePattern = /loadPackage\(\{files:\[(.*?)\],remote_package_size:(\d+)\}\)/s;
const entryPattern = /\{filename:"([^"]+)",start:(\d+),end:(\d+)\}/g;

export function packageDirectory() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${espeakPackage}/package.json`));
}

export function isEspeakScript(id) {
  return id.replaceAll('\\', '/').endsWith(`${espeakPackage}/espeak-ng.js`);
}

/** The files kept for the languages asked for, in the package's order. */
function wantedFiles(languages) {
  const names = [...commonFiles, ...languages.flatMap((language) => languageFiles[language] ?? [])];
  return new Set(names.map((name) => dataRoot + name));
}

/**
 * The package's script with its file table cut to the languages asked for, and the data bundle
 * that table describes. Throws when the package's layout is not the one this was written for,
 * so a changed package fails the build instead of shipping a voice that cannot speak.
 */
export function trimEspeak(script, fullData, languages = speechLanguages) {
  const unknown = languages.filter((language) => !(language in languageFiles));
  if (unknown.length > 0) throw new Error(`No eSpeak NG files known for: ${unknown.join(', ')}`);
  const table = tablePattern.exec(script);
  if (table === null) throw new Error(`${espeakPackage}: its file table was not found; check the package version`);
  const wanted = wantedFiles(languages);
  const kept = [];
  const pieces = [];
  let offset = 0;
  for (const [, filename, start, end] of (table[1] ?? '').matchAll(entryPattern)) {
    if (!wanted.has(filename)) continue;
    const piece = fullData.subarray(Number(start), Number(end));
    kept.push(`{filename:${JSON.stringify(filename)},start:${offset},end:${offset + piece.length}}`);
    pieces.push(piece);
    offset += piece.length;
    wanted.delete(filename);
  }
  if (wanted.size > 0) throw new Error(`${espeakPackage}: missing ${[...wanted].join(', ')}`);
  const data = new Uint8Array(offset);
  let at = 0;
  for (const piece of pieces) {
    data.set(piece, at);
    at += piece.length;
  }
  const trimmedTable = `loadPackage({files:[${kept.join(',')}],remote_package_size:${offset}})`;
  return { script: script.replace(tablePattern, () => trimmedTable), data, fullBytes: fullData.length };
}

/** Reads the installed package and trims it. */
export async function readTrimmedEspeak(languages = speechLanguages) {
  const directory = packageDirectory();
  const [script, fullData] = await Promise.all([readFile(join(directory, 'espeak-ng.js'), 'utf8'), readFullData()]);
  return trimEspeak(script, fullData, languages);
}

async function readFullData() {
  const bytes = await readFile(join(packageDirectory(), 'espeak-ng.data'));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** A Vite plugin for the speech worker's build: the engine's script is trimmed as it is bundled. */
export function espeakScriptTrim() {
  let fullData = null;
  return {
    name: 'kerro-espeak-script',
    async transform(code, id) {
      if (!isEspeakScript(id)) return null;
      fullData ??= await readFullData();
      return { code: trimEspeak(code, fullData).script, map: null };
    },
  };
}

/** A Vite plugin for the screens' build: writes the trimmed data where the worker fetches it. */
export function espeakDataFile() {
  return {
    name: 'kerro-espeak-data',
    async generateBundle() {
      const { data } = await readTrimmedEspeak();
      this.emitFile({ type: 'asset', fileName: speechDataFile, source: data });
    },
  };
}
