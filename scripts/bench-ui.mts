// The parents' screens, measured in Debian's Chromium against the built browser shell and a real
// store (a section of `npm run bench`, alone: `node scripts/bench.mjs ui`). Every figure stands
// beside a floor measured in the same run by the same browser doing the least it can, and each
// is measured in several runs: the tables give the median run with the lowest and highest.
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { describeLoad, describeMachine, summarize, type Latency } from './bench/machine.mjs';
import type { BenchCheck, BenchContext, BenchSection } from './bench/section.mjs';
import { median, runCount, spread } from './bench/repeated.mjs';
import { installProbe } from './bench/ui-probe.mjs';
import { soak, soakTimeLapse } from './bench/ui-soak.mjs';
import { soakReport } from './bench/ui-soak-report.mjs';
import { floorTaps, kioskTaps, tapRun, tapTimeLapse, type TapSample, type TapSubject } from './bench/ui-taps.mjs';
import { requireChromium } from './programs.mjs';
import { provisionKiosk, startServerProcess } from './bench/server-process.mjs';

const runs = runCount('KERRO_BENCH_UI_RUNS', 3);
const taps = Number(process.env.KERRO_BENCH_TAPS ?? 200);
const referenceTaps = Math.min(taps, 50);
const reloads = 30;
const coldStarts = 5;
/**
 * 2,000 answers, measured at ten checkpoints: the heap settles within the first 1,000 (what the
 * first visits build once) and then grows by a straight line whose slope the second half gives;
 * the figure is the growth projected to 10,000 answers (scripts/bench/ui-soak-report.mts).
 * KERRO_BENCH_SOAK=10000 still gives them all.
 */
const soakAnswers = Number(process.env.KERRO_BENCH_SOAK ?? 2_000);
/** Heap and DOM nodes are measured after the warm-up and this many times more, evenly through the soak. */
const soakCheckpoints = 10;
/** The figures the issue gives for an open-source React/Express survey kiosk; not re-measured here. */
const peer = { submitToThanksP95: 58, reloadMedian: 247, bundleKb: 108.6 };
const loadOrder = { start: 0, idle: 1, lazy: 2 };
const loadLabel = { start: 'yes', idle: 'while the start screen is idle', lazy: 'lazy' };
const targets = { tapP95: 33, warmMedian: 150, coldMs: 1000, bundleKb: 90, heapGrowthMb: 5 };

const headless = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/**
 * The flag the kiosk's own Chromium is started with (scripts/start.mjs, docs/deployment.md), as it
 * changes what is measured here: by default Chromium holds back a page's network replies after a
 * tap until it has drawn a frame, which puts one frame between the answer being on disk and the
 * thank-you. A reference run without it shows what it costs.
 */
const kioskFlags = ['--disable-features=DeferRendererTasksAfterInput'];

const launch = (flags: string[]) => chromium.launch({ executablePath: requireChromium(), args: [...headless, ...flags] });



const paintedStart = () => window.kerroBench.whenPainted('start', 0).then((entry) => entry.painted ?? Number.NaN);

/** Navigation start to the first parent screen painted, server warm, page reloaded. */
async function warmStarts(browser: Browser, url: string): Promise<number[]> {
  const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
  await page.addInitScript(installProbe, 1);
  await page.goto(url);
  await page.evaluate(paintedStart);
  const samples: number[] = [];
  for (let index = 0; index < reloads; index += 1) {
    await page.reload();
    samples.push(await page.evaluate(paintedStart));
  }
  await page.context().close();
  return samples;
}

/** The same browser reloading a bare page from the same server: the floor for any start. */
async function loadFloor(browser: Browser, url: string): Promise<number[]> {
  const page = await (await browser.newContext()).newPage();
  const samples: number[] = [];
  await page.goto(`${url}/api/health`);
  for (let index = 0; index < reloads; index += 1) {
    await page.reload();
    samples.push(await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)))));
  }
  await page.context().close();
  return samples;
}

/**
 * Server process spawned to the first parent screen painted, a fresh data folder each time: a copy
 * of one set up by `kerro setup` and never opened (setting up is not part of a start, and takes
 * most of a second of its own).
 */
