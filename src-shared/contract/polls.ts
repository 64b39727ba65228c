import { z } from 'zod';
import { languageCodes } from '../i18n/languages';
import { freeTextSchema } from '../text/free-text-schema';
import { childPollKinds } from './children';
import { textLimits } from './text-limits';

export const pollKinds = ['smiley', 'single', 'multi', 'scale', 'yesno', 'text', ...childPollKinds] as const;
export type PollKind = (typeof pollKinds)[number];

export const pollStates = ['draft', 'active', 'paused', 'closed'] as const;
export type PollState = (typeof pollStates)[number];

export const optionLimits = { min: 2, max: 12 } as const;

export const languageSchema = z.enum(languageCodes);

/** Poll, option and topic ids; the pattern is shared with checks that run without the schema. */
export const identifierPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const identifierSchema = z.string().regex(identifierPattern, 'Use 1–40 lowercase letters, digits or dashes');

/**
 * Texts per language; Finnish is the one language every poll must have. Stored documents are read
 * with the plain form, so a text kept before normalisation existed is never refused on reading;
 * what a person sends goes through `localizedTextInputSchema`.
 */
export function localizedTextSchema(maxLength: number, text: z.ZodType<string, string> = z.string().trim().max(maxLength)) {
  return z
    .partialRecord(languageSchema, text)
    .transform((texts) => Object.fromEntries(Object.entries(texts).filter(([, text]) => text !== '')))
    .pipe(
      z
        .partialRecord(languageSchema, z.string())
        .refine((texts) => texts.fi !== undefined, { message: 'Finnish text is required', path: ['fi'] }),
    );
}

export function localizedTextInputSchema(maxLength: number) {
  return localizedTextSchema(maxLength, freeTextSchema(maxLength));
}

export const optionSchema = z.object({
  id: identifierSchema,
  label: localizedTextSchema(textLimits.option),
});

export const followUpSchema = z.object({
  topics: z.array(optionSchema).max(optionLimits.max),
  comment: z.boolean(),
});

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const pollSchema = z.object({
  id: identifierSchema,
  version: z.number().int().min(1),
  kind: z.enum(pollKinds),
  question: localizedTextSchema(textLimits.question),
  options: z.array(optionSchema).max(optionLimits.max),
  followUp: followUpSchema.nullable(),
  state: z.enum(pollStates),
  standing: z.boolean(),
  startsAt: isoDateTimeSchema.nullable(),
  endsAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});

export type Poll = z.output<typeof pollSchema>;
export type PollOption = z.output<typeof optionSchema>;
export type LocalizedText = Poll['question'];
