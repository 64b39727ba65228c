// The council report of the tests' known data set (tests/support/council-data.ts), as the core
// renders it; scripts/sample-report.mjs prints it to docs/council-report-sample.pdf.
import { buildCouncilReport } from '../src-main/core/documents/council-report';
import { renderCouncilReportHtml } from '../src-main/core/documents/report-html';
import type { LanguageCode } from '../src-shared/i18n/languages';
import { councilPeriod, councilPolls, councilResponses } from './fixtures/council-data';

export function sampleReportHtml(language: LanguageCode): string {
  const report = buildCouncilReport({
    period: councilPeriod,
    responses: councilResponses(),
    polls: councilPolls,
    language,
    siteName: 'Perheiden piha (esimerkki)',
    kioskId: 'kiosk-sample',
    generatedAt: '2026-11-16T12:00:00.000+02:00',
  });
  return renderCouncilReportHtml(report);
}
