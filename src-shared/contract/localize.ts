import { contentBaseLanguage, type LanguageCode } from '../i18n/languages';
import type { LocalizedText } from './polls';

export interface LocalizedString {
  text: string;
  /** The language the text is really in; differs from the asked one when a translation is missing. */
  language: LanguageCode;
}

export function localize(texts: LocalizedText, language: LanguageCode): LocalizedString {
  const wanted = texts[language];
  if (wanted !== undefined) return { text: wanted, language };
  return { text: texts[contentBaseLanguage] ?? '', language: contentBaseLanguage };
}
