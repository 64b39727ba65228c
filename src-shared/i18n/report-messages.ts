import { fill } from './format';
import type { LanguageCode } from './languages';
import { reportEn } from './report-en';
import { reportFi, type ReportMessageKey, type ReportMessages } from './report-fi';
import { reportSv } from './report-sv';

export const reportMessages: Record<LanguageCode, ReportMessages> = { fi: reportFi, sv: reportSv, en: reportEn };

export function reportText(language: LanguageCode, key: ReportMessageKey, values: Record<string, string | number> = {}): string {
  return fill(reportMessages[language][key], values);
}
