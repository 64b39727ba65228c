// The parents' screens, measured in Debian's Chromium against the built browser shell and a real
// store (a section of `npm run bench`, alone: `npm run bench -- ui`). Every figure stands beside a
// floor measured in the same run: the same browser doing the least it can (a bare page swapping
// its text on a tap, a bare page loading), so the ratio shows what Kerro itself adds.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describeLoad, describeMachine, summarize, type Latency } from './bench/machine.mjs';
import type { BenchCheck, BenchContext, BenchSection } from './bench/section.mjs';

const taps = Number(process.env.KERRO_BENCH_TAPS ?? 200);
const reloads = 30;
const coldStarts = 5;
const warmUpAnswers = 20;
const soakAnswers = Number(process.env.KERRO_BENCH_SOAK ?? 10_000);
/** The figures the issue gives for an open-source React/Express survey kiosk; not re-measured here. */
const peer = { submitToThanksP95: 58, reloadMedian: 247, bundleKb: 108.6 };
const targets = { tapP95: 33, warmMedian: 150, coldMs: 1000, bundleKb: 90, heapGrowthMb: 5 };

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface ScreenEntry {
  screen: string;
  shown: number;
  painted: number | null;
}

declare global {
  interface Window {
    kerroBench: { taps: number[]; screens: ScreenEntry[] };
  }
}

/** Records when a screen appears and when the frame after it has been drawn, without touching the app. */
function probe(): void {
  window.kerroBench = { taps: [], screens: [] };
  addEventListener('pointerdown', () => window.kerroBench.taps.push(performance.now()), { capture: true });
  new MutationObserver(() => {
    const screen = document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? null;
    const last = window.kerroBench.screens.at(-1);
    if (screen === null || last?.screen === screen) return;
    const entry: ScreenEntry = { screen, shown: performance.now(), painted: null };
    window.kerroBench.screens.push(entry);
    // A frame callback runs just before the frame is drawn; a task queued from it runs after.
    requestAnimationFrame(() =>
      setTimeout(() => {
        entry.painted = performance.now();
      }, 0),
    );
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-screen'] });
}

async function painted(page: Page, screen: string, since = 0): Promise<ScreenEntry & { painted: number }> {
  const handle = await page.waitForFunction(
    ([name, after]) => window.kerroBench.screens.find((entry) => entry.screen === name && entry.shown >= after && entry.painted !== null) ?? null,
    [screen, since] as const,
    { polling: 'raf' },
  );
  const entry = (await handle.jsonValue()) as ScreenEntry;
  return { ...entry, painted: entry.painted ?? Number.NaN };
}

async function provision(projectRoot: string, dataDir: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'out', 'cli', 'main.mjs'), 'setup', '--data', dataDir, '--site', 'Perheiden piha', '--languages', 'fi,sv,en'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    child.stdin.end('135790\n');
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kerro setup failed (${code})`))));
  });
}

interface Server {
  url: string;
  spawnedAt: number;
  stop(): Promise<void>;
}

async function startServer(projectRoot: string, dataDir: string): Promise<Server> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'out', 'server', 'main.mjs')], {
    env: { ...process.env, KERRO_DATA_DIR: dataDir, KERRO_PORT: '0' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(`the server exited: ${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, spawnedAt, stop };
}

async function kioskPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(url);
  await painted(page, 'start');
  return page;
}

/** From the finger touching a face to the first painted frame of the thank-you. */
async function tapToThanks(browser: Browser, url: string): Promise<number[]> {
  const page = await kioskPage(browser, url);
  const samples: number[] = [];
  for (let index = 0; index < taps; index += 1) {
    const before = await page.evaluate(() => performance.now());
    await page.locator('[data-option="good"]').tap();
    const thanks = await painted(page, 'follow-up', before);
    const tap = await page.evaluate((since) => window.kerroBench.taps.find((time) => time >= since) ?? Number.NaN, before);
    samples.push(thanks.painted - tap);
    // A fresh page for the next parent: going back by hand would wait out the start screen's
    // cool-down, which is there for parents, not for this figure.
    await page.reload();
    await painted(page, 'start');
  }
  await page.context().close();
  return samples;
}

