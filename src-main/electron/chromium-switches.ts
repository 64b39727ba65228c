import type { CommandLine } from 'electron';

/**
 * Chromium switches for the kiosk, set before the app is ready (later they do nothing).
 * `DeferRendererTasksAfterInput` holds work that arrives right after a tap, such as the reply
 * saying an answer is on disk, until a frame has been drawn: a whole frame (17 ms) between the
 * answer being safe and the thank-you. Measured in the browser shell by `node scripts/bench.mjs ui`,
 * where the same switch takes the tap's p95 from two frames to one.
 */
export const kioskSwitches: readonly (readonly [name: string, value: string])[] = [['disable-features', 'DeferRendererTasksAfterInput']];

export function applyKioskSwitches(commandLine: Pick<CommandLine, 'appendSwitch'>): void {
  for (const [name, value] of kioskSwitches) commandLine.appendSwitch(name, value);
}
