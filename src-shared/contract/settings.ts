import { z } from 'zod';
import { openingHoursSchema } from './opening-hours';
import { isoDateTimeSchema, languageSchema } from './polls';
import { problems } from './problems';
import { freeTextSchema } from '../text/free-text-schema';
import { purgeSummarySchema, retentionDaysSchema } from './retention';

export const siteNameSchema = freeTextSchema(80).pipe(z.string().min(1, problems.required));

export const languagesSchema = z
  .array(languageSchema)
  .min(1, problems.languageMissing)
  .refine((languages) => new Set(languages).size === languages.length, problems.languageMissing);

export const timingLimits = {
  idleSeconds: { min: 10, max: 600 },
  thanksSeconds: { min: 2, max: 60 },
} as const;

export const settingsInputSchema = z
  .object({
    siteName: siteNameSchema,
    languages: languagesSchema,
    defaultLanguage: languageSchema,
    idleSeconds: z.number().int().min(timingLimits.idleSeconds.min, problems.outOfRange).max(timingLimits.idleSeconds.max, problems.outOfRange),
    thanksSeconds: z
      .number()
      .int()
      .min(timingLimits.thanksSeconds.min, problems.outOfRange)
      .max(timingLimits.thanksSeconds.max, problems.outOfRange),
    openingHours: openingHoursSchema.optional(),
    /** Days an exported, checked batch's answers stay on the kiosk; left out, it stays as it is. */
    retentionDays: retentionDaysSchema.optional(),
  })
  .strict()
  .refine((settings) => settings.languages.includes(settings.defaultLanguage), {
    message: problems.defaultLanguageHidden,
    path: ['defaultLanguage'],
  });

export type SettingsInput = z.input<typeof settingsInputSchema>;

export const settingsViewSchema = z.object({
  kioskId: z.string(),
  siteName: z.string(),
  languages: z.array(languageSchema),
  defaultLanguage: languageSchema,
  idleSeconds: z.number().int(),
  thanksSeconds: z.number().int(),
  openingHours: openingHoursSchema,
  retentionDays: retentionDaysSchema,
  /** The newest retention purge, so staff see that answers were removed and which. */
  lastPurge: purgeSummarySchema.nullable(),
  /** The kiosk's own clock, local time with its offset: an offline clock drifts and staff must see it. */
  now: isoDateTimeSchema,
});

export type SettingsView = z.output<typeof settingsViewSchema>;
