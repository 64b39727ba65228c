import { z } from 'zod';
import { openingHoursSchema } from '../../../src-shared/contract/opening-hours';
import { languageSchema } from '../../../src-shared/contract/polls';
import { retentionDaysSchema } from '../../../src-shared/contract/retention';
import type { SettingsInput } from '../../../src-shared/contract/settings';
import type { StaffDraft } from '../../../src-shared/contract/staff-session';
import { payloadOfDraft } from './draft-payload';

/**
 * Settings as they were being changed. Looser than what a save accepts: a half-typed site name or
 * a language set being rearranged must come back as it was, and the save then says what is wrong.
 */
const settingsFormSchema = z.object({
  siteName: z.string().max(400),
  languages: z.array(languageSchema),
  defaultLanguage: languageSchema,
  idleSeconds: z.number().int(),
  thanksSeconds: z.number().int(),
  openingHours: openingHoursSchema.optional(),
  retentionDays: retentionDaysSchema.optional(),
});

export function draftOfSettings(form: SettingsInput): StaffDraft {
  return { screen: 'settings', pollId: null, answers: 0, payload: JSON.stringify(form) };
}

/** The settings form as it was left, or null when the kept draft is not one this screen can read. */
export function settingsOfDraft(draft: StaffDraft): SettingsInput | null {
  const parsed = payloadOfDraft(draft, 'settings', settingsFormSchema);
  return parsed === null ? null : (parsed satisfies SettingsInput);
}
