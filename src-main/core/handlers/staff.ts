import type { DurableDocument } from '../store/document';
import type { NamespaceHandlers } from '../api/handlers';
import { answerCount } from '../domain/answer-count';
import type { KioskDocument } from '../domain/kiosk-settings';
import type { PollBook } from '../domain/poll-book';
import type { ResponseBook } from '../domain/response-book';
import { changeSettings } from '../domain/settings-change';
import type { StaffAuth } from '../staff/staff-auth';
import type { StaffDrafts } from '../staff/staff-drafts';
import type { ExportStatus } from './export-status';

export interface StaffDependencies {
  auth: StaffAuth;
  drafts: StaffDrafts;
  settings: DurableDocument<KioskDocument>;
  polls: PollBook;
  responses: ResponseBook;
  exports: ExportStatus;
  recoveries: () => number;
}

/** The staff session (set-up, unlock, lock, PIN) and the staff area's front page. */
export function staffHandlers(dependencies: StaffDependencies): NamespaceHandlers<'staff'> {
  const { auth, drafts, settings, polls, responses, exports } = dependencies;
  const idleSeconds = () => Math.round(auth.idleMs / 1000);
  return {
    'staff.status': async () => auth.status(),
    'staff.setup': async (input) => {
      const pin = await auth.firstPin(input.pin);
      await changeSettings(settings, (data) => ({
        ...data,
        ...pin,
        siteName: input.siteName,
        languages: input.languages,
        defaultLanguage: input.languages.includes(data.defaultLanguage) ? data.defaultLanguage : (input.languages[0] ?? 'fi'),
      }));
      return {};
    },
    'staff.unlock': async (input) => ({ token: await auth.unlock(input.pin), idleSeconds: idleSeconds() }),
    // The gate has already renewed the session by the time this runs: being called is the keep-alive.
    'staff.keepAlive': async (input) => {
      if (input.draft !== undefined) await drafts.keep(input.draft);
      return { idleSeconds: idleSeconds() };
    },
    'staff.takeDraft': async () => ({ draft: await drafts.take() }),
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
        polls: latest.map((poll) => ({ poll, answers: answerCount(responses, poll.id) })),
        answersStored: responses.count,
        unexported: exports.unexported(),
        lastExportAt: exports.lastExportAt(),
        recoveries: dependencies.recoveries(),
      };
    },
  };
}
