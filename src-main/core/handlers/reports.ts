import { daysBetween } from '../../../src-shared/contract/report';
import { shiftDay } from '../../../src-shared/i18n/days';
import { staffLanguageOf, type LanguageCode } from '../../../src-shared/i18n/languages';
import type { NamespaceHandlers } from '../api/handlers';
import { buildCouncilReport } from '../documents/council-report';
import { renderCouncilReportHtml } from '../documents/report-html';
import type { PollBook } from '../domain/poll-book';
import type { ResponseBook } from '../domain/response-book';
import { toLocalIsoString, type Clock } from '../time';

export interface ReportDependencies {
  polls: PollBook;
  responses: ResponseBook;
  settings: () => { kioskId: string; siteName: string; defaultLanguage: LanguageCode };
  clock: Clock;
}

/** The client council's one-page report for its meeting. */
export function reportHandlers(dependencies: ReportDependencies): NamespaceHandlers<'reports'> {
  const { polls, responses, settings, clock } = dependencies;
  return {
    'reports.council': async (input) => {
      const { kioskId, siteName, defaultLanguage } = settings();
      // Only the answers of the period and of the one before it, which the report compares with.
      const previousFrom = shiftDay(input.from, -(daysBetween(input.from, input.to) + 1));
      const report = buildCouncilReport({
        period: input,
        responses: await responses.readDays(previousFrom, input.to),
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
