// The parents' screens measured in Chromium against the built browser shell and a real store:
// tap to thank-you, start-up, what the parent screens load, and a long soak.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { summarize } from './stats.mjs';

const root = join(import.meta.dirname, '..', '..');
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-precise-memory-info', '--js-flags=--expose-gc',
];

/** Records when a screen appears and the frame after it is painted, without touching the app. */
const probe = () => {
  window.kerroBench = { taps: [], screens: [] };
  addEventListener('pointerdown', () => window.kerroBench.taps.push(performance.now()), { capture: true });
  new MutationObserver(() => {
    const screen = document.querySelector('[data-screen]')?.getAttribute('data-screen');
    const last = window.kerroBench.screens.at(-1);
    if (screen === undefined || screen === null || last?.screen === screen) return;
    const entry = { screen, shown: performance.now(), painted: null };
    window.kerroBench.screens.push(entry);
    // The callback runs before the frame is drawn; the task after it runs once it has been.
    requestAnimationFrame(() => setTimeout(() => { entry.painted = performance.now(); }, 0));
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-screen'] });
};

export async function startServer(dataDir, provision) {
  if (provision !== undefined) await provision(dataDir);
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'out', 'server', 'main.mjs')], {
    env: { ...process.env, KERRO_DATA_DIR: dataDir, KERRO_PORT: '0' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match !== null) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(`server exited: ${output}`)));
  });
  return { url, started, stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); }) };
}

async function painted(page, screen, after = 0) {
  const handle = await page.waitForFunction(
    ([name, since]) => window.kerroBench.screens.find((entry) => entry.screen === name && entry.shown >= since && entry.painted !== null),
    [screen, after],
    { polling: 'raf' },
  );
  return handle.jsonValue();
}

async function tapToThanks(browser, url, taps) {
  const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true })).newPage();
  await page.addInitScript(probe);
  await page.goto(url);
  await painted(page, 'start');
  const samples = [];
  for (let index = 0; index < taps; index += 1) {
    const before = await page.evaluate(() => performance.now());
    await page.locator('[data-option="good"]').tap();
    const shown = await painted(page, 'follow-up', before);
    const tap = await page.evaluate((since) => window.kerroBench.taps.find((time) => time >= since), before);
    samples.push(shown.painted - tap);
    await page.locator('.secondary-button').tap();
    await page.locator('[data-screen="thanks"] button').tap();
    await page.locator('[data-screen="start"]').waitFor();
  }
  await page.context().close();
  return samples;
}

async function startTimes(browser, url, runs) {
  const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
  await page.addInitScript(probe);
  const samples = [];
  await page.goto(url);
  for (let index = 0; index < runs; index += 1) {
    await page.reload();
    samples.push((await painted(page, 'start')).painted);
  }
  await page.context().close();
  return samples;
}

async function coldStart(browser, provision) {
  const dataDir = await mkdtemp(join(tmpdir(), 'kerro-bench-cold-'));
  const server = await startServer(dataDir, provision);
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(probe);
  await page.goto(server.url);
  await painted(page, 'start');
  const total = performance.now() - server.started;
  await page.context().close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
  return total;
}

async function bundle(browser, url) {
  const page = await (await browser.newContext()).newPage();
  const requests = [];
  page.on('response', async (response) => {
    const headers = response.headers();
    requests.push({ url: response.url(), encoding: headers['content-encoding'] ?? 'none', cache: headers['cache-control'] ?? '' });
  });
  await page.goto(url);
  await page.locator('[data-screen="start"]').waitFor();
  await page.waitForLoadState('networkidle');
  await page.context().close();
  const loaded = requests.filter((request) => /\.(js|css)$/.test(new URL(request.url).pathname));
  let gzipped = 0;
  for (const request of loaded) {
    gzipped += gzipSync(await readFile(join(root, 'out', 'renderer', new URL(request.url).pathname))).length;
  }
  const chunks = [];
  for (const name of await readdir(join(root, 'out', 'renderer', 'assets'))) {
    const bytes = await readFile(join(root, 'out', 'renderer', 'assets', name));
    chunks.push({ name, raw: bytes.length, gzip: gzipSync(bytes).length, parent: loaded.some((request) => request.url.endsWith(name)) });
  }
  const outside = requests.filter((request) => !request.url.startsWith(url) && !request.url.startsWith('data:'));
  return { gzipped, loaded, chunks, outside };
}

async function soak(browser, url, answers) {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-screen="start"]').waitFor();
  const session = await context.newCDPSession(page);
  const measure = async () => {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    const { nodes } = await session.send('Memory.getDOMCounters');
    return { heap: usedSize, nodes };
  };
  const start = await measure();
  for (let index = 0; index < answers; index += 1) {
    await page.locator('[data-option="okay"]').tap();
    await page.locator('.secondary-button').tap();
    await page.locator('[data-screen="thanks"] button').tap();
    await page.locator('[data-screen="start"]').waitFor();
  }
  const end = await measure();
  await context.close();
  return { start, end };
}

/** Runs every UI figure; `provision` prepares a fresh data folder if the kiosk needs set-up first. */
export async function benchUi({ taps = 200, reloads = 30, soakAnswers = 10_000, provision } = {}) {
  const browser = await chromium.launch({ executablePath: process.env.KERRO_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
  const dataDir = await mkdtemp(join(tmpdir(), 'kerro-bench-ui-'));
  const server = await startServer(dataDir, provision);
  try {
    const tap = summarize(await tapToThanks(browser, server.url, taps));
    const warm = summarize(await startTimes(browser, server.url, reloads));
    const cold = [];
    for (let run = 0; run < 5; run += 1) cold.push(await coldStart(browser, provision));
    const loaded = await bundle(browser, server.url);
    const soaked = await soak(browser, server.url, soakAnswers);
    return { tap, warm, cold: summarize(cold), bundle: loaded, soak: soaked, soakAnswers };
  } finally {
    await server.stop();
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
