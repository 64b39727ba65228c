import type { Low } from 'lowdb';
import type { PurgeSummary } from '../../../src-shared/contract/retention';
import type { SettingsView } from '../../../src-shared/contract/settings';
import type { KioskDocument } from '../domain/kiosk-settings';
import type { PollBook } from '../domain/poll-book';
import { pollResults } from '../domain/poll-results';
import { savePoll, setPollState } from '../domain/quick-polls';
import type { ResponseBook } from '../domain/response-book';
import { KerroError } from '../errors';
import { sessionIdleMs, type StaffAuth } from '../staff/staff-auth';
import { toLocalIsoString, type Clock } from '../time';
import type { Handlers } from './handlers';

/** Where the export side reports from; until a batch exists, nothing has been exported. */
export interface ExportStatus {
  unexported(): number;
  lastExportAt(): string | null;
}

export interface StaffDependencies {
  auth: StaffAuth;
  settings: Low<KioskDocument>;
  polls: PollBook;
  responses: ResponseBook;
  clock: Clock;
  exports: ExportStatus;
  recoveries: () => number;
  /** The newest retention purge, or null when nothing was ever purged. */
  lastPurge: () => PurgeSummary | null;
  /** Purges what a shorter retention time has made due; resolves when done and never fails. */
  purgeNow: () => Promise<unknown>;
}

type StaffMethod =
  | 'staff.status'
  | 'staff.setup'
  | 'staff.unlock'
  | 'staff.lock'
  | 'staff.changePin'
  | 'staff.overview'
  | 'polls.save'
  | 'polls.setState'
  | 'results.poll'
  | 'settings.get'
  | 'settings.update';

export function createStaffHandlers(dependencies: StaffDependencies): Pick<Handlers, StaffMethod> {
  const { auth, settings, polls, responses, clock, exports } = dependencies;

  const answersTo = (pollId: string, version?: number) =>
    responses.all().filter((response) => response.pollId === pollId && (version === undefined || response.pollVersion === version)).length;

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

  /** Changes the settings document durably; on a failed write memory goes back to what is on disk. */
  const changeSettings = async (change: (data: KioskDocument) => KioskDocument) => {
    const previous = settings.data;
    settings.data = change(structuredClone(previous));
    try {
      await settings.write();
    } catch (error) {
      settings.data = previous;
      throw new KerroError('storage_failed', `The settings could not be saved (${String(error)})`);
    }
  };

  return {
    'staff.status': async () => auth.status(),
    'staff.setup': async (input) => {
      const pin = await auth.firstPin(input.pin);
      await changeSettings((data) => ({
        ...data,
        ...pin,
        siteName: input.siteName,
        languages: input.languages,
        defaultLanguage: input.languages.includes(data.defaultLanguage) ? data.defaultLanguage : (input.languages[0] ?? 'fi'),
      }));
      return {};
    },
    'staff.unlock': async (input) => ({ token: await auth.unlock(input.pin), idleSeconds: sessionIdleMs / 1000 }),
    'staff.lock': async (_input, context) => {
      auth.lock(context.staffToken);
      return {};
    },
    'staff.changePin': async (input, context) => {
      await auth.changePin(context.staffToken, input.currentPin, input.newPin);
      return {};
    },
    'staff.overview': async () => {
      const latest = polls.latestVersions().sort(
        (left, right) => Number(left.standing) - Number(right.standing) || right.createdAt.localeCompare(left.createdAt),
      );
      return {
        polls: latest.map((poll) => ({ poll, answers: answersTo(poll.id) })),
        answersStored: responses.count,
        unexported: exports.unexported(),
        lastExportAt: exports.lastExportAt(),
        recoveries: dependencies.recoveries(),
      };
    },
    'polls.save': async (input) => savePoll(polls, answersTo, input.pollId, input.draft, clock()),
    'polls.setState': async (input) => ({ poll: await setPollState(polls, input.pollId, input.state, clock()) }),
    'results.poll': async (input) => {
      const latest = polls.latest(input.pollId);
      if (latest === undefined) throw new KerroError('not_found', 'No such poll');
      const versions = Array.from({ length: latest.version }, (_, index) => polls.find(latest.id, index + 1)).filter(
        (poll) => poll !== undefined,
      );
      return pollResults(versions, latest, responses.all(), input, {
        unexported: exports.unexported(),
        lastExportAt: exports.lastExportAt(),
      });
    },
    'settings.get': async () => settingsView(),
    'settings.update': async (input) => {
      const retentionBefore = settings.data.retentionDays;
      await changeSettings((data) => ({ ...data, ...input }));
      // Staff who shorten the time expect it to hold now, not at the next hourly round; the view returned shows the purge.
      if (settings.data.retentionDays < retentionBefore) await dependencies.purgeNow();
      return settingsView();
    },
  };
}
