import { fill } from './format';
import { staffLanguageOf, type LanguageCode, type StaffLanguage } from './languages';
import { reportEn } from './report-en';
import { reportFi, type ReportMessageKey, type ReportMessages } from './report-fi';
import { reportSv } from './report-sv';

export const reportMessages: Record<StaffLanguage, ReportMessages> = { fi: reportFi, sv: reportSv, en: reportEn };

export function reportText(language: LanguageCode, key: ReportMessageKey, values: Record<string, string | number> = {}): string {
  return fill(reportMessages[staffLanguageOf(language)][key], values);
}
