// The UI bench's soak: many answers in one session through the whole flow (a face, skip, back to
// the start), then the page's heap after garbage collection and its DOM node count, beside the
// same figures after a few warm-up answers. The loop runs inside the page, so each answer costs
// what the kiosk does for it, not a round trip to the bench.
import type { Browser } from 'playwright-core';
import type { BenchContext } from './section.mjs';
import { installProbe } from './ui-probe.mjs';

/** The soak page's waits run this much sooner: the 1.2 s cool-down takes 1.2 ms, the 5 s thank-you 5 ms. */
export const soakTimeLapse = 1000;
const warmUpAnswers = 20;

/** The page after a number of answers: its JS heap after garbage collection and its DOM node count. */
export interface SoakCheckpoint {
  answers: number;
  heapMb: number;
  nodes: number;
}

export interface SoakFigures {
  /** After the warm-up (0 answers), then after every `every` answers, the last after all of them. */
  checkpoints: SoakCheckpoint[];
  answered: number;
  stored: number;
  /** Answering alone: the checkpoints' garbage collections are not counted. */
  seconds: number;
}

export async function soak(browser: Browser, url: string, answers: number, every: number, context: BenchContext): Promise<SoakFigures> {
  const browserContext = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  const page = await browserContext.newPage();
  await page.addInitScript(installProbe, soakTimeLapse);
  await page.goto(url);
  await page.locator('[data-screen="start"]').waitFor();
  const session = await browserContext.newCDPSession(page);
  const measure = async (answered: number): Promise<SoakCheckpoint> => {
    // React lets go of a screen it took away only after the commit's effects have run: measured
    // a moment too soon, the last thank-you's nodes would still be counted.
    await page.evaluate(settle);
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    const { nodes } = await session.send('Memory.getDOMCounters');
    return { answers: answered, heapMb: usedSize / 2 ** 20, nodes };
  };
  // A few answers first, so what every visit builds once (lazy screens, caches) is not counted as growth.
  await page.evaluate(answerMany, warmUpAnswers);
  const storedBefore = await storedAnswers(url);
  const checkpoints = [await measure(0)];
  let seconds = 0;
  let answered = 0;
  while (answered < answers) {
    const started = performance.now();
    answered += await page.evaluate(answerMany, Math.min(every, answers - answered));
    seconds += (performance.now() - started) / 1000;
    checkpoints.push(await measure(answered));
    context.progress(`ui: soak ${answered}/${answers}`);
  }
  const stored = (await storedAnswers(url)) - storedBefore;
  await browserContext.close();
  return { checkpoints, answered, stored, seconds };
}

async function storedAnswers(url: string): Promise<number> {
  const response = await fetch(`${url}/api/health`);
  const body: unknown = await response.json();
  const value = typeof body === 'object' && body !== null && 'value' in body ? body.value : null;
  const count = typeof value === 'object' && value !== null && 'answersStored' in value ? value.answersStored : null;
  if (typeof count !== 'number') throw new Error('The kiosk did not say how many answers it holds');
  return count;
}

/** In the page: the start screen taking taps again, drawn, with nothing left queued. */
async function settle(): Promise<void> {
  const state = window.kerroBench;
  for (;;) {
    const face = document.querySelector('[data-screen="start"] [data-option="okay"]');
    if (face instanceof HTMLButtonElement && !face.disabled) break;
    await new Promise((resolve) => state.setTimeout(() => resolve(null), 2));
  }
  await new Promise((resolve) => requestAnimationFrame(() => state.setTimeout(() => resolve(null), 0)));
  await new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 200 }));
}

/**
 * In the page: `count` parents, each tapping a face, skipping the topics and going back. It acts
 * on whatever screen is showing, so an idle return that comes first (the waits are short here)
 * only changes the path, never stalls it. An answer counts when its topics screen appears.
 */
async function answerMany(count: number): Promise<number> {
  const state = window.kerroBench;
  let answered = 0;
  let lastFollowUp: Element | null = null;
  const nextChange = () =>
    new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(null);
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
      state.setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, 5);
    });
  const press = (element: Element | null) => {
    if (element instanceof HTMLButtonElement && !element.disabled) element.click();
  };
  for (;;) {
    const screen = document.querySelector('[data-screen]');
    const name = screen?.getAttribute('data-screen');
    if (name === 'follow-up' && screen !== lastFollowUp) {
      lastFollowUp = screen ?? null;
      answered += 1;
    }
    if (name !== undefined && name !== null && !['start', 'follow-up', 'thanks'].includes(name)) throw new Error(`The soak reached the ${name} screen`);
    if (name === 'start' && answered === count) return answered;
    if (name === 'start') press(document.querySelector('[data-option="okay"]'));
    if (name === 'follow-up') press(document.querySelector('[data-screen="follow-up"] .secondary-button'));
    if (name === 'thanks') press(document.querySelector('[data-screen="thanks"] button'));
    await nextChange();
  }
}
