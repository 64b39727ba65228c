import type { ReportInput } from '../../../src-shared/contract/report';
import { shiftDay } from '../../../src-shared/i18n/days';

export const reportRanges = ['twoWeeks', 'fourWeeks', 'thisMonth', 'lastMonth'] as const;
export type ReportRange = (typeof reportRanges)[number];

/** The period a choice means on a given local day; whole weeks end today, months are calendar months. */
export function periodOf(range: ReportRange, today: string): ReportInput {
  const monthStart = `${today.slice(0, 7)}-01`;
  switch (range) {
    case 'twoWeeks':
      return { from: shiftDay(today, -13), to: today };
    case 'fourWeeks':
      return { from: shiftDay(today, -27), to: today };
    case 'thisMonth':
      return { from: monthStart, to: today };
    case 'lastMonth': {
      const lastDay = shiftDay(monthStart, -1);
      return { from: `${lastDay.slice(0, 7)}-01`, to: lastDay };
    }
  }
}

/** The screen's own local day, `YYYY-MM-DD`. */
export function localToday(now: Date): string {
  const shifted = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 10);
}
