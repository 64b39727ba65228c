import { z } from 'zod';
import { freeTextSchema } from '../text/free-text-schema';
import { audiences } from './children';
import { drawingSchema } from './drawing-schema';
import { identifierSchema, languageSchema } from './polls';
import { textLimits } from './text-limits';
import { problems } from './problems';

export const choiceAnswerSchema = z.object({
  optionIds: z.array(identifierSchema).min(1).max(12),
});

export const textAnswerSchema = z.object({
  text: z.string().trim().min(1).max(textLimits.comment),
});

/** A child's drawing: strokes only, never free text. */
export const drawingAnswerSchema = z.object({ drawing: drawingSchema }).strict();

export const answerSchema = z.union([choiceAnswerSchema.strict(), textAnswerSchema.strict(), drawingAnswerSchema]);

/** What a parent sends: the text is normalised here, once, before it is stored or searched. */
const textAnswerInputSchema = z.object({
  text: freeTextSchema(textLimits.comment).pipe(z.string().min(1, problems.required)),
});
export const answerInputSchema = z.union([choiceAnswerSchema.strict(), textAnswerInputSchema.strict(), drawingAnswerSchema]);
export type Answer = z.output<typeof answerSchema>;

export const responseFlags = ['burst'] as const;

export const responseSchema = z.object({
  id: z.uuid(),
  kioskId: z.string(),
  seq: z.number().int().min(1),
  pollId: identifierSchema,
  pollVersion: z.number().int().min(1),
  answer: answerSchema,
  language: languageSchema,
  /** Local wall-clock time with its UTC offset, as the parent experienced it. */
  answeredAt: z.string(),
  flags: z.array(z.enum(responseFlags)),
  topics: z.array(identifierSchema),
  comment: z.string().nullable(),
  /** Absent on answers kept before children had their own way in: those are adults'. */
  audience: z.enum(audiences).optional(),
});

export type StoredResponse = z.output<typeof responseSchema>;

export const submitInputSchema = z
  .object({
    pollId: identifierSchema,
    pollVersion: z.number().int().min(1),
    answer: answerInputSchema,
    language: languageSchema,
  })
  .strict();

export const followUpInputSchema = z
  .object({
    responseId: z.uuid(),
    topics: z.array(identifierSchema).max(12),
    comment: freeTextSchema(textLimits.comment).optional(),
  })
  .strict();
