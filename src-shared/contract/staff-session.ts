import { z } from 'zod';
import { identifierSchema } from './polls';

/** The longest form a draft may carry; a poll in every language is far below it. */
export const draftPayloadLimit = 64_000;

/**
 * A staff form kept while it is being edited, so a session that ends mid-edit loses nothing. The
 * payload is the screen's own state as JSON; the screen checks it again when it takes it back.
 */
export const staffDraftSchema = z
  .object({
    screen: z.enum(['poll-editor', 'settings', 'outcome']),
    pollId: identifierSchema.nullable(),
    answers: z.number().int().min(0),
    payload: z.string().max(draftPayloadLimit),
  })
  .strict();

export type StaffDraft = z.output<typeof staffDraftSchema>;

/** Omit the draft to leave it as it is; null clears it (the form was saved or given up). */
export const keepAliveInputSchema = z.object({ draft: staffDraftSchema.nullable().optional() }).strict();

export const keepAliveOutputSchema = z.object({ idleSeconds: z.number().int().min(1) });

export const takeDraftOutputSchema = z.object({ draft: staffDraftSchema.nullable() });