/** The same browser, a bare page whose button swaps its text: the least a tap-to-paint can take. */
async function tapFloor(browser: Browser): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  const page = await context.newPage();
  await page.setContent('<main data-screen="start"><button style="width:300px;height:300px">tap</button></main>');
  // setContent is no navigation, so an init script would not run: the probe goes in by hand.
  await page.evaluate(probe);
  await page.evaluate(() => {
    const button = document.querySelector('button');
    button?.addEventListener('pointerup', () => document.querySelector('main')?.setAttribute('data-screen', `done-${performance.now()}`));
  });
  const samples: number[] = [];
  for (let index = 0; index < taps; index += 1) {
    const before = await page.evaluate(() => performance.now());
    await page.locator('button').tap();
    const entry = await page.waitForFunction(
      (since) => window.kerroBench.screens.find((screen) => screen.screen.startsWith('done') && screen.shown >= since && screen.painted !== null) ?? null,
      before,
      { polling: 'raf' },
    );
    const shown = (await entry.jsonValue()) as ScreenEntry;
    const tap = await page.evaluate((since) => window.kerroBench.taps.find((time) => time >= since) ?? Number.NaN, before);
    samples.push((shown.painted ?? Number.NaN) - tap);
    await page.evaluate(() => document.querySelector('main')?.setAttribute('data-screen', 'start'));
  }
  await context.close();
  return samples;
}

/** Navigation start to the first parent screen painted, server warm, page reloaded. */
async function warmStarts(browser: Browser, url: string): Promise<number[]> {
  const page = await kioskPage(browser, url);
  const samples: number[] = [];
  for (let index = 0; index < reloads; index += 1) {
    await page.reload();
    samples.push((await painted(page, 'start')).painted);
  }
  await page.context().close();
  return samples;
}

/** The same browser loading a bare page from the same server: the floor for any start. */
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

/** Server process spawned to the first parent screen painted, a fresh data folder each time. */
async function coldStart(browser: Browser, projectRoot: string): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kerro-bench-cold-'));
  await provision(projectRoot, dataDir);
  const server = await startServer(projectRoot, dataDir);
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(probe);
  await page.goto(server.url);
  await painted(page, 'start');
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

async function bundle(browser: Browser, url: string, projectRoot: string) {
  const page = await (await browser.newContext()).newPage();
  const responses: Loaded[] = [];
  const hosts = new Set<string>();
  page.on('request', (request) => hosts.add(new URL(request.url()).origin));
  page.on('response', (response) => {
    const headers = response.headers();
    responses.push({ path: new URL(response.url()).pathname, encoding: headers['content-encoding'] ?? 'none', cache: headers['cache-control'] ?? '' });
  });
  await page.goto(url);
  await page.locator('[data-screen="start"]').waitFor();
  await page.waitForLoadState('networkidle');
  await page.context().close();
  const assets = join(projectRoot, 'out', 'renderer', 'assets');
  const loadedCode = responses.filter((response) => /\.(js|css)$/.test(response.path));
  const chunks: { name: string; raw: number; gzip: number; isParents: boolean }[] = [];
  for (const name of (await readdir(assets)).filter((file) => /\.(js|css)$/.test(file))) {
    const bytes = await readFile(join(assets, name));
    chunks.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, isParents: loadedCode.some((response) => response.path.endsWith(`/${name}`)) });
  }
  const parentsKb = chunks.filter((chunk) => chunk.isParents).reduce((sum, chunk) => sum + chunk.gzip, 0) / 1024;
  const outside = [...hosts].filter((origin) => origin !== url && !origin.startsWith('data:'));
  return { parentsKb, loadedCode, chunks, outside };
}

