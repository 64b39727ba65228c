import type { z } from 'zod';
import type { StaffDraft } from '../../../src-shared/contract/staff-session';

/**
 * A kept draft's form, checked again: the kiosk's main side holds the payload only as text, and a
 * draft left by another screen (or an older kiosk) must not open this one. Null when it cannot.
 */
export function payloadOfDraft<Schema extends z.ZodType>(draft: StaffDraft, screen: StaffDraft['screen'], schema: Schema): z.output<Schema> | null {
  if (draft.screen !== screen) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(draft.payload);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}
