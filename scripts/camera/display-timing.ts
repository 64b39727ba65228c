/**
 * When each frame of the animated code is on the kiosk's screen, and what a phone camera's
 * rolling shutter catches of it. The kiosk picks its frame on each display refresh from the clock
 * (QrAnimation.tsx), so a frame appears at the first refresh after its time; the panel then
 * paints it row by row over one refresh (scan-out) and each pixel's liquid crystal takes a while
 * to settle (response). The camera exposes each of its rows for a short time, starting each row a
 * little later than the one above (readout). A camera pixel sees the exposure-weighted mix of
 * whatever its screen pixel showed meanwhile.
 */
export interface DisplayTiming {
  /** Frames of the code per second, as the kiosk's clock asks for them. */
  framesPerSecond: number;
  /** Display refreshes per second. */
  refreshHz: number;
  /** Refreshes of a blank (white) screen shown at each change, before the next frame. */
  blankRefreshes: number;
  /** Time for a pixel to go from one level to the other (a linear ramp). */
  responseMs: number;
}

export interface CameraTiming {
  /** Exposure of one camera row. */
  exposureMs: number;
  /** From the first camera row's start to the last's. */
  readoutMs: number;
  /** Camera frames per second. */
  framesPerSecond: number;
}

/** A 60 Hz panel, 10 fps as today, no blank: a kiosk screen as shipped. */
export const kioskDisplay: DisplayTiming = { framesPerSecond: 10, refreshHz: 60, blankRefreshes: 0, responseMs: 8 };

/** A phone's main camera filming a screen indoors: 30 fps, 10 ms exposure, 25 ms rolling readout. */
export const phoneCamera: CameraTiming = { exposureMs: 10, readoutMs: 25, framesPerSecond: 30 };

/** What the screen shows from `startMs` (at its first scan line): a frame's index, or `blank`. */
export interface Showing {
  startMs: number;
  content: number | 'blank';
}

/**
 * The screen's contents in time order over `durationMs`, frame n of `frameCount` being shown from
 * the first refresh at or after n / fps (the kiosk's clock), after `blankRefreshes` of white.
 */
export function displayTimeline(timing: DisplayTiming, frameCount: number, durationMs: number): Showing[] {
  const refreshMs = 1000 / timing.refreshHz;
  const showings: Showing[] = [];
  let shown = -1;
  for (let refresh = 0; refresh * refreshMs < durationMs; refresh += 1) {
    // The same arithmetic as the kiosk: frame index from the time at this refresh.
    const index = Math.floor((refresh * refreshMs * timing.framesPerSecond) / 1000 + 1e-9);
    if (index === shown) continue;
    shown = index;
    const startMs = refresh * refreshMs;
    if (timing.blankRefreshes > 0 && index > 0) {
      showings.push({ startMs, content: 'blank' });
      showings.push({ startMs: startMs + timing.blankRefreshes * refreshMs, content: index % frameCount });
    } else {
      showings.push({ startMs, content: index % frameCount });
    }
  }
  return showings;
}

/** ∫ of a 0→1 ramp of length `ramp` from −∞ to x: how long the new level has been reached, weighted. */
function rampIntegral(x: number, ramp: number): number {
  if (x <= 0) return 0;
  if (ramp <= 0 || x >= ramp) return x - ramp / 2;
  return (x * x) / (2 * ramp);
}

/**
 * Share of each content in the light a camera pixel gathers over [windowStart, windowStart + exposure],
 * where its screen pixel lies `scanDelayMs` after the panel's first scan line. Shares sum to 1.
 */
export function contentShares(
  timeline: readonly Showing[],
  timing: DisplayTiming,
  scanDelayMs: number,
  windowStart: number,
  exposureMs: number,
): Map<number | 'blank', number> {
  const shares = new Map<number | 'blank', number>();
  const end = windowStart + exposureMs;
  const first = lastStartingBefore(timeline, windowStart - scanDelayMs - timing.responseMs);
  for (let index = Math.max(0, first); index < timeline.length; index += 1) {
    const showing = timeline[index];
    if (showing === undefined) break;
    const from = showing.startMs + scanDelayMs;
    if (from >= end) break;
    const next = timeline[index + 1];
    const until = next === undefined ? Number.POSITIVE_INFINITY : next.startMs + scanDelayMs;
    // The first content shown stands for all time before it: the screen was showing it already.
    const arrived = index === 0 ? exposureMs : rampIntegral(end - from, timing.responseMs) - rampIntegral(windowStart - from, timing.responseMs);
    const left = Number.isFinite(until) ? rampIntegral(end - until, timing.responseMs) - rampIntegral(windowStart - until, timing.responseMs) : 0;
    const share = (arrived - left) / exposureMs;
    if (share > 1e-6) shares.set(showing.content, (shares.get(showing.content) ?? 0) + share);
  }
  return shares;
}

function lastStartingBefore(timeline: readonly Showing[], time: number): number {
  let low = 0;
  let high = timeline.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((timeline[middle]?.startMs ?? Number.POSITIVE_INFINITY) <= time) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** When a camera row starts its exposure, for a capture starting at `captureMs`. */
export function rowStartMs(camera: CameraTiming, captureMs: number, row: number, rows: number): number {
  return captureMs + (row / rows) * camera.readoutMs;
}
