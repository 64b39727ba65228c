/** Languages the kiosk ships texts for. Adding a language means adding its file and a line here. */
export const languageCodes = ['fi', 'sv', 'en'] as const;

export type LanguageCode = (typeof languageCodes)[number];

/** Poll content must always exist in Finnish; the other languages are optional per poll. */
export const contentBaseLanguage = 'fi' satisfies LanguageCode;

export const languageNames: Record<LanguageCode, string> = {
  fi: 'Suomi',
  sv: 'Svenska',
  en: 'English',
};

export const languageDirections: Record<LanguageCode, 'ltr' | 'rtl'> = {
  fi: 'ltr',
  sv: 'ltr',
  en: 'ltr',
};

export function isLanguageCode(value: string): value is LanguageCode {
  return (languageCodes as readonly string[]).includes(value);
}