async function coldStart(browser: Browser, projectRoot: string, setUp: string): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kerro-bench-cold-'));
  await cp(setUp, dataDir, { recursive: true });
  const server = await startServerProcess(projectRoot, dataDir);
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(installProbe, 1);
  await page.goto(server.url);
  await page.evaluate(paintedStart);
  const total = performance.now() - server.spawnedAt;
  await page.context().close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
  return total;
}

interface Loaded {
  path: string;
  encoding: string;
  cache: string;
}

/** Files the build leaves uncompressed on purpose (scripts/build.mjs `precompress`): compressing them saves nothing. */
const smallestCompressed = 513;

/**
 * What the parent screens load: the code fetched until the start screen shows (what a start
 * costs), and apart from it the code fetched after, while the start screen sits idle (the
 * screens one touch away, `app/lazy-screens.ts`).
 */
async function bundle(browser: Browser, url: string, projectRoot: string) {
  const page = await (await browser.newContext()).newPage();
  const responses: Loaded[] = [];
  const hosts = new Set<string>();
  page.on('request', (request) => hosts.add(new URL(request.url()).origin));
  page.on('response', (response) => {
    const headers = response.headers();
    responses.push({ path: new URL(response.url()).pathname, encoding: headers['content-encoding'] ?? 'none', cache: headers['cache-control'] ?? '' });
  });
  // The moment the start screen is first in the page, on the page's own clock: the bench's wait
  // for it returns later, and on a busy machine the idle fetch may have begun by then.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-screen="start"]') === null) return;
      Reflect.set(window, 'kerroStartShownAt', performance.now());
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.locator('[data-screen="start"]').waitFor();
  await page.waitForLoadState('networkidle');
  const requestedBeforeStart = await page.evaluate(() => {
    const shownAt = Number(Reflect.get(window, 'kerroStartShownAt'));
    if (!Number.isFinite(shownAt)) throw new Error('The start screen was seen by the bench but not by the page');
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < shownAt)
      .map((entry) => new URL(entry.name).pathname);
  });
  await page.context().close();
  const assets = join(projectRoot, 'out', 'renderer', 'assets');
  const isCode = (response: Loaded) => /\.(js|css)$/.test(response.path);
  const loadedCode = responses.filter(isCode);
  const startCode = loadedCode.filter((response) => requestedBeforeStart.includes(response.path));
  const chunks: { name: string; raw: number; gzip: number; loaded: 'start' | 'idle' | 'lazy' }[] = [];
  for (const name of (await readdir(assets)).filter((file) => /\.(js|css)$/.test(file))) {
    const bytes = await readFile(join(assets, name));
    const isLoaded = (list: Loaded[]) => list.some((response) => response.path.endsWith(`/${name}`));
    chunks.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, loaded: isLoaded(startCode) ? 'start' : isLoaded(loadedCode) ? 'idle' : 'lazy' });
  }
  const kilobytesOf = (loaded: 'start' | 'idle') => chunks.filter((chunk) => chunk.loaded === loaded).reduce((sum, chunk) => sum + chunk.gzip, 0) / 1024;
  const parentsKb = kilobytesOf('start');
  const idleKb = kilobytesOf('idle');
  const isTiny = (response: Loaded) => chunks.some((chunk) => response.path.endsWith(`/${chunk.name}`) && chunk.raw < smallestCompressed);
  const uncompressed = loadedCode.filter((response) => response.encoding === 'none' && !isTiny(response));
  const outside = [...hosts].filter((origin) => origin !== url && !origin.startsWith('data:'));
  return { parentsKb, idleKb, loadedCode, uncompressed, chunks, outside };
}

/** One figure over several runs: each run's percentiles, and its ratio to the floor's run beside it. */
interface Repeated {
  runs: Latency[];
  floorRuns: Latency[];
}

const ms = (value: number) => value.toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;

