import { z } from 'zod';
import { isoDateTimeSchema, localizedTextInputSchema, localizedTextSchema } from './polls';
import { localDateSchema } from './results';

/**
 * "You said, we did": a short outcome of a council meeting, shown to parents on the start
 * screen from its first day to its last, so they see their answers lead somewhere.
 */
export const outcomeTextLimit = 160;
/** The start screen shows them in turn; past this many, each would come round too rarely to read. */
export const outcomeLimit = 50;

export const outcomeDraftSchema = z
  .object({
    text: localizedTextInputSchema(outcomeTextLimit),
    /** Local calendar days, both included. */
    startsOn: localDateSchema,
    endsOn: localDateSchema,
  })
  .strict()
  .refine((draft) => draft.startsOn <= draft.endsOn, { message: 'The last day is before the first day', path: ['endsOn'] });

export const outcomeSchema = z.object({
  id: z.uuid(),
  text: localizedTextSchema(outcomeTextLimit),
  startsOn: localDateSchema,
  endsOn: localDateSchema,
  createdAt: isoDateTimeSchema,
});

export type Outcome = z.output<typeof outcomeSchema>;
export type OutcomeDraft = z.input<typeof outcomeDraftSchema>;

export const outcomeSaveInputSchema = z.object({ id: z.uuid().nullable(), draft: outcomeDraftSchema }).strict();

export const outcomeListSchema = z.object({
  outcomes: z.array(outcomeSchema),
  /** The kiosk's own local day, so the staff see which outcomes show now by the kiosk's clock. */
  today: localDateSchema,
});

export const currentOutcomesSchema = z.object({ outcomes: z.array(outcomeSchema.pick({ id: true, text: true })) });

/** Shown on the day itself too: both ends are included. */
export function isOutcomeShown(outcome: Pick<Outcome, 'startsOn' | 'endsOn'>, today: string): boolean {
  return outcome.startsOn <= today && today <= outcome.endsOn;
}
