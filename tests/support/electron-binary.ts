import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronPackage = join(import.meta.dirname, '..', '..', 'node_modules', 'electron');

/**
 * Where the Electron binary is, or why there is none. Read from the package's path.txt, which
 * its first run writes after downloading; `require('electron')` would start that download.
 */
export function findElectronBinary(): { path: string; reason: null } | { path: null; reason: string } {
  const override = process.env.KERRO_ELECTRON_BINARY;
  if (override !== undefined && existsSync(override)) return { path: override, reason: null };
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) {
    return { path: null, reason: 'no Electron binary on this machine (its download is not reachable here; set KERRO_ELECTRON_BINARY)' };
  }
  const path = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path, reason: null } : { path: null, reason: `Electron binary missing at ${path}` };
}