function repeatedCells(figure: Repeated): string[] {
  const pick = (key: 'p50' | 'p95' | 'p99') => figure.runs.map((run) => run[key]);
  const ratios = figure.runs.map((run, index) => run.p95 / (figure.floorRuns[index]?.p95 ?? Number.NaN));
  return [`${figure.runs.length} × ${figure.runs[0]?.count ?? 0}`, spread(pick('p50'), ms), spread(pick('p95'), ms), spread(pick('p99'), ms), spread(ratios, ratio)];
}

/** The stages of a tap, each its own percentile over every tap of every run (so they need not add up to the total's). */
const stages: { label: string; from: keyof TapSample; to: keyof TapSample }[] = [
  { label: 'lift-off → fetch called (the app\'s tap handler)', from: 'lift', to: 'fetchStart' },
  { label: 'fetch called → request sent (Chromium)', from: 'fetchStart', to: 'requestStart' },
  { label: 'request sent → first byte of the answer (loopback + server)', from: 'requestStart', to: 'responseStart' },
  { label: '… of which the server: body, validation, journal write + fdatasync (Server-Timing)', from: 'lift', to: 'serverMs' },
  { label: 'first byte → last byte', from: 'responseStart', to: 'responseEnd' },
  { label: 'last byte → JSON in the page (reply handed to the page)', from: 'responseEnd', to: 'parsed' },
  { label: 'JSON → new screen in the DOM (React render and commit)', from: 'parsed', to: 'shown' },
  { label: 'in the DOM → next frame begins', from: 'shown', to: 'frame' },
  { label: 'frame begins → painted', from: 'frame', to: 'painted' },
  { label: 'lift-off → painted (the figure)', from: 'lift', to: 'painted' },
];

function stageOf(sample: TapSample, from: keyof TapSample, to: keyof TapSample): number {
  return to === 'serverMs' ? sample.serverMs : sample[to] - sample[from];
}

function breakdownRows(columns: TapSample[][]): string[][] {
  return stages.map(({ label, from, to }) => [
    label,
    ...columns.flatMap((samples) => {
      const values = samples.map((sample) => stageOf(sample, from, to)).filter((value) => Number.isFinite(value));
      if (values.length === 0) return ['—', '—'];
      const latency = summarize(values);
      return [ms(latency.p50), ms(latency.p95)];
    }),
  ]);
}

const lifted = (samples: TapSample[]) => samples.map((sample) => sample.painted - sample.lift);

async function timedTaps(subject: TapSubject, count: number, label: string, context: BenchContext): Promise<TapSample[]> {
  context.progress(`ui: ${count} taps, ${label}`);
  return tapRun(subject, count);
}

