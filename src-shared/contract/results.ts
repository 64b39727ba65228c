import { z } from 'zod';
import type { PersonalDataKind } from '../privacy/personal-data';
import { identifierSchema, languageSchema, pollSchema } from './polls';

const personalDataKinds = ['phone', 'email', 'identityCode', 'iban'] as const satisfies readonly PersonalDataKind[];

export const localDateSchema = z.iso.date();

export const resultsInputSchema = z
  .object({
    pollId: identifierSchema,
    /** Local calendar days, both included; null leaves that end open. */
    from: localDateSchema.nullable(),
    to: localDateSchema.nullable(),
    /** Leave out answers flagged as part of a burst; they stay stored and are counted apart. */
    withoutFlagged: z.boolean().default(false),
  })
  .strict();

export const optionCountSchema = z.object({
  id: z.string(),
  label: pollSchema.shape.question,
  count: z.number().int().min(0),
  /** Of all answers in the range; a multi-choice answer counts once for each option chosen. */
  share: z.number().min(0).max(1),
});

export const commentSchema = z.object({
  seq: z.number().int().min(1),
  answeredAt: z.string(),
  text: z.string(),
  language: languageSchema,
  personalData: z.array(z.enum(personalDataKinds)),
});

export const resultsSchema = z.object({
  poll: pollSchema,
  from: localDateSchema.nullable(),
  to: localDateSchema.nullable(),
  total: z.number().int().min(0),
  options: z.array(optionCountSchema),
  byDay: z.array(z.object({ date: localDateSchema, count: z.number().int().min(0) })),
  /** 24 counts, index = hour of the kiosk's local day. */
  byHour: z.array(z.number().int().min(0)).length(24),
  comments: z.array(commentSchema),
  /** Flagged answers in the range, whether or not they are counted above. */
  burstFlagged: z.number().int().min(0),
  withoutFlagged: z.boolean(),
  unexported: z.number().int().min(0),
  lastExportAt: z.string().nullable(),
});

export type Results = z.output<typeof resultsSchema>;
export type OptionCount = z.output<typeof optionCountSchema>;
export type Comment = z.output<typeof commentSchema>;
