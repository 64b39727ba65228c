import { describe, expect, it } from 'vitest';
import { fi } from '../../src-shared/i18n/fi';
import { languageCodes } from '../../src-shared/i18n/languages';
import { messages } from '../../src-shared/i18n/messages';
import { standingPoll } from '../../src-main/core/domain/standing-poll';

describe('languages', () => {
  it.each(languageCodes)('%s has exactly the Finnish keys, none empty', (language) => {
    const texts: Record<string, string> = messages[language];
    expect(Object.keys(texts).sort()).toEqual(Object.keys(fi).sort());
    for (const [key, text] of Object.entries(texts)) expect(text.trim(), key).not.toBe('');
  });

  it.each(languageCodes)('the standing question and its options exist in %s', (language) => {
    const poll = standingPoll(new Date());
    expect(poll.question[language]).toBeTruthy();
    for (const option of [...poll.options, ...(poll.followUp?.topics ?? [])]) expect(option.label[language]).toBeTruthy();
  });
});
