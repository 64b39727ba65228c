/**
 * The languages the bundled voice speaks; its data is trimmed to these at build time
 * (scripts/speech/espeak-voices.mjs keeps the same list). Small, so screens may ask without
 * loading the engine.
 */
export const offlineLanguages = ['fi', 'sv', 'en'] as const;

export type OfflineLanguage = (typeof offlineLanguages)[number];

export function isOfflineLanguage(language: string): language is OfflineLanguage {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return offlineLanguages.some((known) => known === primary);
}

export function offlineLanguageOf(language: string): OfflineLanguage | null {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return offlineLanguages.find((known) => known === primary) ?? null;
}