/**
 * Answers in one session, each through the whole flow (face, skip, back to start). The page's
 * clock is Playwright's, moved on past each cool-down, so the soak takes minutes, not hours.
 */
async function soak(browser: Browser, url: string, context: BenchContext) {
  const browserContext = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  const page = await browserContext.newPage();
  await page.clock.install();
  await page.goto(url);
  await page.locator('[data-screen="start"]').waitFor();
  const session = await page.context().newCDPSession(page);
  const measure = async () => {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    const { nodes } = await session.send('Memory.getDOMCounters');
    return { heapMb: usedSize / 2 ** 20, nodes };
  };
  // A few answers first, so what every visit builds once (lazy screens, caches) is not counted as growth.
  for (let index = 0; index < warmUpAnswers; index += 1) {
    await page.evaluate(answerOnce);
    await page.clock.runFor(1500);
  }
  const start = await measure();
  const started = performance.now();
  for (let index = 0; index < soakAnswers; index += 1) {
    await page.evaluate(answerOnce);
    await page.clock.runFor(1500);
    if (index % 1000 === 999) context.progress(`ui: soak ${index + 1}/${soakAnswers}`);
  }
  await page.locator('[data-screen="start"]').waitFor();
  const end = await measure();
  await browserContext.close();
  return { start, end, seconds: (performance.now() - started) / 1000 };
}

/** One parent, inside the page: a face, skip, back to start; each step waits for its screen. */
async function answerOnce(): Promise<void> {
  const screen = (name: string) =>
    new Promise<Element>((resolve) => {
      const find = () => document.querySelector(`[data-screen="${name}"]`);
      const found = find();
      if (found !== null) return resolve(found);
      const observer = new MutationObserver(() => {
        const element = find();
        if (element === null) return;
        observer.disconnect();
        resolve(element);
      });
      observer.observe(document, { childList: true, subtree: true });
    });
  const press = (element: Element | null) => {
    if (element instanceof HTMLElement) element.click();
  };
  press((await screen('start')).querySelector('[data-option="okay"]'));
  press((await screen('follow-up')).querySelector('.secondary-button'));
  press((await screen('thanks')).querySelector('button'));
  await screen('start');
}

const ms = (value: number) => value.toFixed(1);
const latencyCells = (latency: Latency, floor: Latency) => [ms(latency.p50), ms(latency.p95), ms(latency.p99), `${(latency.p95 / floor.p95).toFixed(2)}×`];

