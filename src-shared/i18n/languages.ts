/**
 * Languages a parent can choose and poll content can be written in. Adding one means adding its
 * file under parents/ and a line in each list here and in parents/parent-messages.ts.
 * `fi-selko` is plain Finnish (selkosuomi): a BCP 47 variant of Finnish, so Intl and voices treat it as Finnish.
 */
export const languageCodes = ['fi', 'fi-selko', 'sv', 'en', 'ru', 'uk', 'ar'] as const;

export type LanguageCode = (typeof languageCodes)[number];

/** The staff area, reports, QR receiver and export texts exist in these; other languages fall back to Finnish there. */
export const staffLanguageCodes = ['fi', 'sv', 'en'] as const satisfies readonly LanguageCode[];

export type StaffLanguage = (typeof staffLanguageCodes)[number];

function isStaffLanguage(language: LanguageCode): language is StaffLanguage {
  return (staffLanguageCodes as readonly string[]).includes(language);
}

export function staffLanguageOf(language: LanguageCode): StaffLanguage {
  return isStaffLanguage(language) ? language : 'fi';
}

/** Machine-translated drafts: shipped so families can use them, marked in settings until a native speaker has checked them. */
export const draftLanguages: readonly LanguageCode[] = ['ru', 'uk', 'ar'];

/** Plain Finnish shares Finnish poll content: a poll without its own plain texts shows the Finnish ones, unmarked. */
export function contentLanguageOf(language: LanguageCode): LanguageCode {
  return language === 'fi-selko' ? 'fi' : language;
}

/** Poll content must always exist in Finnish; the other languages are optional per poll. */
export const contentBaseLanguage = 'fi' satisfies LanguageCode;

export const languageNames: Record<LanguageCode, string> = {
  fi: 'Suomi',
  'fi-selko': 'Selkosuomi',
  sv: 'Svenska',
  en: 'English',
  ru: 'Русский',
  uk: 'Українська',
  ar: 'العربية',
};

export const languageDirections: Record<LanguageCode, 'ltr' | 'rtl'> = {
  fi: 'ltr',
  sv: 'ltr',
  'fi-selko': 'ltr',
  en: 'ltr',
  ru: 'ltr',
  uk: 'ltr',
  ar: 'rtl',
};

/** Locales for Intl dates and numbers; Arabic keeps Western digits, as most Arabic-reading families in Finland use. */
export const intlLocales: Record<LanguageCode, string> = {
  fi: 'fi-FI',
  'fi-selko': 'fi-FI',
  sv: 'sv-FI',
  en: 'en-GB',
  ru: 'ru-RU',
  uk: 'uk-UA',
  ar: 'ar-u-nu-latn',
};

export function isLanguageCode(value: string): value is LanguageCode {
  return (languageCodes as readonly string[]).includes(value);
}
