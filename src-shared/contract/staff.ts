import { z } from 'zod';
import { isoDateTimeSchema, pollSchema } from './polls';
import { problems } from './problems';
import { languagesSchema, siteNameSchema } from './settings';

export const pinLimits = { min: 6, max: 12 } as const;

export const pinSchema = z.string().regex(new RegExp(`^[0-9]{${pinLimits.min},${pinLimits.max}}$`), problems.pinFormat);

export const staffStatusSchema = z.object({
  isSetUp: z.boolean(),
  /** Set while wrong PINs have paused unlocking. */
  lockedUntil: isoDateTimeSchema.nullable(),
  triesLeft: z.number().int().min(0),
});

export type StaffStatus = z.output<typeof staffStatusSchema>;

export const setupInputSchema = z.object({ siteName: siteNameSchema, pin: pinSchema, languages: languagesSchema }).strict();

export type SetupInput = z.input<typeof setupInputSchema>;

/** Any string up to a length: a malformed PIN is simply a wrong one and counts as a try. */
export const unlockInputSchema = z.object({ pin: z.string().max(64) }).strict();

export const sessionSchema = z.object({
  token: z.string(),
  /** The session ends after this long without a staff call. */
  idleSeconds: z.number().int().min(1),
});

export const changePinInputSchema = z.object({ currentPin: z.string().max(64), newPin: pinSchema }).strict();

export const pollSummarySchema = z.object({
  poll: pollSchema,
  answers: z.number().int().min(0),
});

export type PollSummary = z.output<typeof pollSummarySchema>;

export const overviewSchema = z.object({
  /** The latest version of every poll, newest first, the standing question last. */
  polls: z.array(pollSummarySchema),
  answersStored: z.number().int().min(0),
  unexported: z.number().int().min(0),
  /** Null until the first batch has been taken out. */
  lastExportAt: isoDateTimeSchema.nullable(),
  /** Files the store had to repair or set aside since it started. */
  recoveries: z.number().int().min(0),
});

export type Overview = z.output<typeof overviewSchema>;
