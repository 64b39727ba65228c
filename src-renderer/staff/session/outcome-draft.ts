import { z } from 'zod';
import { localDateSchema } from '../../../src-shared/contract/results';
import type { StaffDraft } from '../../../src-shared/contract/staff-session';
import { payloadOfDraft } from './draft-payload';

/** The outcome editor's fields as they were left; texts as typed (an empty Finnish text too, the save says so). */
const outcomeFormSchema = z.object({
  fi: z.string().max(400),
  sv: z.string().max(400),
  en: z.string().max(400),
  startsOn: localDateSchema,
  endsOn: localDateSchema,
});

export type OutcomeForm = z.output<typeof outcomeFormSchema>;

export interface OutcomeDraft {
  /** The outcome being changed, or null for a new one. */
  outcomeId: string | null;
  form: OutcomeForm;
}

const outcomePayloadSchema = z.object({ outcomeId: z.uuid().nullable(), form: outcomeFormSchema });

export function draftOfOutcome(draft: OutcomeDraft): StaffDraft {
  return { screen: 'outcome', pollId: null, answers: 0, payload: JSON.stringify(draft) };
}

/** The outcome editor as it was left, or null when the kept draft is not one this screen can read. */
export function outcomeOfDraft(draft: StaffDraft): OutcomeDraft | null {
  return payloadOfDraft(draft, 'outcome', outcomePayloadSchema);
}
