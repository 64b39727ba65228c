import { describe, expect, it } from 'vitest';
import { exportFolderName, safeSiteName } from '../../src-main/core/stick/folder-name';

// In a /u pattern a pair of surrogates is one code point, so \p{Cs} matches only a lone one.
const hasLoneSurrogate = (text: string) => /\p{Cs}/u.test(text);

describe('the site part of an export folder name', () => {
  it('never splits an emoji into a lone surrogate at the 40-unit cut', () => {
    // 39 letters then an emoji of two UTF-16 units: a cut at 40 units falls inside it.
    const name = safeSiteName(`${'a'.repeat(39)}😀 Perheiden piha`);
    expect(name).toBe('a'.repeat(39));
    expect(hasLoneSurrogate(name)).toBe(false);
    expect(hasLoneSurrogate('a\uD83D')).toBe(true);
  });

  it('keeps a letter with its combining accent together or leaves both out', () => {
    // q with an acute accent has no precomposed form, so NFC leaves it two units long.
    expect(safeSiteName(`${'b'.repeat(39)}q\u0301`)).toBe('b'.repeat(39));
    expect(safeSiteName(`${'b'.repeat(38)}q\u0301`)).toBe(`${'b'.repeat(38)}q\u0301`);
    const flag = `${'c'.repeat(37)}🇫🇮`;
    expect(safeSiteName(flag)).toBe('c'.repeat(37));
  });

  it('still cuts plain names at 40 units and names the folder in full', () => {
    expect(safeSiteName('x'.repeat(60))).toHaveLength(40);
    expect(exportFolderName('Perheiden piha', '2026-12-03T08:00:00+02:00', 7)).toBe('Kerro_Perheiden-piha_2026-12-03_batch7');
  });
});
