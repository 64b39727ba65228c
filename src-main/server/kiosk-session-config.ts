import { join } from 'node:path';
import { defaultDataDir } from '../core/data-dir';
import { defaultRestartPolicy, type RestartPolicy } from './supervisor';

export const defaultSessionPort = 4730;

export interface KioskSessionConfig {
  port: number;
  dataDir: string;
  restartPolicy: RestartPolicy;
  /** The screen's size in pixels, for a display with no window manager to make the kiosk full screen. */
  screenSize: { width: number; height: number } | null;
  /** More Chromium flags, for the machine at hand (a test's `--no-sandbox` as root, say). */
  extraBrowserFlags: string[];
}

export type ConfigResult = { ok: true; config: KioskSessionConfig } | { ok: false; message: string };

/** The session's settings from its environment; a wrong one is refused with one line that names it. */
export function readSessionConfig(environment: NodeJS.ProcessEnv): ConfigResult {
  if ((environment.DISPLAY ?? '') === '') return { ok: false, message: 'The kiosk session needs a display: set DISPLAY (an X server with no desktop, see docs/deployment.md).' };
  const port = environment.KERRO_PORT ?? String(defaultSessionPort);
  const portNumber = Number(port);
  // The browser keeps the address across the server's restarts, so the port must stay the same.
  if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) return { ok: false, message: `KERRO_PORT must be a fixed port number from 1 to 65535 for the kiosk session, not "${port}".` };
  const delay = environment.KERRO_RESTART_DELAY_MS ?? String(defaultRestartPolicy.firstDelayMs);
  const firstDelayMs = Number(delay);
  if (!Number.isInteger(firstDelayMs) || firstDelayMs < 100 || firstDelayMs > 60_000) return { ok: false, message: `KERRO_RESTART_DELAY_MS must be whole milliseconds from 100 to 60000, not "${delay}".` };
  const size = environment.KERRO_SCREEN_SIZE ?? '';
  const sizeMatch = /^(\d{3,5})x(\d{3,5})$/.exec(size);
  if (size !== '' && sizeMatch === null) return { ok: false, message: `KERRO_SCREEN_SIZE must be WIDTHxHEIGHT in pixels, such as 1080x1920, not "${size}".` };
  return {
    ok: true,
    config: {
      port: portNumber,
      dataDir: defaultDataDir(environment),
      restartPolicy: { ...defaultRestartPolicy, firstDelayMs, maxDelayMs: Math.max(firstDelayMs, defaultRestartPolicy.maxDelayMs) },
      screenSize: sizeMatch === null ? null : { width: Number(sizeMatch[1]), height: Number(sizeMatch[2]) },
      extraBrowserFlags: (environment.KERRO_BROWSER_FLAGS ?? '').split(/\s+/).filter((flag) => flag !== ''),
    },
  };
}

/** Chromium in kiosk mode on the kiosk's own address, with its profile beside the kiosk's data. */
export function browserArguments(config: KioskSessionConfig): string[] {
  // Without a window manager Chromium keeps a window of exactly the screen's size one pixel short
  // of it (a black line at two edges), so it is asked for one pixel more, which the screen clips.
  const size = config.screenSize === null ? [] : ['--window-position=0,0', `--window-size=${config.screenSize.width + 1},${config.screenSize.height + 1}`];
  return [
    '--kiosk',
    `--app=http://127.0.0.1:${config.port}/`,
    '--no-first-run',
    '--noerrdialogs',
    // After the browser was killed, Chromium would offer to restore the last pages.
    '--hide-crash-restore-bubble',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    // DeferRendererTasksAfterInput: Chromium holds a page's network replies back after a tap until it has
    // drawn a frame (17 ms; `node scripts/bench.mjs ui` measures it). Translate: the texts are written in each language.
    '--disable-features=Translate,DeferRendererTasksAfterInput',
    `--user-data-dir=${join(config.dataDir, 'browser-profile')}`,
    ...size,
    ...config.extraBrowserFlags,
  ];
}
