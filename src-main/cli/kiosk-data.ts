import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openOfflineKiosk, type OfflineKiosk } from '../core/offline-kiosk';
import type { CommandIo } from './command';

declare const KERRO_VERSION: string;

export function versionOfThisBuild(): string {
  return typeof KERRO_VERSION === 'string' ? KERRO_VERSION : 'development';
}

/**
 * Opens an existing kiosk's data folder for a command. A folder without `kiosk.json` is refused
 * rather than started fresh: a mistyped path must not become a new kiosk with a new id.
 */
export async function openKioskData(dataDir: string, io: CommandIo): Promise<{ kiosk: OfflineKiosk } | null> {
  const path = resolve(dataDir);
  try {
    await stat(join(path, 'kiosk.json'));
  } catch {
    io.stderr.write(`${path} holds no Kerro data (no kiosk.json). Give the kiosk's data folder with --data.\n`);
    return null;
  }
  const kiosk = await openOfflineKiosk({
    dataDir: path,
    version: versionOfThisBuild(),
    receiverDir: join(dirname(fileURLToPath(import.meta.url)), '..', 'receiver'),
  });
  for (const recovery of kiosk.recoveries) {
    io.stderr.write(`Note: ${recovery.file}: ${recovery.problem}; ${recovery.action}.\n`);
  }
  return { kiosk };
}