export async function run(context: BenchContext): Promise<BenchSection> {
  const { projectRoot } = context;
  const notes = await describeMachine(tmpdir());
  notes.push(describeLoad('at the start of the UI bench'));
  const dataDir = await mkdtemp(join(tmpdir(), 'kerro-bench-ui-'));
  await provisionKiosk(projectRoot, dataDir, '135790');
  const server = await startServerProcess(projectRoot, dataDir);
  const browser = await launch(kioskFlags);
  try {
    const tap: Repeated = { runs: [], floorRuns: [] };
    const fetchFloor: Repeated = { runs: [], floorRuns: [] };
    const swapFloor: Repeated = { runs: [], floorRuns: [] };
    const warm: Repeated = { runs: [], floorRuns: [] };
    const kioskSamples: TapSample[] = [];
    const fetchSamples: TapSample[] = [];
    const kiosk = await kioskTaps(browser, server.url);
    const withFetch = await floorTaps(browser, server.url, true);
    const bare = await floorTaps(browser, server.url, false);
    for (let index = 1; index <= runs; index += 1) {
      const ofRun = `run ${index}/${runs}`;
      const kioskRun = await timedTaps(kiosk, taps, `Kerro, ${ofRun}`, context);
      const fetchRun = await timedTaps(withFetch, taps, `floor with a fetch, ${ofRun}`, context);
      const bareRun = summarize(lifted(await timedTaps(bare, taps, `bare floor, ${ofRun}`, context)));
      kioskSamples.push(...kioskRun);
      fetchSamples.push(...fetchRun);
      tap.runs.push(summarize(lifted(kioskRun)));
      tap.floorRuns.push(summarize(lifted(fetchRun)));
      fetchFloor.runs.push(summarize(lifted(fetchRun)));
      fetchFloor.floorRuns.push(bareRun);
      swapFloor.runs.push(bareRun);
      swapFloor.floorRuns.push(bareRun);
      context.progress(`ui: start-up, ${ofRun}`);
      warm.runs.push(summarize(await warmStarts(browser, server.url)));
      warm.floorRuns.push(summarize(await loadFloor(browser, server.url)));
    }
    await Promise.all([kiosk.close(), withFetch.close(), bare.close()]);

    context.progress(`ui: reference, Chromium as it comes (${referenceTaps} taps each)`);
    const stock = await launch([]);
    const [stockKioskSamples, stockFetchSamples] = await (async () => {
      try {
        return [await tapRun(await kioskTaps(stock, server.url), referenceTaps), await tapRun(await floorTaps(stock, server.url, true), referenceTaps)];
      } finally {
        await stock.close();
      }
    })();

    context.progress(`ui: ${coldStarts} cold starts, bundle`);
    const cold: number[] = [];
    const setUp = await mkdtemp(join(tmpdir(), 'kerro-bench-set-up-'));
    await provisionKiosk(projectRoot, setUp, '135790');
    for (let index = 0; index < coldStarts; index += 1) cold.push(await coldStart(browser, projectRoot, setUp));
    await rm(setUp, { recursive: true, force: true });
    const coldSummary = summarize(cold);
    const loaded = await bundle(browser, server.url, projectRoot);
    context.progress(`ui: soak of ${soakAnswers} answers`);
    const soaked = await soak(browser, server.url, soakAnswers, Math.ceil(soakAnswers / soakCheckpoints), context);
    const soakFigures = soakReport(soaked, targets.heapGrowthMb);
    notes.push(
      `Chromium headless, 1080×1920 portrait with touch, started with the kiosk's flag ${kioskFlags.join(' ')}; ${runs} runs, each of ${taps} taps on Kerro and on each floor and ${reloads} reloads of each; ${coldStarts} cold starts; ${soakAnswers} answers in the soak.`,
      `A tap is Playwright's touchscreen tap at the centre of the "good" face. It is timed from the lift-off (pointerup, the event that commits the answer) as the page receives it, to the first frame painted after the thank-you appears. After each, the page goes back as a parent would (skip, back) and waits out the cool-down, so every tap finds a warm page at rest; in this page the app's timers run ${tapTimeLapse}× sooner (the idle return comes after 0.3 s, far past a tap), in the soak's page ${soakTimeLapse}×.`,
      `The thank-you waits for the answer's fdatasync: it is the acknowledgement. The floor with a fetch is the same browser's bare page fetching a small answer (kiosk.info, no disk) from the same server on lift-off before it swaps its text; it is the floor for Kerro's tap. Cells are the median run (lowest–highest run).`,
      `Peer figures are the ones given for an open-source React/Express survey kiosk measured on this kind of machine; they are quoted, not re-measured. Floors are measured in this run.`,
      ...soakFigures.notes,
      describeLoad('at the end of the UI bench'),
    );

    const isCompressed = loaded.uncompressed.length === 0;
    const isCached = loaded.loadedCode.every((response) => response.cache.includes('immutable'));
    const tapP95 = median(tap.runs.map((latency) => latency.p95));
    const warmP50 = median(warm.runs.map((latency) => latency.p50));
    const stockKioskLatency = summarize(lifted(stockKioskSamples));
    const stockFetchLatency = summarize(lifted(stockFetchSamples));
    const checks: BenchCheck[] = [
      {
        label: `tap to thank-you p95 ${ms(tapP95)} ms (median of ${runs} runs) ≤ ${targets.tapP95} ms (peer submit-to-thanks p95 ${peer.submitToThanksP95} ms, after a second tap); the floor with a fetch: ${ms(median(fetchFloor.runs.map((latency) => latency.p95)))} ms`,
        isMet: tapP95 <= targets.tapP95,
        isRequired: false,
      },
      { label: `warm start median ${ms(warmP50)} ms ≤ ${targets.warmMedian} ms (peer ${peer.reloadMedian} ms)`, isMet: warmP50 <= targets.warmMedian, isRequired: false },
      { label: `server start to first screen median ${ms(coldSummary.p50)} ms ≤ ${targets.coldMs} ms`, isMet: coldSummary.p50 <= targets.coldMs, isRequired: false },
      { label: `parent screens load ${loaded.parentsKb.toFixed(1)} KB gzipped to show the start screen ≤ ${targets.bundleKb} KB (peer ${peer.bundleKb} KB); ${loaded.idleKb.toFixed(1)} KB more while it sits idle`, isMet: loaded.parentsKb <= targets.bundleKb, isRequired: false },
      { label: `served compressed (${isCompressed}${isCompressed ? '' : `: ${loaded.uncompressed.map((response) => response.path).join(', ')}`}; files under ${smallestCompressed} B are left as they are) with long-lived cache headers (${isCached})`, isMet: isCompressed && isCached, isRequired: false },
      { label: `no request to any outside host (${loaded.outside.length === 0 ? 'none' : loaded.outside.join(', ')})`, isMet: loaded.outside.length === 0, isRequired: true },
      ...soakFigures.checks,
    ];
    return {
      title: 'Parent screens in Chromium',
      notes,
      tables: [
        {
          title: 'Latency, ms: median run (lowest–highest run); ratio: p95 to the floor in the row below it, run by run',
          columns: ['figure', 'runs × samples', 'p50', 'p95', 'p99', 'p95 ÷ floor'],
          rows: [
            ['tap on a face → thank-you painted', ...repeatedCells(tap)],
            ['floor with a fetch: bare page, tap → small answer fetched from the same server → text swapped and painted', ...repeatedCells(fetchFloor)],
            ['floor: bare page, tap → text swapped and painted', ...repeatedCells(swapFloor)],
            ['reload → start screen painted (server warm)', ...repeatedCells(warm)],
            ['floor: reload of a bare page from the same server', ...repeatedCells({ runs: warm.floorRuns, floorRuns: warm.floorRuns })],
            ['server process start → start screen painted', `${coldStarts} × 1`, spread(cold, ms), ms(coldSummary.p95), '—', '—'],
          ],
        },
        {
          title: `Where a tap's time goes, ms (every tap of every run; ${runs * taps} each)`,
          columns: ['stage', 'Kerro p50', 'Kerro p95', 'floor with a fetch p50', 'floor with a fetch p95'],
          rows: breakdownRows([kioskSamples, fetchSamples]),
        },
        {
          title: `For reference: Chromium as it comes, without the kiosk's flag (one run of ${referenceTaps} taps each), ms`,
          columns: ['figure', 'p50', 'p95', 'p99', 'p95 ÷ floor', 'last byte → JSON in the page, p50'],
          rows: [
            ['tap on a face → thank-you painted', ms(stockKioskLatency.p50), ms(stockKioskLatency.p95), ms(stockKioskLatency.p99), ratio(stockKioskLatency.p95 / stockFetchLatency.p95), ms(summarize(stockKioskSamples.map((sample) => sample.parsed - sample.responseEnd)).p50)],
            ['floor with a fetch', ms(stockFetchLatency.p50), ms(stockFetchLatency.p95), ms(stockFetchLatency.p99), ratio(1), ms(summarize(stockFetchSamples.map((sample) => sample.parsed - sample.responseEnd)).p50)],
          ],
        },
        {
          title: 'What the screens load (gzip -9)',
          columns: ['chunk', 'raw KB', 'gzip KB', 'parents load it'],
          rows: loaded.chunks
            .sort((left, right) => loadOrder[left.loaded] - loadOrder[right.loaded] || right.gzip - left.gzip)
            .map((chunk) => [chunk.name, (chunk.raw / 1024).toFixed(1), (chunk.gzip / 1024).toFixed(1), loadLabel[chunk.loaded]]),
        },
        soakFigures.table,
      ],
      checks,
    };
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
