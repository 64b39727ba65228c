import type { Kiosk, KioskOptions } from '../../src-main/core/kiosk';
import { call, openTestKiosk, valueOf } from '../../scripts/fixtures/kiosk';

/** Cheap scrypt for tests that unlock many times; one test keeps the real cost. */
export const testPinCost = { cost: 1024, blockSize: 8, parallelization: 1 } as const;

export const testPin = '246810';

/** A clock the test moves by hand, starting on a Sunday morning in Kemi. */
export function manualClock(start = '2026-11-29T08:00:00.000Z') {
  let now = Date.parse(start);
  return {
    clock: () => new Date(now),
    advance(milliseconds: number) {
      now += milliseconds;
    },
  };
}

export async function openSetUpKiosk(dataDir: string, options: Partial<KioskOptions> = {}): Promise<Kiosk> {
  const kiosk = await openTestKiosk(dataDir, { pinCost: testPinCost, ...options });
  valueOf(await call(kiosk, 'staff.setup', { siteName: 'Perheiden piha', pin: testPin, languages: ['fi', 'sv', 'en'] }));
  return kiosk;
}

export async function unlock(kiosk: Kiosk, pin = testPin): Promise<string> {
  const session = valueOf(await call(kiosk, 'staff.unlock', { pin }));
  if (typeof session !== 'object' || session === null || !('token' in session) || typeof session.token !== 'string') {
    throw new Error('No token in the session');
  }
  return session.token;
}
