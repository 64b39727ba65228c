import type { LanguageCode } from './languages';

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
