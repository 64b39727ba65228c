import { z } from 'zod';
import { problems } from './problems';

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

const minutesOfDaySchema = z.number().int().min(0).max(24 * 60);

/**
 * When the meeting place is open. The kiosk keeps its screen awake in these hours only, so it
 * does not glow all night in an empty room.
 */
export const openingHoursSchema = z
  .object({
    days: z
      .array(z.number().int().min(1).max(7))
      .max(7)
      .refine((days) => new Set(days).size === days.length, problems.outOfRange),
    /** Minutes after local midnight. */
    opensAt: minutesOfDaySchema,
    closesAt: minutesOfDaySchema,
  })
  .strict()
  .refine((hours) => hours.closesAt > hours.opensAt, { message: problems.endBeforeStart, path: ['closesAt'] });

export type OpeningHours = z.output<typeof openingHoursSchema>;

export const defaultOpeningHours: OpeningHours = { days: [1, 2, 3, 4, 5], opensAt: 8 * 60, closesAt: 16 * 60 };

/** Whether the place is open at this local time. */
export function isOpenAt(hours: OpeningHours, date: Date): boolean {
  const weekday = date.getDay() === 0 ? 7 : date.getDay();
  const minutes = date.getHours() * 60 + date.getMinutes();
  return hours.days.includes(weekday) && minutes >= hours.opensAt && minutes < hours.closesAt;
}

export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
