import { describe, expect, it } from 'vitest';
import { languageCodes } from '../../src-shared/i18n/languages';
import { arabicLayout, keyboardFor, latinLayout, russianLayout, specialKeys, ukrainianLayout, type KeyboardLayout } from '../../src-renderer/typing/keyboard-layouts';

const layouts = { latin: latinLayout, russian: russianLayout, ukrainian: ukrainianLayout, arabic: arabicLayout };

const keysOf = (rows: readonly string[]) => rows.flatMap((row) => row.split(' '));

/** Written out letter by letter from each alphabet, not derived from the layouts. */
const alphabets = {
  latin: [...'abcdefghijklmnopqrstuvwxyzåäö'],
  russian: [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'],
  ukrainian: [...'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'],
  arabicBase: [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'],
  arabicForms: [...'ةىءأإآؤئ'],
};

describe('keyboard layouts', () => {
  it('the alphabets written out here have the lengths the languages have', () => {
    expect(alphabets.russian).toHaveLength(33);
    expect(alphabets.ukrainian).toHaveLength(33);
    expect(alphabets.arabicBase).toHaveLength(28);
    expect(new Set(alphabets.arabicBase).size).toBe(28);
  });

  it.each(Object.entries(layouts))('%s has every special key once on both layers, and no key twice', (_name, layout) => {
    for (const rows of [layout.default, layout.shift]) {
      const keys = keysOf(rows);
      for (const special of specialKeys) expect(keys.filter((key) => key === special), special).toHaveLength(1);
      expect(keys.filter((key) => key === ''), 'an empty key from a double space').toEqual([]);
      expect(new Set(keys).size, `duplicates in ${keys.join(' ')}`).toBe(keys.length);
    }
  });

  it.each(Object.entries(layouts))('%s has rows of the same count on both layers, so shift does not make the keyboard jump', (_name, layout) => {
    expect(layout.shift).toHaveLength(layout.default.length);
  });

  it.each(Object.entries(layouts))('%s fits a 1080 px portrait screen with keys at least 64 px wide', (_name, layout) => {
    // Wide keys take two widths (keyboard.css); 8 px padding each side, 6 px gaps between keys.
    const widthOf = (row: string) =>
      row.split(' ').reduce((sum, key) => sum + (key === '{space}' ? 5 : key.startsWith('{') ? 2 : 1), 0);
    for (const row of [...layout.default, ...layout.shift]) {
      const keys = row.split(' ').length;
      expect((1080 - 16 - (keys - 1) * 6) / widthOf(row), row).toBeGreaterThanOrEqual(64);
    }
  });

  it.each([
    ['latin', latinLayout, alphabets.latin],
    ['russian', russianLayout, alphabets.russian],
    ['ukrainian', ukrainianLayout, alphabets.ukrainian],
  ] as const)('%s types every small letter without shift and every capital with it', (_name, layout, alphabet) => {
    const small = new Set(keysOf(layout.default));
    const capital = new Set(keysOf(layout.shift));
    expect(alphabet.filter((letter) => !small.has(letter))).toEqual([]);
    expect(alphabet.map((letter) => letter.toUpperCase()).filter((letter) => !capital.has(letter))).toEqual([]);
  });

  it('Ukrainian has its apostrophe and none of the Russian-only letters', () => {
    expect(keysOf(ukrainianLayout.default)).toContain('ʼ');
    expect(keysOf(ukrainianLayout.shift)).toContain("'");
    const keys = [...keysOf(ukrainianLayout.default), ...keysOf(ukrainianLayout.shift)];
    expect(keys.filter((key) => [...'ёъыэЁЪЫЭ'].includes(key))).toEqual([]);
  });

  it('Arabic types its 28 letters and the common forms without shift, ٠–٩ and Arabic punctuation with it', () => {
    const letters = new Set(keysOf(arabicLayout.default));
    expect([...alphabets.arabicBase, ...alphabets.arabicForms].filter((letter) => !letters.has(letter))).toEqual([]);
    expect([...'1234567890'].filter((digit) => !letters.has(digit))).toEqual([]);
    const signs = new Set(keysOf(arabicLayout.shift));
    expect([...'٠١٢٣٤٥٦٧٨٩؛'].filter((sign) => !signs.has(sign))).toEqual([]);
    expect([...'،؟'].filter((sign) => !letters.has(sign) || !signs.has(sign))).toEqual([]);
    expect(arabicLayout.isShiftOneShot).toBe(false);
    expect(arabicLayout.shiftText).toBe('keyboard.symbols');
  });

  it('Arabic keys carry Arabic letters, not Persian or Urdu look-alikes', () => {
    const lookAlikes = [...'یکۀہھ'];
    expect(keysOf(arabicLayout.default).filter((key) => lookAlikes.some((letter) => key.includes(letter)))).toEqual([]);
  });
});

describe('the keyboard for a language', () => {
  const expected: Record<string, KeyboardLayout> = { ru: russianLayout, uk: ukrainianLayout, ar: arabicLayout };

  it.each(['ru', 'uk', 'ar'] as const)('%s shows its own letters first, with Latin one key away', (language) => {
    expect(keyboardFor(language)).toEqual({ own: expected[language], latin: latinLayout });
  });

  it.each(languageCodes.filter((language) => expected[language] === undefined))(
    '%s shows the Latin letters, without a switch key that would lead nowhere',
    (language) => {
      const { own, latin } = keyboardFor(language);
      expect(latin).toBeNull();
      expect(keysOf(own.default)).not.toContain('{letters}');
      expect(keysOf(own.shift)).not.toContain('{letters}');
      expect(keysOf(own.default)).toEqual(keysOf(latinLayout.default).filter((key) => key !== '{letters}'));
    },
  );
});
