// The offline voice, measured in Debian's Chromium against the built browser shell with no OS voice
// (a section of `npm run bench`, alone: `node scripts/bench.mjs speech`, after `npm run build`).
// It times a touch to the first sample handed to Web Audio, cold (a fresh browser context: the
// worker, eSpeak NG and its data are fetched and started by that very touch), after a first touch
// elsewhere (the voice starts on a visitor's first touch anywhere, src-renderer/parents/
// usePreparedSpeech.ts) and warm (the engine already running), and counts the bytes the voice
// adds, beside the package's full size. A floor measured in the same
// run (a touch that starts a 10 ms tone through Web Audio straight away) shows what any sound costs.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describeLoad, describeMachine } from './bench/machine.mjs';
import { runCount, spread } from './bench/repeated.mjs';
import type { BenchContext, BenchSection } from './bench/section.mjs';
import { provisionKiosk, startServerProcess } from './bench/server-process.mjs';
import { requireChromium } from './programs.mjs';
import { packageDirectory, speechEngineFile } from './speech/espeak-voices.mjs';

const runs = runCount('KERRO_BENCH_SPEECH_RUNS', 3);
const targetMs = 300;
/** How long before pressing read-aloud the visitor first touched the screen elsewhere: a glance at the question. */
const firstTouchLeadMs = 1000;
const headless = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs in the page before its own code: no OS voice, and every touch and played piece timed. */
function listen(): void {
  const heard: number[] = [];
  const touches: number[] = [];
  Object.defineProperty(window, 'benchSpeech', { value: { heard, touches } });
  window.addEventListener('kerro:speech-samples', () => heard.push(performance.now()));
  document.addEventListener('pointerdown', () => touches.push(performance.now()), { capture: true });
  if ('speechSynthesis' in window) Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [] });
}

interface Timeline {
  heard: number[];
  touches: number[];
}

const timeline = (page: Page) => page.evaluate(() => Reflect.get(window, 'benchSpeech') as Timeline);

/** Waits until nothing has been heard for a while: speech still playing out would blur the next figure. */
async function quiet(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const heard = (Reflect.get(window, 'benchSpeech') as Timeline).heard;
      return performance.now() - (heard.at(-1) ?? 0) > 800;
    },
    undefined,
    { timeout: 30_000, polling: 100 },
  );
}

/** Taps, then waits for the first piece heard after the touch: milliseconds from the touch to it. */
async function touchToSound(page: Page, selector: string): Promise<number> {
  await quiet(page);
  const before = await timeline(page);
  await page.locator(selector).tap();
  await page.waitForFunction((count) => (Reflect.get(window, 'benchSpeech') as Timeline).heard.length > count, before.heard.length, { timeout: 30_000 });
  const after = await timeline(page);
  const touch = after.touches[before.touches.length] ?? Number.NaN;
  const sound = after.heard.slice(before.heard.length).find((time) => time >= touch) ?? Number.NaN;
  return sound - touch;
}

/** The floor: the same tap starting a short tone through Web Audio at once, with no speech made. */
async function floorTouch(page: Page): Promise<number> {
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'bench-tone';
    button.textContent = 'tone';
    button.style.cssText = 'position:fixed;inset:0 auto auto 0;width:100px;height:100px;z-index:9';
    button.addEventListener('click', () => {
      const context = new AudioContext({ latencyHint: 'interactive' });
      const buffer = context.createBuffer(1, 441, 44100);
      buffer.getChannelData(0).fill(0.1);
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      source.start();
      window.dispatchEvent(new CustomEvent('kerro:speech-samples'));
    });
    document.body.append(button);
  });
  return touchToSound(page, '#bench-tone');
}

async function openKiosk(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  await context.addInitScript(listen);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-screen="start"]').waitFor();
  return page;
}

