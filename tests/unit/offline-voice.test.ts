import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTrimmedEspeak, trimEspeak, type TrimmedEspeak } from '../../scripts/speech/espeak-voices.mjs';
import { openEspeak, type EspeakFactory, type SpeechEngine } from '../../src-renderer/speech/espeak-engine';
import { isOfflineLanguage, offlineLanguageOf } from '../../src-renderer/speech/offline-languages';
import { makeTempDir } from '../support/temp-dir';

let trimmed: TrimmedEspeak;
let engine: SpeechEngine;

/** The trimmed script, loaded as the built worker loads it: only the kept files exist in its file system. */
async function loadTrimmedFactory(script: string): Promise<EspeakFactory> {
  const path = join(await makeTempDir(), 'espeak-ng-trimmed.mjs');
  await writeFile(path, script);
  const loaded: { default: EspeakFactory } = await import(pathToFileURL(path).href);
  return loaded.default;
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

beforeAll(async () => {
  trimmed = await readTrimmedEspeak();
  engine = await openEspeak(await loadTrimmedFactory(trimmed.script), arrayBufferOf(trimmed.data));
});

function spoken(text: string, language: 'fi' | 'sv' | 'en') {
  const pieces: Int16Array[] = [];
  engine.speak(text, language, (samples) => pieces.push(samples));
  const samples = pieces.reduce((total, piece) => total + piece.length, 0);
  const peak = Math.max(...pieces.map((piece) => piece.reduce((loudest, sample) => Math.max(loudest, Math.abs(sample)), 0)));
  return { pieces: pieces.length, seconds: samples / engine.sampleRate, peak: peak / 32768 };
}

describe('the bundled offline voice', () => {
  it('keeps only fi, sv and en: a small part of the full data', () => {
    expect(trimmed.fullBytes).toBeGreaterThan(20_000_000);
    expect(trimmed.data.length).toBeGreaterThan(500_000);
    expect(trimmed.data.length).toBeLessThan(1_200_000);
    expect(trimmed.script).toContain(`remote_package_size:${trimmed.data.length}`);
    expect(trimmed.script).not.toContain('ru_dict');
  });

  it('speaks in each kiosk language: audible samples, as long as the words take', () => {
    expect(engine.sampleRate).toBe(22050);
    const words = [
      ['Kiitos paljon', 'fi'],
      ['Tack så mycket', 'sv'],
      ['Thank you', 'en'],
    ] as const;
    for (const [text, language] of words) {
      // Priming stops its word after the first piece: what is said next must still come whole.
      engine.prime(language);
      const result = spoken(text, language);
      expect(result.seconds, language).toBeGreaterThan(0.4);
      expect(result.seconds, language).toBeLessThan(3);
      expect(result.peak, language).toBeGreaterThan(0.1);
    }
  });

  it('gives the first samples before the words are done, so playback can start early', () => {
    expect(spoken('Mikä oli parasta?', 'fi').pieces).toBeGreaterThan(1);
  });

  it('refuses a language it has no files for, and a package whose file table has moved', () => {
    expect(() => trimEspeak(trimmed.script, trimmed.data, ['ru'])).toThrow(/ru/);
    expect(() => trimEspeak('export default 1;', trimmed.data)).toThrow(/file table/);
  });

  it('knows which languages it speaks, by primary tag', () => {
    expect(['fi', 'sv-FI', 'en_GB'].map(offlineLanguageOf)).toEqual(['fi', 'sv', 'en']);
    expect(['ru', 'uk', 'ar', ''].some(isOfflineLanguage)).toBe(false);
  });
});
