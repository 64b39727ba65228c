import type { DurableDocument } from '../store/document';
import type { PurgeSummary } from '../../../src-shared/contract/retention';
import type { SettingsView } from '../../../src-shared/contract/settings';
import type { NamespaceHandlers } from '../api/handlers';
import type { KioskDocument } from '../domain/kiosk-settings';
import { changeSettings } from '../domain/settings-change';
import { toLocalIsoString, type Clock } from '../time';

export interface SettingsDependencies {
  settings: DurableDocument<KioskDocument>;
  clock: Clock;
  /** The newest retention purge, or null when nothing was ever purged. */
  lastPurge: () => PurgeSummary | null;
  /** Purges what a shorter retention time has made due; resolves when done and never fails. */
  purgeNow: () => Promise<unknown>;
}

/** The kiosk's settings as staff see and change them. */
export function settingsHandlers(dependencies: SettingsDependencies): NamespaceHandlers<'settings'> {
  const { settings, clock } = dependencies;
  const settingsView = (): SettingsView => {
    const { kioskId, siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, openingHours, retentionDays } = settings.data;
    return {
      kioskId,
      siteName,
      languages,
      defaultLanguage,
      idleSeconds,
      thanksSeconds,
      openingHours,
      retentionDays,
      lastPurge: dependencies.lastPurge(),
      now: toLocalIsoString(clock()),
    };
  };
  return {
    'settings.get': async () => settingsView(),
    'settings.update': async (input) => {
      const retentionBefore = settings.data.retentionDays;
      await changeSettings(settings, (data) => ({ ...data, ...input }));
      // Staff who shorten the time expect it to hold now, not at the next hourly round; the view returned shows the purge.
      if (settings.data.retentionDays < retentionBefore) await dependencies.purgeNow();
      return settingsView();
    },
  };
}
