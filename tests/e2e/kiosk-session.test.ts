import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionKerro, screenshotDir } from '../support/browser-shell';
import { submitStandingAnswer } from '../support/kerro-api';
import { freePort, startSession, type RunningSession } from '../support/kiosk-session';
import { makeTempDir } from '../support/temp-dir';
import { pressKeys, sameShare, startXvfb, tapAt, type XDisplay } from '../support/x-display';

// The documented browser kiosk (docs/deployment.md): the session supervisor runs Kerro's server
// and Chromium in kiosk mode on an X display with no desktop. Here the display is Xvfb; keys and
// taps go in through the X server (xdotool), and the screen is read from Xvfb's framebuffer.
let display: XDisplay;
let session: RunningSession;
let url: string;
let debugPort: number;
let browser: Browser | null = null;

beforeAll(async () => {
  display = await startXvfb(720, 1280);
  const dataDir = await makeTempDir();
  await provisionKerro(dataDir);
  const port = await freePort();
  debugPort = await freePort();
  url = `http://127.0.0.1:${port}`;
  const testFlags = ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--remote-debugging-port=${debugPort}`];
  // Chromium's sandbox refuses to run as root; a kiosk user never needs this.
  if (process.getuid?.() === 0) testFlags.push('--no-sandbox');
  session = startSession(display, { KERRO_DATA_DIR: dataDir, KERRO_PORT: String(port), KERRO_RESTART_DELAY_MS: '200', KERRO_BROWSER_FLAGS: testFlags.join(' ') });
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  const code = await session.stop();
  await display.stop();
  expect(code).toBe(0);
});

/** The page targets Chromium's DevTools port lists, or none while the browser is not up. */
async function listedPages(): Promise<string[]> {
  try {
    const targets = (await (await fetch(`http://127.0.0.1:${debugPort}/json/list`)).json()) as Array<{ type: string; url: string }>;
    return targets.filter((target) => target.type === 'page').map((target) => target.url);
  } catch {
    return [];
  }
}

/** The kiosk's own page, seen through Chromium's DevTools port once the browser (re)started and listed it. */
async function kioskPage(): Promise<Page> {
  await browser?.close().catch(() => undefined);
  browser = null;
  await expect.poll(listedPages, { timeout: 20_000, interval: 200 }).toEqual([`${url}/`]);
  browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`, { timeout: 20_000 });
  const page = browser.contexts()[0]?.pages()[0];
  if (page === undefined) throw new Error('The kiosk browser shows no page');
  await page.locator('[data-screen="start"]').waitFor({ timeout: 15_000 });
  return page;
}

/** Waits until the screen shows what the browser drew for its page, and saves the screen. */
async function expectScreenShowsPage(page: Page, name: string): Promise<void> {
  const drawn = PNG.sync.read(await page.screenshot());
  let share = 0;
  for (let attempt = 0; attempt < 20 && share < 0.99; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 150));
    const screen = await display.capture();
    share = sameShare(screen, drawn);
    if (share >= 0.99 || attempt === 19) await writeFile(join(await screenshotDir(), name), PNG.sync.write(screen));
  }
  expect(share).toBeGreaterThanOrEqual(0.99);
}

async function answersStored(): Promise<number> {
  const body = (await (await fetch(`${url}/api/health`)).json()) as { value: { answersStored: number } };
  return body.value.answersStored;
}

const browserPid = () => [...session.events].reverse().find((event) => event.event === 'session.started' && event.program === 'browser')?.pid;
const serverPid = () => [...session.events].reverse().find((event) => event.event === 'session.started' && event.program === 'server')?.pid;

describe('the browser kiosk session', () => {
  it('shows the start screen full screen, and no shortcut leaves it', async () => {
    await session.next((event) => event.event === 'session.started' && event.program === 'browser');
    const page = await kioskPage();
    await expectScreenShowsPage(page, 'kiosk-session-start.png');
    // Each key is recorded once the page has seen it, so the check waits for the key, not a clock.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { seenKeys: seen });
      window.addEventListener('keydown', (event) => seen.push(`${event.key}:${event.defaultPrevented}`));
    });
    const pid = browserPid();
    for (const [keys, key] of [['alt+F4', 'F4'], ['ctrl+w', 'w'], ['ctrl+l', 'l'], ['F11', 'F11'], ['ctrl+shift+i', 'I']] as const) {
      pressKeys(display, keys);
      await page.waitForFunction((expected) => (window as unknown as { seenKeys: string[] }).seenKeys.includes(`${expected}:true`), key, { timeout: 5000 });
    }
    // One more round trip after the last key: the browser has acted on all five by now.
    expect(await page.evaluate(() => [location.href, document.fullscreenElement === null, window.innerWidth])).toEqual([`${url}/`, true, display.width + 1]);
    expect(browserPid()).toBe(pid);
    expect(session.events.filter((event) => event.event === 'session.exited')).toEqual([]);
    const targets = browser?.contexts().flatMap((context) => context.pages().map((open) => open.url()));
    expect(targets).toEqual([`${url}/`]);
    await expectScreenShowsPage(page, 'kiosk-session-after-keys.png');
  });

  it('brings the browser back when it dies, on the start screen', async () => {
    for (const option of ['good', 'very-good', 'bad']) await submitStandingAnswer({ url }, option);
    const pid = browserPid();
    expect(pid).toBeDefined();
    process.kill(pid ?? 0, 'SIGKILL');
    const exited = await session.next((event) => event.event === 'session.exited' && event.program === 'browser');
    expect(exited.signal).toBe('SIGKILL');
    await session.next((event) => event.event === 'session.started' && event.program === 'browser');
    expect(browserPid()).not.toBe(pid);
    await expectScreenShowsPage(await kioskPage(), 'kiosk-session-browser-restarted.png');
    expect(await answersStored()).toBe(3);
  });

  it('brings the server back when it dies, with every answer kept, and the screen answers again', async () => {
    const pid = serverPid();
    process.kill(pid ?? 0, 'SIGKILL');
    await session.next((event) => event.event === 'session.exited' && event.program === 'server');
    await session.next((event) => event.event === 'server.serving');
    expect(serverPid()).not.toBe(pid);
    expect(await answersStored()).toBe(3);
    // A tap on the screen the browser kept showing reaches the new server.
    const page = await kioskPage();
    const face = await page.locator('.face-button[data-option="very-good"]').boundingBox();
    if (face === null) throw new Error('No face button on the start screen');
    tapAt(display, face.x + face.width / 2, face.y + face.height / 2);
    await page.locator('[data-screen="start"]').waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(answersStored, { timeout: 10_000 }).toBe(4);
  });
});
