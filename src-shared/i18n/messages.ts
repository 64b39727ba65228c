import { en } from './en';
import { fi, type MessageKey, type Messages } from './fi';
import type { LanguageCode } from './languages';
import { sv } from './sv';

export const messages: Record<LanguageCode, Messages> = { fi, sv, en };

export function translate(language: LanguageCode, key: MessageKey): string {
  return messages[language][key];
}