/** Waits until what the kiosk says on its own (the children's question) has been handed over. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (Reflect.get(window, 'benchSpeech') as Timeline).heard.length > 0, undefined, { timeout: 30_000 });
  await quiet(page);
}

interface Run {
  parentsCold: number;
  parentsAfterTouch: number;
  parentsWarm: number;
  childEntryCold: number;
  childPictureWarm: number;
  floor: number;
}

async function measureRun(browser: Browser, url: string): Promise<Run> {
  const parents = await openKiosk(browser, url);
  const parentsCold = await touchToSound(parents, '[data-action="read-aloud"]');
  const parentsWarm = await touchToSound(parents, '[data-action="read-aloud"]');
  const floor = await floorTouch(parents);
  await parents.context().close();

  // A visitor who touches the screen first (here the question, which does nothing) and then asks for it read aloud.
  const looking = await openKiosk(browser, url);
  await quiet(looking);
  await looking.locator('.poll-question').first().tap();
  await looking.waitForTimeout(firstTouchLeadMs);
  const parentsAfterTouch = await touchToSound(looking, '[data-action="read-aloud"]');
  await looking.context().close();

  const children = await openKiosk(browser, url);
  const childEntryCold = await touchToSound(children, '[data-action="children"]');
  await settle(children);
  const childPictureWarm = await touchToSound(children, '[data-option="face-happy"]');
  await children.context().close();
  return { parentsCold, parentsAfterTouch, parentsWarm, childEntryCold, childPictureWarm, floor };
}

async function bytesOf(path: string): Promise<{ raw: number; gzip: number; brotli: number }> {
  const body = await readFile(path);
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const milliseconds = (value: number) => `${Math.round(value)} ms`;

export async function run({ projectRoot, progress }: BenchContext): Promise<BenchSection> {
  const loadBefore = describeLoad('at the start');
  const rendererRoot = join(projectRoot, 'out', 'renderer');
  const worker = (await readdir(join(rendererRoot, 'assets'))).find((name) => /^speech-worker-.*\.js$/.test(name));
  if (worker === undefined) throw new Error('No speech worker in out/renderer/assets: run `npm run build` first');
  const workerBytes = await bytesOf(join(rendererRoot, 'assets', worker));
  const engineBytes = await bytesOf(join(rendererRoot, speechEngineFile));
  const fullModule = (await stat(join(packageDirectory(), 'dist', 'espeak-ng.wasm'))).size;
  const fullScript = (await stat(join(packageDirectory(), 'dist', 'espeak-ng.js'))).size;

  const dataDir = await mkdtemp(join(tmpdir(), 'kerro-bench-speech-'));
  await provisionKiosk(projectRoot, dataDir, '135790');
  const server = await startServerProcess(projectRoot, dataDir);
  const browser = await chromium.launch({ executablePath: requireChromium(), args: headless });
  const results: Run[] = [];
  try {
    for (let index = 0; index < runs; index += 1) {
      progress(`speech run ${index + 1} of ${runs}`);
      results.push(await measureRun(browser, server.url));
    }
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  const column = (pick: (result: Run) => number) => results.map(pick);
  const ratio = (pick: (result: Run) => number) => spread(results.map((result) => pick(result) / result.floor), (value) => `${value.toFixed(1)}×`);
  const row = (label: string, pick: (result: Run) => number) => [label, spread(column(pick), milliseconds), ratio(pick)];
  const warmWorst = Math.max(...column((result) => result.parentsWarm), ...column((result) => result.childPictureWarm));
  const median = (pick: (result: Run) => number) => column(pick).toSorted((first, second) => first - second)[Math.floor(results.length / 2)] ?? Number.NaN;
  const coldMedian = median((result) => result.parentsCold);
  const childrenColdMedian = median((result) => result.childEntryCold);
  const afterTouchWorst = Math.max(...column((result) => result.parentsAfterTouch));
  return {
    title: 'Offline voice (eSpeak NG in a worker)',
    notes: [
      ...(await describeMachine(tmpdir())),
      `Chromium headless, no OS voice; ${runs} runs, each in fresh browser contexts (cold: nothing cached, the worker and the engine fetched and started)`,
      'Touch: the pointerdown; sound: the first piece of samples handed to Web Audio, which starts it at the next render quantum (output latency of the sound device comes on top)',
      loadBefore,
      describeLoad('at the end'),
    ],
    tables: [
      {
        title: 'Touch to first audio sample',
        columns: ['what', 'median (min–max)', '× floor, run by run'],
        rows: [
          row('parents\' read-aloud, cold (first press on a fresh page, the page\'s first touch)', (result) => result.parentsCold),
          row(`parents' read-aloud, first press ${firstTouchLeadMs / 1000} s after a first touch elsewhere`, (result) => result.parentsAfterTouch),
          row('parents\' read-aloud, warm (second press)', (result) => result.parentsWarm),
          row('children\'s way, cold (first touch: "Lapsille", to the question heard)', (result) => result.childEntryCold),
          row('children\'s picture, warm (first touch says its name)', (result) => result.childPictureWarm),
          ['floor: a touch starting a 10 ms tone at once', spread(column((result) => result.floor), milliseconds), '1.0×'],
        ],
      },
      {
        title: 'Bytes the offline voice adds (fetched on a visitor\'s first touch, never before)',
        columns: ['file', 'raw', 'gzip', 'brotli'],
        rows: [
          ['assets/speech-worker-<hash>.js (the worker and eSpeak NG\'s Emscripten script)', kilobytes(workerBytes.raw), kilobytes(workerBytes.gzip), kilobytes(workerBytes.brotli)],
          [`${speechEngineFile} (eSpeak NG in WebAssembly, with the files of fi, sv and en only)`, kilobytes(engineBytes.raw), kilobytes(engineBytes.gzip), kilobytes(engineBytes.brotli)],
          ['the package as published: espeak-ng.js + espeak-ng.wasm (every language)', kilobytes(fullScript + fullModule), '', ''],
        ],
      },
    ],
    checks: [
      { label: `warm touch to first sample ≤ ${targetMs} ms in every run (worst ${Math.round(warmWorst)} ms)`, isMet: warmWorst <= targetMs, isRequired: false },
      { label: `first press after a first touch elsewhere ≤ ${targetMs} ms in every run (worst ${Math.round(afterTouchWorst)} ms)`, isMet: afterTouchWorst <= targetMs, isRequired: false },
      { label: `cold touch to first sample ≤ ${targetMs} ms by the median (${milliseconds(coldMedian)})`, isMet: coldMedian <= targetMs, isRequired: false },
      { label: `children's way, cold, ≤ ${targetMs} ms by the median (${milliseconds(childrenColdMedian)})`, isMet: childrenColdMedian <= targetMs, isRequired: false },
      { label: `the engine is trimmed: ${engineBytes.raw} of ${fullModule} bytes`, isMet: engineBytes.raw < fullModule / 10, isRequired: true },
    ],
  };
}
