import { z } from 'zod';
import { isoDateTimeSchema } from './polls';
import { problems } from './problems';

/**
 * How long answers stay on the kiosk after their batch reached a stick and was read back. A
 * few fixed choices, shown as big buttons: staff pick one, nobody types a number.
 */
export const retentionDayChoices = [30, 90, 180, 365] as const;

export type RetentionDays = (typeof retentionDayChoices)[number];

export const defaultRetentionDays: RetentionDays = 90;

export const retentionDaysSchema = z.literal(retentionDayChoices, problems.outOfRange);

/** One purge, as the staff settings show it: "Last purge: date, N answers (batches x–y)". */
export const purgeSummarySchema = z.object({
  at: isoDateTimeSchema,
  answers: z.number().int().min(0),
  batchFrom: z.number().int().min(1),
  batchTo: z.number().int().min(1),
  seqFrom: z.number().int().min(1),
  seqTo: z.number().int().min(1),
  retentionDays: z.number().int().min(1),
});

export type PurgeSummary = z.output<typeof purgeSummarySchema>;
