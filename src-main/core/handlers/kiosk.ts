import type { Health } from '../../../src-shared/contract/kiosk';
import type { NamespaceHandlers } from '../api/handlers';
import type { KioskDocument } from '../domain/kiosk-settings';

export interface KioskDependencies {
  settings: () => KioskDocument;
  version: string;
  isSetUp: () => boolean;
  health: () => Health;
}

/** What the parents' screens need to start: who the kiosk is, its languages and timings. */
export function kioskHandlers(dependencies: KioskDependencies): NamespaceHandlers<'kiosk'> {
  const { settings, version, isSetUp, health } = dependencies;
  return {
    'kiosk.info': async () => {
      const { kioskId, siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, openingHours } = settings();
      return { kioskId, siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, openingHours, version, isSetUp: isSetUp() };
    },
    'kiosk.health': async () => health(),
  };
}
