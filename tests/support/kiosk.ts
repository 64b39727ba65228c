import { dispatch } from '../../src-main/core/api/dispatch';
import { openKiosk, type Kiosk, type KioskOptions } from '../../src-main/core/kiosk';
import { silentLogger } from '../../src-main/core/logger';
import type { Result } from '../../src-shared/contract/result';

export function openTestKiosk(dataDir: string, options: Partial<KioskOptions> = {}): Promise<Kiosk> {
  return openKiosk({ dataDir, version: '0.0.0-test', logger: silentLogger, ...options });
}

export function call(kiosk: Kiosk, method: string, input: unknown, staffToken: string | null = null): Promise<Result<unknown>> {
  return dispatch(kiosk, method, input, { transport: 'http', staffToken });
}

export const standingAnswer = (optionId = 'good', language = 'fi') => ({
  pollId: 'council-feedback',
  pollVersion: 1,
  answer: { optionIds: [optionId] },
  language,
});

/** Unwraps a successful result or fails the test with the error it carried. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
