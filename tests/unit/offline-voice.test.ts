import createEspeak from 'espeak-ng';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEspeakModule, readTrimmedEspeak, trimEspeak } from '../../scripts/speech/espeak-voices.mjs';
import { dataSegmentsOf, withDataSegments } from '../../scripts/speech/wasm-data.mjs';
import { openEspeak, type SpeechEngine } from '../../src-renderer/speech/espeak-engine';
import { isOfflineLanguage, offlineLanguageOf } from '../../src-renderer/speech/offline-languages';
import { readWave } from '../../src-renderer/speech/wave-file';

let full: Uint8Array;
let trimmed: ReturnType<typeof trimEspeak>;
let engine: SpeechEngine;

beforeAll(async () => {
  full = await readEspeakModule();
  trimmed = await readTrimmedEspeak();
  // The engine as the worker runs it: the package's script on the trimmed module.
  engine = openEspeak(createEspeak, await WebAssembly.compile(trimmed.module));
});

async function spoken(text: string, language: 'fi' | 'sv' | 'en') {
  const { samples, sampleRate } = await engine.speak(text, language);
  const peak = samples.reduce((loudest, sample) => Math.max(loudest, Math.abs(sample)), 0);
  return { seconds: samples.length / sampleRate, peak: peak / 32768, sampleRate };
}

describe('the bundled offline voice', () => {
  it('keeps only fi, sv and en: a small part of the full module', () => {
    expect(trimmed.fullBytes).toBeGreaterThan(18_000_000);
    expect(trimmed.module.length).toBeLessThan(1_600_000);
    expect(trimmed.files.toSorted()).toEqual(['en_dict', 'fi_dict', 'intonations', 'lang/gmq/sv', 'lang/gmw/en', 'lang/urj/fi', 'phondata', 'phonindex', 'phontab', 'sv_dict']);
    // What the table lists is all that is left: another language's dictionary is gone from the bytes too.
    const segments = dataSegmentsOf(trimmed.module);
    expect(segments.reduce((total, segment) => total + segment.bytes.length, 0)).toBeLessThan(trimmed.fileBytes + 300_000);
  });

  it('speaks in each kiosk language: audible samples, as long as the words take', async () => {
    const words = [
      ['Kiitos paljon', 'fi'],
      ['Tack så mycket', 'sv'],
      ['Thank you', 'en'],
    ] as const;
    for (const [text, language] of words) {
      const result = await spoken(text, language);
      expect(result.sampleRate, language).toBe(22050);
      expect(result.seconds, language).toBeGreaterThan(0.4);
      expect(result.seconds, language).toBeLessThan(3);
      expect(result.peak, language).toBeGreaterThan(0.1);
    }
  });

  it('speaks words as words: a text that starts with "-" is not taken for an option', async () => {
    const dash = await spoken('-v ru hei hei hei', 'fi');
    expect(dash.seconds).toBeGreaterThan(0.8);
    expect(dash.peak).toBeGreaterThan(0.1);
  });

  it('says what went wrong when the module has lost a language it needs', async () => {
    const withoutFinnish = trimEspeak(full, ['sv']);
    const broken = openEspeak(createEspeak, await WebAssembly.compile(withoutFinnish.module));
    await expect(broken.speak('Hei', 'fi')).rejects.toThrow(/eSpeak NG could not speak/);
    expect((await broken.speak('Hej', 'sv')).samples.length).toBeGreaterThan(4000);
  });

  it('refuses a language it has no files for, and a module whose embedded files are gone', () => {
    expect(() => trimEspeak(full, ['ru'])).toThrow(/ru/);
    expect(() => trimEspeak(withDataSegments(full, []))).toThrow(/table of embedded files is empty/);
  });

  it('reads a WAVE file and refuses what is not mono 16-bit speech', () => {
    const wave = (format: number, channels: number, bits: number) => {
      const bytes = new Uint8Array(44 + 4);
      const view = new DataView(bytes.buffer);
      [...'RIFF'].forEach((letter, index) => view.setUint8(index, letter.charCodeAt(0)));
      [...'WAVEfmt '].forEach((letter, index) => view.setUint8(8 + index, letter.charCodeAt(0)));
      view.setUint32(16, 16, true);
      view.setUint16(20, format, true);
      view.setUint16(22, channels, true);
      view.setUint32(24, 16000, true);
      view.setUint16(34, bits, true);
      [...'data'].forEach((letter, index) => view.setUint8(36 + index, letter.charCodeAt(0)));
      // A length never filled in: read to the end of the file.
      view.setUint32(40, 0x7fffffff, true);
      view.setInt16(44, -2, true);
      view.setInt16(46, 300, true);
      return bytes;
    };
    expect(readWave(wave(1, 1, 16))).toEqual({ sampleRate: 16000, samples: Int16Array.of(-2, 300) });
    expect(() => readWave(wave(3, 1, 16))).toThrow(/mono 16-bit/);
    expect(() => readWave(wave(1, 2, 16))).toThrow(/mono 16-bit/);
    expect(() => readWave(new TextEncoder().encode('not a wave at all'))).toThrow(/not a WAVE/);
  });

  it('knows which languages it speaks, by primary tag', () => {
    expect(['fi', 'sv-FI', 'en_GB'].map(offlineLanguageOf)).toEqual(['fi', 'sv', 'en']);
    expect(['ru', 'uk', 'ar', ''].some(isOfflineLanguage)).toBe(false);
  });
});
