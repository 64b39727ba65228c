import { staffLanguageOf, type LanguageCode } from '../../../src-shared/i18n/languages';
import type { OutcomeBook } from '../domain/outcome-book';
import type { PollBook } from '../domain/poll-book';
import type { ResponseBook } from '../domain/response-book';
import { buildCouncilReport } from '../report/council-report';
import { renderCouncilReportHtml } from '../report/report-html';
import { toLocalIsoString, type Clock } from '../time';
import type { Handlers } from './handlers';

export interface CouncilDependencies {
  outcomes: OutcomeBook;
  polls: PollBook;
  responses: ResponseBook;
  settings: () => { kioskId: string; siteName: string; defaultLanguage: LanguageCode };
  clock: Clock;
}

type CouncilMethod = 'outcomes.current' | 'outcomes.list' | 'outcomes.save' | 'outcomes.remove' | 'reports.council';

/** The client council's side: the report for its meeting and the outcomes it sends back to parents. */
export function createCouncilHandlers(dependencies: CouncilDependencies): Pick<Handlers, CouncilMethod> {
  const { outcomes, polls, responses, settings, clock } = dependencies;
  /** The kiosk's local day: an outcome's dates are days on the wall calendar where it stands. */
  const today = () => toLocalIsoString(clock()).slice(0, 10);
  return {
    'outcomes.current': async () => ({ outcomes: outcomes.shownOn(today()).map(({ id, text }) => ({ id, text })) }),
    'outcomes.list': async () => ({ outcomes: outcomes.all(), today: today() }),
    'outcomes.save': async (input) => ({ outcome: await outcomes.save(input.id, input.draft, clock().toISOString()) }),
    'outcomes.remove': async (input) => {
      await outcomes.remove(input.id);
      return {};
    },
    'reports.council': async (input) => {
      const { kioskId, siteName, defaultLanguage } = settings();
      const report = buildCouncilReport({
        period: input,
        responses: responses.all(),
        polls: polls.all(),
        // The report's texts exist in the staff languages; a kiosk starting in, say, Arabic gets it in Finnish throughout.
        language: staffLanguageOf(defaultLanguage),
        siteName,
        kioskId,
        generatedAt: toLocalIsoString(clock()),
      });
      return { report, html: renderCouncilReportHtml(report) };
    },
  };
}
