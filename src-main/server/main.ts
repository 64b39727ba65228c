import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../core/data-dir';
import { openKiosk } from '../core/kiosk';
import { createKerroServer } from './server';
import { loadStaticFiles } from './static-files';

declare const KERRO_VERSION: string;

export const defaultPort = 4730;

/** Starts the browser shell: the kiosk's API and screens on 127.0.0.1 only. */
async function main(): Promise<void> {
  const port = parsePort(process.env.KERRO_PORT);
  const dataDir = defaultDataDir();
  const here = dirname(fileURLToPath(import.meta.url));
  const staffIdleMs = parseStaffIdle(process.env.KERRO_STAFF_IDLE_SECONDS);
  const kiosk = await openKiosk({ dataDir, version: KERRO_VERSION, receiverDir: join(here, '..', 'receiver'), staffIdleMs });
  const files = await loadStaticFiles(join(here, '..', 'renderer'));
  const server = createKerroServer({ kiosk, files });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address !== null ? address.port : port;
    process.stdout.write(`Kerro is serving at http://127.0.0.1:${actualPort}/ (data: ${dataDir})\n`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void kiosk.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return defaultPort;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`KERRO_PORT must be a port number, not "${value}"\n`);
    process.exit(2);
  }
  return port;
}

/** Tests of the staff walk shorten the staff session so that a slow writer outlasts it in seconds, not minutes. */
function parseStaffIdle(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 10 || seconds > 3600) {
    process.stderr.write(`KERRO_STAFF_IDLE_SECONDS must be whole seconds from 10 to 3600, not "${value}"\n`);
    process.exit(2);
  }
  return seconds * 1000;
}

main().catch((error: unknown) => {
  process.stderr.write(`Kerro could not start: ${String(error)}\n`);
  process.exit(1);
});
