import type { PowerSaveBlocker } from 'electron';
import { isOpenAt, type OpeningHours } from '../../src-shared/contract/opening-hours';

/** How often the opening hours are looked at again; a minute late at opening time is fine. */
export const wakeCheckMs = 60_000;

type Blocker = Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;

/**
 * Keeps the display awake while the place is open and lets it sleep when it closes, checking
 * the current opening hours each time so a change in the staff settings takes effect by itself.
 */
export class WakeLock {
  private blockerId: number | null = null;

  constructor(
    private readonly blocker: Blocker,
    private readonly readHours: () => Promise<OpeningHours | null>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async check(): Promise<boolean> {
    const hours = await this.readHours();
    const shouldBeAwake = hours !== null && isOpenAt(hours, this.clock());
    const isAwake = this.blockerId !== null && this.blocker.isStarted(this.blockerId);
    if (shouldBeAwake && !isAwake) this.blockerId = this.blocker.start('prevent-display-sleep');
    if (!shouldBeAwake && this.blockerId !== null) {
      this.blocker.stop(this.blockerId);
      this.blockerId = null;
    }
    return shouldBeAwake;
  }

  start(): () => void {
    void this.check();
    const timer = setInterval(() => void this.check(), wakeCheckMs);
    return () => clearInterval(timer);
  }
}
