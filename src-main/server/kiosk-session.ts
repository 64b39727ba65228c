import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissing, findChromium } from '../../scripts/programs.mjs';
import { browserArguments, readSessionConfig } from './kiosk-session-config';
import { Supervisor, type SessionLog } from './supervisor';

const log: SessionLog = (level, event, fields) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
};

/**
 * The browser kiosk: Kerro's server and Chromium in kiosk mode on its address, on the display the
 * session was given, each started again whenever it ends. The browser starts once the server first
 * serves; later the server may come and go while the page waits for it.
 */
function main(): void {
  const result = readSessionConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(2);
  }
  const { config } = result;
  const chromium = findChromium(process.env);
  if (chromium === null) {
    process.stderr.write(`${chromiumMissing}\n`);
    process.exit(2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const browser = new Supervisor({ name: 'browser', command: chromium, args: browserArguments(config), environment: process.env }, config.restartPolicy, log);
  let isBrowserStarted = false;
  const server = new Supervisor(
    {
      name: 'server',
      command: process.execPath,
      args: [join(here, 'main.mjs')],
      environment: { ...process.env, KERRO_PORT: String(config.port), KERRO_DATA_DIR: config.dataDir },
      onLine: (line) => {
        if (isBrowserStarted || !line.includes('Kerro is serving at')) return;
        isBrowserStarted = true;
        browser.start();
      },
    },
    config.restartPolicy,
    log,
  );
  server.start();
  const stop = () => {
    void Promise.all([browser.stop(), server.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
