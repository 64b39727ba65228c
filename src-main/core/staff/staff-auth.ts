import { randomBytes } from 'node:crypto';
import type { StaffStatus } from '../../../src-shared/contract/staff';
import type { StaffGate } from '../api/handlers';
import { freshPinGuard, type KioskDocument, type PinGuard } from '../domain/kiosk-settings';
import { DiskFault, KerroError } from '../errors';
import type { DurableDocument } from '../store/document';
import type { Clock } from '../time';
import { hashPin, isPinCorrect, type defaultPinCost } from './pin-hash';

export const sessionIdleMs = 2 * 60_000;
export const triesBeforeLockout = 5;
const firstLockoutMs = 60_000;
const longestLockoutMs = 60 * 60_000;
/** A handful of staff at one kiosk; more sessions than this means tokens are being farmed. */
const maxSessions = 16;

/** One minute after the first five wrong PINs, then two, four, eight… up to an hour. */
export function lockoutMs(lockouts: number): number {
  return Math.min(firstLockoutMs * 2 ** Math.max(0, lockouts - 1), longestLockoutMs);
}

export interface StaffAuthOptions {
  clock: Clock;
  pinCost?: typeof defaultPinCost;
  /** How long a session lasts without a call; tests of the staff walk shorten it. */
  sessionIdleMs?: number;
}

/**
 * The staff PIN, the pause after wrong PINs and the open sessions. The PIN and the pause live in
 * kiosk.json; sessions live only in memory, so a restart locks the staff area.
 */
export class StaffAuth implements StaffGate {
  private readonly sessions = new Map<string, number>();
  /** Unlock attempts run one at a time, so parallel guesses cannot slip past the count. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: DurableDocument<KioskDocument>,
    private readonly options: StaffAuthOptions,
  ) {}

  /** The session's idle limit: the screens warn before it and keep it alive while staff touch them. */
  get idleMs(): number {
    return this.options.sessionIdleMs ?? sessionIdleMs;
  }

  get isSetUp(): boolean {
    return this.settings.data.staffPin !== null;
  }

  status(): StaffStatus {
    const guard = this.settings.data.pinGuard;
    return {
      isSetUp: this.isSetUp,
      lockedUntil: this.isLockedOut(guard) ? guard.lockedUntil : null,
      triesLeft: triesBeforeLockout - guard.failures,
    };
  }

  /** The stored form of a kiosk's first PIN; the caller saves it with the rest of the set-up. */
  async firstPin(pin: string): Promise<Pick<KioskDocument, 'staffPin' | 'pinGuard'>> {
    if (this.isSetUp) throw new KerroError('conflict', 'The kiosk is already set up');
    return { staffPin: await hashPin(pin, this.options.pinCost), pinGuard: freshPinGuard };
  }

  unlock(pin: string): Promise<string> {
    const attempt = this.queue.then(() => this.tryPin(pin));
    this.queue = attempt.catch(() => undefined);
    return attempt;
  }

  /** Throws unless the token belongs to a live session; a valid call keeps the session alive. */
  verify(token: string | null): void {
    if (token === null || token === '') throw new KerroError('unauthorized', 'Unlock the staff area with the PIN first');
    const lastUsed = this.sessions.get(token);
    const now = this.options.clock().getTime();
    if (lastUsed === undefined || now - lastUsed > this.idleMs) {
      this.sessions.delete(token);
      throw new KerroError('unauthorized', 'The staff session has ended; unlock again');
    }
    this.sessions.set(token, now);
  }

  lock(token: string | null): void {
    if (token !== null) this.sessions.delete(token);
  }

  async changePin(token: string | null, currentPin: string, newPin: string): Promise<void> {
    const stored = this.settings.data.staffPin;
    if (stored === null || !(await isPinCorrect(currentPin, stored))) {
      throw new KerroError('unauthorized', 'The current PIN is not right');
    }
    const staffPin = await hashPin(newPin, this.options.pinCost);
    await this.settings.replaceOr(
      { ...this.settings.data, staffPin },
      (error) => new DiskFault('The new PIN', error),
    );
    for (const other of [...this.sessions.keys()]) if (other !== token) this.sessions.delete(other);
  }

  private isLockedOut(guard: PinGuard): boolean {
    return guard.lockedUntil !== null && Date.parse(guard.lockedUntil) > this.options.clock().getTime();
  }

  private async tryPin(pin: string): Promise<string> {
    const stored = this.settings.data.staffPin;
    if (stored === null) throw new KerroError('conflict', 'The kiosk has no staff PIN yet: set it up first');
    const guard = this.settings.data.pinGuard;
    if (this.isLockedOut(guard)) throw new KerroError('locked_out', `Too many wrong PINs; try again after ${guard.lockedUntil ?? ''}`);
    if (await isPinCorrect(pin, stored)) {
      if (guard.failures !== 0 || guard.lockouts !== 0 || guard.lockedUntil !== null) {
        await this.settings.hold({ ...this.settings.data, pinGuard: freshPinGuard });
      }
      return this.openSession();
    }
    const failures = guard.failures + 1;
    if (failures < triesBeforeLockout) {
      // A guess counts even when the disk is full: the count is held in memory though it cannot be saved.
      await this.settings.hold({ ...this.settings.data, pinGuard: { ...guard, failures } });
      throw new KerroError('unauthorized', `Wrong PIN; ${triesBeforeLockout - failures} tries left before a pause`);
    }
    const lockouts = guard.lockouts + 1;
    const lockedUntil = new Date(this.options.clock().getTime() + lockoutMs(lockouts)).toISOString();
    await this.settings.hold({ ...this.settings.data, pinGuard: { failures: 0, lockouts, lockedUntil } });
    throw new KerroError('locked_out', `Too many wrong PINs; try again after ${lockedUntil}`);
  }

  private openSession(): string {
    const token = randomBytes(32).toString('base64url');
    if (this.sessions.size >= maxSessions) {
      const oldest = [...this.sessions.entries()].sort((left, right) => left[1] - right[1])[0];
      if (oldest !== undefined) this.sessions.delete(oldest[0]);
    }
    this.sessions.set(token, this.options.clock().getTime());
    return token;
  }
}
