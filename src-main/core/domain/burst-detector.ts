/**
 * Notices answers coming faster than parents can give them (a child drumming on the screen, a
 * bored teenager). Such answers are kept and flagged, never dropped: the council decides what
 * to make of them, and results can be shown with or without them.
 */
export class BurstDetector {
  /**
   * Only the latest `threshold` times matter: a burst is `threshold` answers inside the window.
   * Keeping every time inside the window instead made each answer cost more the faster they came.
   */
  private readonly recent: number[] = [];

  constructor(
    /** How many answers inside the window make a burst. */
    private readonly threshold = 4,
    private readonly windowMs = 10_000,
  ) {}

  /** Records an answer at `time` and says whether it belongs to a burst. */
  isBurst(time: number): boolean {
    this.recent.push(time);
    if (this.recent.length > this.threshold) this.recent.shift();
    return this.recent.length >= this.threshold && this.recent.every((earlier) => time - earlier < this.windowMs);
  }
}