export async function run(context: BenchContext): Promise<BenchSection> {
  const { projectRoot } = context;
  const notes = await describeMachine(tmpdir());
  notes.push(describeLoad('at the start of the UI bench'));
  const browser = await chromium.launch({ executablePath: process.env.KERRO_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
  const dataDir = await mkdtemp(join(tmpdir(), 'kerro-bench-ui-'));
  await provision(projectRoot, dataDir);
  const server = await startServer(projectRoot, dataDir);
  try {
    context.progress(`ui: ${taps} taps`);
    const tap = summarize(await tapToThanks(browser, server.url));
    const tapBase = summarize(await tapFloor(browser));
    context.progress('ui: start-up');
    const warm = summarize(await warmStarts(browser, server.url));
    const loadBase = summarize(await loadFloor(browser, server.url));
    const cold: number[] = [];
    for (let index = 0; index < coldStarts; index += 1) cold.push(await coldStart(browser, projectRoot));
    const coldSummary = summarize(cold);
    const loaded = await bundle(browser, server.url, projectRoot);
    context.progress(`ui: soak of ${soakAnswers} answers`);
    const soaked = await soak(browser, server.url, context);
    notes.push(`Chromium headless, 1080×1920 portrait with touch; ${taps} taps, ${reloads} reloads, ${coldStarts} cold starts, ${soakAnswers} answers in the soak (${soaked.seconds.toFixed(0)} s)`);
    notes.push(`Peer figures are the ones given for an open-source React/Express survey kiosk measured on this kind of machine; they are quoted, not re-measured. Floors are measured in this run.`);
    notes.push(describeLoad('at the end of the UI bench'));

    const heapGrowth = soaked.end.heapMb - soaked.start.heapMb;
    const isCompressed = loaded.loadedCode.every((response) => response.encoding !== 'none');
    const isCached = loaded.loadedCode.every((response) => response.cache.includes('immutable'));
    const checks: BenchCheck[] = [
      { label: `tap to thank-you p95 ${ms(tap.p95)} ms ≤ ${targets.tapP95} ms (peer submit-to-thanks p95 ${peer.submitToThanksP95} ms, after a second tap)`, isMet: tap.p95 <= targets.tapP95, isRequired: false },
      { label: `warm start median ${ms(warm.p50)} ms ≤ ${targets.warmMedian} ms (peer ${peer.reloadMedian} ms)`, isMet: warm.p50 <= targets.warmMedian, isRequired: false },
      { label: `server start to first screen median ${ms(coldSummary.p50)} ms ≤ ${targets.coldMs} ms`, isMet: coldSummary.p50 <= targets.coldMs, isRequired: false },
      { label: `parent screens load ${loaded.parentsKb.toFixed(1)} KB gzipped ≤ ${targets.bundleKb} KB (peer ${peer.bundleKb} KB)`, isMet: loaded.parentsKb <= targets.bundleKb, isRequired: false },
      { label: `served compressed (${isCompressed}) with long-lived cache headers (${isCached})`, isMet: isCompressed && isCached, isRequired: false },
      { label: `no request to any outside host (${loaded.outside.length === 0 ? 'none' : loaded.outside.join(', ')})`, isMet: loaded.outside.length === 0, isRequired: true },
      { label: `soak heap growth ${heapGrowth.toFixed(2)} MB ≤ ${targets.heapGrowthMb} MB; DOM nodes ${soaked.start.nodes} → ${soaked.end.nodes}`, isMet: heapGrowth <= targets.heapGrowthMb && soaked.end.nodes <= soaked.start.nodes * 1.1, isRequired: false },
    ];
    return {
      title: 'Parent screens in Chromium',
      notes,
      tables: [
        {
          title: 'Latency, ms (ratio: p95 to the same browser\'s floor)',
          columns: ['figure', 'p50', 'p95', 'p99', 'p95 ÷ floor'],
          rows: [
            ['tap on a face → thank-you painted', ...latencyCells(tap, tapBase)],
            ['floor: bare page, tap → text swapped and painted', ...latencyCells(tapBase, tapBase)],
            ['reload → start screen painted (server warm)', ...latencyCells(warm, loadBase)],
            ['floor: reload of a bare page from the same server', ...latencyCells(loadBase, loadBase)],
            ['server process start → start screen painted', ms(coldSummary.p50), ms(coldSummary.p95), ms(coldSummary.p99), '—'],
          ],
        },
        {
          title: 'What the screens load (gzip -9)',
          columns: ['chunk', 'raw KB', 'gzip KB', 'parents load it'],
          rows: loaded.chunks
            .sort((left, right) => Number(right.isParents) - Number(left.isParents) || right.gzip - left.gzip)
            .map((chunk) => [chunk.name, (chunk.raw / 1024).toFixed(1), (chunk.gzip / 1024).toFixed(1), chunk.isParents ? 'yes' : 'lazy']),
        },
        {
          title: `Soak: ${soakAnswers} answers through the screens in one session`,
          columns: ['when', 'JS heap after GC, MB', 'DOM nodes'],
          rows: [
            ['start', soaked.start.heapMb.toFixed(2), String(soaked.start.nodes)],
            ['end', soaked.end.heapMb.toFixed(2), String(soaked.end.nodes)],
          ],
        },
      ],
      checks,
    };
  } finally {
    await server.stop();
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
