import type { Low } from 'lowdb';
import { KerroError } from '../errors';
import type { KioskDocument } from './kiosk-settings';

/** Changes the settings document durably; on a failed write memory goes back to what is on disk. */
export async function changeSettings(settings: Low<KioskDocument>, change: (data: KioskDocument) => KioskDocument): Promise<void> {
  const previous = settings.data;
  settings.data = change(structuredClone(previous));
  try {
    await settings.write();
  } catch (error) {
    settings.data = previous;
    throw new KerroError('storage_failed', `The settings could not be saved (${String(error)})`);
  }
}
