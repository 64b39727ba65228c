import type { BatchHeader, ExportAnswer, PollSnapshot } from '../../../src-shared/contract/batch-format';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { batchReportTally, buildBatchReport, type TalliedBatch } from '../report/batch-report';
import { renderCouncilReportHtml } from '../report/report-html';
import type { ReportTally } from '../report/report-tally';
import { isNotFound, type FileSystem } from '../store/file-system';
import { BatchFormatError, scanBatchFile } from './batch-file';
import { printPdf, withFixedPdfDates, type PdfPrinter } from './pdf-printer';
import { renderSummaryHtml } from './summary-html';
import type { SummaryTally } from './summary-tally';

export type DocumentName = 'summary.html' | 'report.html' | 'summary.pdf' | 'report.pdf';

export interface DocumentsInput {
  header: BatchHeader;
  polls: readonly PollSnapshot[];
  hash: string;
  language: LanguageCode;
  summary: SummaryTally;
  report: ReportTally<ExportAnswer>;
  /** The batch before, for the report's comparison; null for the first batch or when its content is gone. */
  previous: TalliedBatch | null;
  printer?: PdfPrinter;
}

export interface FolderDocuments {
  files: { name: DocumentName; content: string | Uint8Array }[];
  /** Why the PDFs are missing although the shell can print; null when they were made or no printer exists. */
  printFailure: string | null;
}

/**
 * The pages read at the council's meeting: the summary and the council report as HTML, and as
 * PDF where the shell can print. A print that fails leaves both PDFs out (never one of them) and
 * says why; the batch's data files do not depend on it.
 */
export async function makeFolderDocuments(input: DocumentsInput): Promise<FolderDocuments> {
  const summary = renderSummaryHtml({ header: input.header, hash: input.hash, language: input.language, tally: input.summary });
  const report = renderCouncilReportHtml(buildBatchReport({ header: input.header, polls: input.polls, tally: input.report }, input.previous, input.language));
  const files: FolderDocuments['files'] = [
    { name: 'summary.html', content: summary },
    { name: 'report.html', content: report },
  ];
  if (input.printer === undefined) return { files, printFailure: null };
  try {
    // One after the other: a kiosk has little memory to spare for two pages printing at once.
    const summaryPdf = await printPdf(input.printer, summary);
    const reportPdf = await printPdf(input.printer, report);
    files.push(
      { name: 'summary.pdf', content: withFixedPdfDates(summaryPdf, input.header.createdAt) },
      { name: 'report.pdf', content: withFixedPdfDates(reportPdf, input.header.createdAt) },
    );
    return { files, printFailure: null };
  } catch (error) {
    return { files, printFailure: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The batch before this one, counted for the report's comparison, when its sealed file is still on
 * the kiosk and is the very batch this one names by hash. Gone (removed under the retention rule)
 * or damaged, the report says it has nothing to compare with.
 */
export async function readPreviousBatch(
  fileSystem: FileSystem,
  path: string | undefined,
  expectedHash: string | null,
  language: LanguageCode,
): Promise<TalliedBatch | null> {
  if (path === undefined || expectedHash === null) return null;
  const tally = batchReportTally(language);
  try {
    const scanned = await scanBatchFile(fileSystem, path, { onAnswer: (answer) => tally.add(answer) }, { isHashKnown: true });
    return scanned.sha256 === expectedHash ? { header: scanned.header, polls: scanned.polls, tally } : null;
  } catch (error) {
    if (isNotFound(error) || error instanceof BatchFormatError) return null;
    // Any other fault (a failing disk) fails this export, to be tried again, rather than write a report without its comparison.
    throw error;
  }
}
