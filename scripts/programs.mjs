// Where the programs outside npm that Kerro's tests and its browser kiosk use are found, in one
// place: the test command's program step (scripts/test-programs.mjs), `npm start`, the e2e
// harness and the benches all ask here, so they can never disagree about which Chromium runs.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Chromium or Chrome where Debian, Ubuntu, Google's packages and macOS put them. */
const chromiumPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function isRunnable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A command on PATH, found without spawning a shell. */
export function findCommand(name, environment = process.env) {
  for (const folder of (environment.PATH ?? '').split(delimiter)) {
    if (folder !== '' && isRunnable(join(folder, name))) return join(folder, name);
  }
  return null;
}

/** KERRO_CHROMIUM when set (and runnable), then the usual places, then PATH. */
export function findChromium(environment = process.env) {
  const chosen = environment.KERRO_CHROMIUM;
  if (chosen !== undefined && chosen !== '') return isRunnable(chosen) ? chosen : null;
  for (const path of chromiumPaths) if (isRunnable(path)) return path;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = findCommand(name, environment);
    if (found !== null) return found;
  }
  return null;
}

/** The one line that says what to do when no Chromium is there. */
export const chromiumMissing =
  'No Chromium found: install it (Debian: `apt-get install chromium`, as root) or set KERRO_CHROMIUM to a Chromium or Chrome binary.';

/** Like findChromium, but a missing browser is an error that says how to get one. */
export function requireChromium(environment = process.env) {
  const found = findChromium(environment);
  if (found === null) throw new Error(chromiumMissing);
  return found;
}
