import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { requireChromium } from '../../scripts/programs.mjs';

const projectRoot = join(import.meta.dirname, '..', '..');

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: [...chromiumArgs, ...extraArgs] });
}

/**
 * One Chromium for a test file: launched before its first test, closed after its last (after the
 * file's own afterAll hooks, as hooks end in reverse order). Called at the file's top level; the
 * function it returns gives the browser inside hooks and tests.
 */
export function useBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launchChromium(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === null) throw new Error('The browser is launched in beforeAll: use it inside a hook or a test');
    return browser;
  };
}

/** The kiosk's start screen in a fresh touch context, portrait by default, as a parent meets it; `initScript` runs in the page before Kerro's own. */
export async function openTouchKiosk(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = { width: 1080, height: 1920 },
  initScript?: () => void,
): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  if (initScript !== undefined) await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-screen="start"]').waitFor();
  return page;
}

export interface RunningKerro {
  url: string;
  dataDir: string;
  /** Ends the server the hard way, as a power cut would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export const e2eStaffPin = '24681012';

export interface StartOptions {
  /** A fresh data folder is set up with `kerro setup` first, as IT would, unless this is false. */
  isSetUp?: boolean;
}

/** Runs the built `kerro setup` on a data folder, the PIN on standard input as a real install gives it. */
export function provisionKerro(dataDir: string, site = 'Perheiden piha', languages = 'fi,sv,en'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'out', 'cli', 'main.mjs'), 'setup', '--data', dataDir, '--site', site, '--languages', languages], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kerro setup failed (${code}):\n${output}`))));
    child.stdin.end(`${e2eStaffPin}\n`);
  });
}

/** Ends a server when the test process that started it ends: see the file. */
export const exitWithParent = pathToFileURL(join(import.meta.dirname, 'exit-with-parent.mjs')).href;

/**
 * Starts the built browser shell (`out/server/main.mjs`) on a free port with its own data folder,
 * set up first when the folder is new, so tests meet the parents' start screen.
 */
export async function startKerro(dataDir: string, environment: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningKerro> {
  if (options.isSetUp !== false && !existsSync(join(dataDir, 'kiosk.json'))) await provisionKerro(dataDir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', exitWithParent, join(projectRoot, 'out', 'server', 'main.mjs')], {
      env: { ...process.env, KERRO_DATA_DIR: dataDir, KERRO_PORT: '0', ...environment },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1] !== undefined) {
        child.stdout?.off('data', onData);
        registerCleanup(() => end(child, 'SIGKILL'));
        resolve({ url: match[1], dataDir, kill: () => end(child, 'SIGKILL'), stop: () => end(child, 'SIGTERM') });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('exit', (code) => reject(new Error(`The server exited (${code}) before it was ready:\n${output}`)));
  });
}

/** A server outlives a failed assertion otherwise; it goes when its test (or file, from a hook) ends. */
function registerCleanup(cleanup: () => Promise<void>): void {
  try {
    onTestFinished(cleanup);
  } catch {
    afterAll(cleanup);
  }
}

function end(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function screenshotDir(): Promise<string> {
  const directory = join(projectRoot, 'test-results', 'screenshots');
  await mkdir(directory, { recursive: true });
  return directory;
}

export async function health(kerro: RunningKerro): Promise<{ answersStored: number; kioskId: string }> {
  const response = await fetch(`${kerro.url}/api/health`);
  const body = (await response.json()) as { ok: boolean; value: { answersStored: number; kioskId: string } };
  return body.value;
}
