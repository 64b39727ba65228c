import { contentBaseLanguage, contentLanguageOf, type LanguageCode } from '../i18n/languages';
import type { LocalizedText } from './polls';

export interface LocalizedString {
  text: string;
  /** The language the text is really in; differs from the asked one when a translation is missing. */
  language: LanguageCode;
}

export function localize(texts: LocalizedText, language: LanguageCode): LocalizedString {
  const wanted = texts[language];
  if (wanted !== undefined) return { text: wanted, language };
  const content = contentLanguageOf(language);
  return { text: texts[content] ?? texts[contentBaseLanguage] ?? '', language: texts[content] === undefined ? contentBaseLanguage : content };
}

/** A text shown in the asked language's own content language (plain Finnish showing Finnish) needs no marker. */
export function isTranslationMissing(shown: LocalizedString, asked: LanguageCode): boolean {
  return shown.language !== contentLanguageOf(asked) && shown.language !== asked;
}
