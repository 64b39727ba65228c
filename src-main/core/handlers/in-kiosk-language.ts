import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { KerroError } from '../errors';
import { TransferFailure } from '../stick/export-failure';

/** A stick's trouble is told to staff in the kiosk's own language; the code stays for the screens. */
export async function inKioskLanguage<T>(language: LanguageCode, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TransferFailure) throw new KerroError(error.code, error.localized(language));
    throw error;
  }
}
