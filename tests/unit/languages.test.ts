import { describe, expect, it } from 'vitest';
import { fi } from '../../src-shared/i18n/fi';
import { contentLanguageOf, languageCodes, staffLanguageCodes } from '../../src-shared/i18n/languages';
import { messages } from '../../src-shared/i18n/messages';
import { parentKeys } from '../../src-shared/i18n/parents/parent-keys';
import { parentMessages } from '../../src-shared/i18n/parents/parent-messages';
import { localize, isTranslationMissing } from '../../src-shared/contract/localize';
import { standingPoll } from '../../src-main/core/domain/standing-poll';

describe('languages', () => {
  it.each(staffLanguageCodes)('%s has exactly the Finnish keys, none empty', (language) => {
    const texts: Record<string, string> = messages[language];
    expect(Object.keys(texts).sort()).toEqual(Object.keys(fi).sort());
    for (const [key, text] of Object.entries(texts)) expect(text.trim(), key).not.toBe('');
  });

  it.each(languageCodes)('the parents’ screens in %s have exactly the parents’ keys, none empty', (language) => {
    const texts: Record<string, string> = parentMessages[language];
    expect(Object.keys(texts).sort()).toEqual([...parentKeys].sort());
    for (const [key, text] of Object.entries(texts)) expect(text.trim(), key).not.toBe('');
  });

  it.each(languageCodes.filter((language) => language !== 'fi' && language !== 'fi-selko'))(
    'the parents’ texts in %s are translated, not Finnish copied over',
    (language) => {
      const copied = parentKeys.filter((key) => parentMessages[language][key] === parentMessages.fi[key] && key !== 'start.invitation');
      expect(copied.length, copied.join(', ')).toBeLessThan(3);
    },
  );

  it.each(languageCodes.filter((language) => contentLanguageOf(language) === language))(
    'the standing question and its options exist in %s',
    (language) => {
      const poll = standingPoll(new Date());
      expect(poll.question[language]).toBeTruthy();
      for (const option of [...poll.options, ...(poll.followUp?.topics ?? [])]) expect(option.label[language]).toBeTruthy();
    },
  );

  it('plain Finnish shows Finnish poll content without the missing-translation marker; Arabic without a text is marked', () => {
    const texts = { fi: 'Kysymys', en: 'Question' };
    const plain = localize(texts, 'fi-selko');
    expect(plain).toEqual({ text: 'Kysymys', language: 'fi' });
    expect(isTranslationMissing(plain, 'fi-selko')).toBe(false);
    const arabic = localize(texts, 'ar');
    expect(arabic).toEqual({ text: 'Kysymys', language: 'fi' });
    expect(isTranslationMissing(arabic, 'ar')).toBe(true);
    expect(isTranslationMissing(localize(texts, 'en'), 'en')).toBe(false);
  });
});
