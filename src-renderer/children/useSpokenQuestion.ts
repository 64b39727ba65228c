import { useEffect } from 'react';
import { localize, type LocalizedString } from '../../src-shared/contract/localize';
import type { Poll } from '../../src-shared/contract/polls';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { readAloud, stopReading } from './read-aloud';

/** The poll's question in the child's language, read aloud when the screen arrives and hushed when it leaves. */
export function useSpokenQuestion(poll: Poll, language: LanguageCode): LocalizedString {
  const question = localize(poll.question, language);
  const { text, language: spokenLanguage } = question;
  useEffect(() => {
    readAloud({ text, language: spokenLanguage });
    return stopReading;
  }, [text, spokenLanguage]);
  return question;
}
