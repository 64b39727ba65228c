import { en } from './en';
import { fi, type MessageKey, type Messages } from './fi';
import { staffLanguageOf, type LanguageCode, type StaffLanguage } from './languages';
import { sv } from './sv';

export const messages: Record<StaffLanguage, Messages> = { fi, sv, en };

export function translate(language: LanguageCode, key: MessageKey): string {
  return messages[staffLanguageOf(language)][key];
}
