import type { DurableDocument } from '../store/document';
import { DiskFault } from '../errors';
import type { KioskDocument } from './kiosk-settings';

/** Changes the settings document durably; on a failed write memory goes back to what is on disk. */
export async function changeSettings(settings: DurableDocument<KioskDocument>, change: (data: KioskDocument) => KioskDocument): Promise<void> {
  await settings.replaceOr(
    change(structuredClone(settings.data)),
    (error) => new DiskFault('The settings', error),
  );
}
