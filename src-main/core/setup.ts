import type { ErrorIssue } from '../../src-shared/contract/result';
import type { SetupInput } from '../../src-shared/contract/staff';
import { dispatch } from './api/dispatch';
import { openKiosk, type KioskOptions } from './kiosk';
import { silentLogger } from './logger';

export type SetupOutcome =
  | { ok: true; kioskId: string }
  | { ok: false; code: string; message: string; issues: ErrorIssue[] };

/**
 * Sets up a kiosk's data folder without its screens: the same call, validation and storage as
 * the set-up screen, for IT provisioning a kiosk and for tests.
 */
export async function provisionKiosk(dataDir: string, input: SetupInput, options: Partial<KioskOptions> = {}): Promise<SetupOutcome> {
  const kiosk = await openKiosk({ dataDir, version: 'setup', logger: silentLogger, ...options });
  try {
    const result = await dispatch(kiosk, 'staff.setup', input, { transport: 'ipc', staffToken: null });
    if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message, issues: result.error.issues ?? [] };
    return { ok: true, kioskId: kiosk.health().kioskId };
  } finally {
    await kiosk.close();
  }
}
