// The UI bench's taps: a finger on the kiosk's "good" face until the thank-you is painted, and the
// same browser's floors (a bare page swapping its text; a bare page fetching a small answer from
// the same server first). Each sample carries the page's own timestamps for every stage between.
import type { Browser, Page } from 'playwright-core';
import { installProbe } from './ui-probe.mjs';

/** Every stage of one tap, in the page's clock (ms since it loaded); NaN where a stage has no meaning. */
export interface TapSample {
  lift: number;
  fetchStart: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
  /** The server's own time for the call, from its Server-Timing header. */
  serverMs: number;
  parsed: number;
  shown: number;
  frame: number;
  painted: number;
}

export interface TapSubject {
  tap(): Promise<TapSample>;
  close(): Promise<void>;
}

/** The parents' waits run this much sooner in the tap page; the 30 s idle return still takes 0.3 s, far past any tap. */
export const tapTimeLapse = 100;

const viewport = { width: 1080, height: 1920 };

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (box === null) throw new Error(`${selector} is not on the screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Kerro's start screen, one page for every tap: after each thank-you the page goes back the way a
 * parent would (skip, back) and waits out the cool-down, so each tap finds a warm page at rest.
 */
export async function kioskTaps(browser: Browser, url: string): Promise<TapSubject> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(installProbe, tapTimeLapse);
  await page.goto(url);
  await page.evaluate(readyForTap, true);
  const { x, y } = await centreOf(page, '[data-option="good"]');
  return {
    async tap() {
      await page.touchscreen.tap(x, y);
      return page.evaluate(sampleAfterLift, { screen: 'follow-up', path: '/api/responses.submit', isKiosk: true });
    },
    close: () => context.close(),
  };
}

/** A bare page on the kiosk's own origin whose button swaps its text on lift-off, after one fetch if asked. */
export async function floorTaps(browser: Browser, url: string, withFetch: boolean): Promise<TapSubject> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${url}/api/health`);
  await page.evaluate(installProbe, 1);
  await page.evaluate(buildFloorPage, withFetch);
  await page.evaluate(readyForTap, false);
  const { x, y } = await centreOf(page, 'button');
  return {
    async tap() {
      await page.touchscreen.tap(x, y);
      return page.evaluate(sampleAfterLift, { screen: 'done', path: '/api/kiosk.info', isKiosk: false });
    },
    close: () => context.close(),
  };
}

export async function tapRun(subject: TapSubject, count: number): Promise<TapSample[]> {
  const samples: TapSample[] = [];
  for (let index = 0; index < count; index += 1) samples.push(await subject.tap());
  return samples;
}

/**
 * In the page: the stages of the tap whose lift-off came last; then the page is made ready for
 * the next tap (in the same call, as each round trip to the bench adds to the run's length).
 */
async function sampleAfterLift({ screen, path, isKiosk }: { screen: string; path: string; isKiosk: boolean }): Promise<TapSample> {
  const state = window.kerroBench;
  const lift = state.lifts.at(-1) ?? 0;
  const entry = await state.whenPainted(screen, lift);
  const timing = performance
    .getEntriesByType('resource')
    .filter((candidate): candidate is PerformanceResourceTiming => candidate instanceof PerformanceResourceTiming)
    .filter((candidate) => new URL(candidate.name).pathname === path && candidate.startTime >= lift)
    .at(-1);
  const responseEnd = timing?.responseEnd ?? Number.NaN;
  const sample: TapSample = {
    lift,
    fetchStart: timing?.startTime ?? Number.NaN,
    requestStart: timing?.requestStart ?? Number.NaN,
    responseStart: timing?.responseStart ?? Number.NaN,
    responseEnd,
    serverMs: timing?.serverTiming.find((metric) => metric.name === 'handle')?.duration ?? Number.NaN,
    parsed: timing === undefined ? Number.NaN : (state.parsed.find((time) => time >= responseEnd) ?? Number.NaN),
    shown: entry.shown,
    frame: entry.frame ?? Number.NaN,
    painted: entry.painted ?? Number.NaN,
  };
  // The browser keeps only so many timing entries; the next tap starts with none.
  performance.clearResourceTimings();
  state.lifts.length = 0;
  state.parsed.length = 0;
  await state.readyForTap(isKiosk);
  return sample;
}

/**
 * In the page, once: installs `readyForTap` on the probe, so each sample can call it, and runs it.
 * Kerro's page goes back as a parent would (skip, back) until a face takes taps again; the floor
 * puts its text back. Either way the next tap finds the page drawn, with nothing left queued.
 */
function readyForTap(isKiosk: boolean): Promise<void> {
  const state = window.kerroBench;
  const press = (selector: string) => {
    const button = document.querySelector(selector);
    if (button instanceof HTMLButtonElement && !button.disabled) button.click();
  };
  const backToStart = async () => {
    for (;;) {
      const name = document.querySelector('[data-screen]')?.getAttribute('data-screen');
      const face = document.querySelector('[data-screen="start"] [data-option="good"]');
      if (face instanceof HTMLButtonElement && !face.disabled) return;
      if (name === 'follow-up') press('[data-screen="follow-up"] .secondary-button');
      if (name === 'thanks') press('[data-screen="thanks"] button');
      await new Promise((resolve) => state.setTimeout(() => resolve(null), 2));
    }
  };
  state.readyForTap = async (isKioskPage) => {
    if (isKioskPage) await backToStart();
    else document.querySelector('main')?.setAttribute('data-screen', 'start');
    await new Promise((resolve) => requestAnimationFrame(() => state.setTimeout(() => resolve(null), 0)));
    await new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 100 }));
  };
  return state.readyForTap(isKiosk);
}

/** In the page: the floor's bare button, on a page the kiosk's server served (so a fetch is same-origin). */
function buildFloorPage(withFetch: boolean): void {
  const main = document.createElement('main');
  main.setAttribute('data-screen', 'start');
  const button = document.createElement('button');
  button.textContent = 'tap';
  // Style through the DOM: the server's CSP forbids inline style attributes.
  Object.assign(button.style, { width: '300px', height: '300px', margin: '200px' });
  main.append(button);
  document.body.replaceChildren(main);
  button.addEventListener('pointerup', () => {
    const swap = () => main.setAttribute('data-screen', `done-${performance.now()}`);
    if (!withFetch) return swap();
    void fetch('/api/kiosk.info', { method: 'POST', headers: { 'content-type': 'application/json', 'x-kerro-client': '1' }, body: '{}' })
      .then((response) => response.json())
      .then(swap);
  });
}
