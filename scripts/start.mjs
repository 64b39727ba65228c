// `npm start`: the Electron shell where an Electron binary exists; otherwise the browser shell,
// opened in Chromium's kiosk mode when a Chromium or Chrome is installed. Says which it did.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './programs.mjs';

const root = join(import.meta.dirname, '..');

function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const electron = electronBinary();
if (electron !== null) {
  process.stdout.write('Starting Kerro in its Electron shell.\n');
  const app = spawn(electron, [join(root, 'out', 'electron', 'main.cjs')], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write('No Electron binary here: starting Kerro in its browser shell.\n');
  const server = spawn(process.execPath, [join(root, 'out', 'server', 'main.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const forward = (signal) => server.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  server.on('exit', (code) => process.exit(code ?? 0));
  let output = '';
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    output += chunk.toString('utf8');
    const match = /serving at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
    if (match === null || output === null) return;
    output = null;
    openBrowser(match[1]);
  });
}

function openBrowser(url) {
  const browser = findChromium();
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (browser === null || !hasDisplay) {
    const why = browser === null ? 'no Chromium or Chrome was found' : 'there is no display';
    process.stdout.write(`Open ${url} in a browser (${why}).\n`);
    return;
  }
  process.stdout.write(`Opening ${url} in ${browser} (kiosk mode).\n`);
  const profile = join(process.env.KERRO_DATA_DIR ?? join(root, '.kerro-data'), 'browser-profile');
  // DeferRendererTasksAfterInput: Chromium holds a page's network replies back after a tap until it
  // has drawn a frame, which puts a frame (17 ms) between the answer being on disk and the thank-you
  // (measured by `node scripts/bench.mjs ui`). docs/deployment.md and the bench use the same flags.
  const flags = ['--kiosk', `--app=${url}`, '--no-first-run', '--disable-pinch', '--overscroll-history-navigation=0', '--disable-translate', '--disable-features=DeferRendererTasksAfterInput'];
  spawn(browser, [...flags, `--user-data-dir=${profile}`], {
    stdio: 'ignore',
    detached: true,
  }).unref();
}
