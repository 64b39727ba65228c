import { z } from 'zod';
import { openingHoursSchema } from './opening-hours';
import { isoDateTimeSchema, languageSchema } from './polls';

export const emptyInputSchema = z.object({}).strict();

export const kioskInfoSchema = z.object({
  kioskId: z.string(),
  siteName: z.string(),
  languages: z.array(languageSchema).min(1),
  defaultLanguage: languageSchema,
  idleSeconds: z.number().int().min(5).max(600),
  thanksSeconds: z.number().int().min(2).max(60),
  /** The Electron shell keeps the screen awake in these hours. */
  openingHours: openingHoursSchema,
  version: z.string(),
  /** False until a site name, languages and a staff PIN are set; the screens then show set-up. */
  isSetUp: z.boolean(),
});

export type KioskInfo = z.output<typeof kioskInfoSchema>;

export const recoverySchema = z.object({
  file: z.string(),
  problem: z.string(),
  action: z.string(),
  at: isoDateTimeSchema,
});

export type Recovery = z.output<typeof recoverySchema>;

export const healthSchema = z.object({
  kioskId: z.string(),
  version: z.string(),
  startedAt: isoDateTimeSchema,
  answersStored: z.number().int().min(0),
  unexported: z.number().int().min(0),
  lastAnswerAt: z.string().nullable(),
  storage: z.object({
    segments: z.number().int().min(0),
    quarantined: z.number().int().min(0),
    recoveries: z.array(recoverySchema),
    lastWriteError: z.object({ code: z.string(), at: isoDateTimeSchema }).nullable(),
  }),
});

export type Health = z.output<typeof healthSchema>;
