import type { LanguageCode } from '../../../src-shared/i18n/languages';

/** d.m.yyyy, as read in Finland in all three languages; never the printing machine's locale. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  if (year === undefined || month === undefined || date === undefined) return day;
  return `${Number(date)}.${Number(month)}.${year}`;
}

/** Whole percents; the report is read at a meeting, not audited. */
export function formatPercent(share: number, language: LanguageCode): string {
  const percent = Math.round(share * 100);
  return language === 'en' ? `${percent}%` : `${percent} %`;
}

/** A change in percentage points, always signed so that "no change" reads as ±0. */
export function formatPoints(change: number): string {
  const points = Math.round(change * 100);
  if (points === 0) return '±0';
  return points > 0 ? `+${points}` : `−${Math.abs(points)}`;
}
