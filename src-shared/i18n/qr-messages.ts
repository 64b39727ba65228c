import { fill } from './format';
import { staffLanguageOf, type LanguageCode, type StaffLanguage } from './languages';
import { qrEn } from './qr-en';
import { qrFi, type QrMessageKey, type QrMessages } from './qr-fi';
import { qrSv } from './qr-sv';

export const qrMessages: Record<StaffLanguage, QrMessages> = { fi: qrFi, sv: qrSv, en: qrEn };

export function qrText(language: LanguageCode, key: QrMessageKey, values: Record<string, string | number> = {}): string {
  return fill(qrMessages[staffLanguageOf(language)][key], values);
}
