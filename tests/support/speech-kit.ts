import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/** One piece of speech as the page handed it to Web Audio (src-renderer/speech/sample-player.ts). */
export interface HeardPiece {
  samples: number;
  peak: number;
  requestedAt: number;
  /** performance.now() when the piece went to Web Audio. */
  at: number;
}

/**
 * Runs before the page's own code: records every piece of speech played, and takes the OS voices
 * away (headless Chromium has none anyway), so what is heard comes from the bundled voice.
 */
function listenWithoutOsVoices(): void {
  const heard: unknown[] = [];
  Object.defineProperty(window, 'heardSpeech', { value: heard });
  window.addEventListener('kerro:speech-samples', (event) => {
    if (event instanceof CustomEvent) heard.push({ ...event.detail, at: performance.now() });
  });
  if ('speechSynthesis' in window) Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [] });
}

/**
 * A stand-in for the speech worker, speaking the same protocol (words may come before 'open' and
 * wait for it): a tone of 100 samples per letter, so a test can tell from the length which words
 * were asked for.
 */
export const stubSpeechWorker = `
const waiting = [];
let isOpen = false;
function speak(request) {
  const samples = new Int16Array(100 * request.text.length);
  for (let index = 0; index < samples.length; index += 1) samples[index] = Math.round(8000 * Math.sin(index / 4));
  self.postMessage({ type: 'samples', utterance: request.utterance, samples, sampleRate: 22050 }, [samples.buffer]);
}
self.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'open') {
    isOpen = true;
    waiting.splice(0).forEach(speak);
  }
  if (request.type !== 'speak') return;
  if (isOpen) speak(request);
  else waiting.push(request);
});
self.postMessage({ type: 'loaded' });
`;

const speechFiles = /\/assets\/speech-worker-[^/]*\.js$|\/speech\/[^/]*\.wasm$/;
const speechRequestsOf = new WeakMap<Page, string[]>();

/** The speech engine's files the page has asked for so far (the worker's script and the engine's module), by path. */
export function speechRequests(page: Page): readonly string[] {
  return speechRequestsOf.get(page) ?? [];
}

/** The kiosk in a touch context with no OS voice; with `isStubbed` the speech worker is the stand-in above. */
export async function openSpeakingKiosk(browser: Browser, url: string, isStubbed: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await context.addInitScript(listenWithoutOsVoices);
  if (isStubbed) await context.route('**/assets/speech-worker-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: stubSpeechWorker }));
  const requested: string[] = [];
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (speechFiles.test(path)) requested.push(path);
  });
  const page = await context.newPage();
  speechRequestsOf.set(page, requested);
  await page.goto(url);
  await page.locator('[data-screen="start"]').waitFor();
  return page;
}

export function heardPieces(page: Page): Promise<HeardPiece[]> {
  return page.evaluate(() => {
    const heard: unknown = Reflect.get(window, 'heardSpeech');
    return (Array.isArray(heard) ? heard : []) as HeardPiece[];
  });
}

/** Marks where the next utterance starts in what was heard. */
export async function heardSoFar(page: Page): Promise<number> {
  return (await heardPieces(page)).length;
}

/** The speech heard since a mark: its samples added up and its loudest sample. */
export async function heardSince(page: Page, mark: number): Promise<{ samples: number; peak: number }> {
  const pieces = (await heardPieces(page)).slice(mark);
  return { samples: pieces.reduce((total, piece) => total + piece.samples, 0), peak: Math.max(0, ...pieces.map((piece) => piece.peak)) };
}

/** Waits until audible speech of at least `minimumSamples` has been played since the mark. */
export async function expectSpeechSince(page: Page, mark: number, minimumSamples: number): Promise<void> {
  await expect.poll(async () => (await heardSince(page, mark)).samples, { timeout: 30_000 }).toBeGreaterThanOrEqual(minimumSamples);
  expect((await heardSince(page, mark)).peak).toBeGreaterThan(0.05);
}
