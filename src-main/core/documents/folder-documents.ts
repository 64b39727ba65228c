import type { BatchHeader, ExportAnswer, PollSnapshot } from '../../../src-shared/contract/batch-format';
import type { PrintFailureView } from '../../../src-shared/contract/exports';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { batchReportTally, buildBatchReport, type TalliedBatch } from './batch-report';
import { renderCouncilReportHtml } from './report-html';
import type { ReportTally } from './report-tally';
import { writeFileDurably } from '../store/durable-file';
import { isNotFound, type FileSystem } from '../store/file-system';
import { BatchFormatError, scanBatchFile } from '../batches/batch-file';
import { printPdf, withFixedPdfDates, type PdfPrinter } from './pdf-printer';
import { printFailureOf } from './print-failure';
import { renderSummaryHtml } from './summary-html';
import type { SummaryTally } from './summary-tally';

export type DocumentName = 'summary.html' | 'report.html' | 'summary.pdf' | 'report.pdf';

export interface DocumentsInput {
  header: BatchHeader;
  polls: readonly PollSnapshot[];
  hash: string;
  language: LanguageCode;
  summary: SummaryTally;
  /** The council report's page, from `pinnedReport`. */
  report: string;
  printer?: PdfPrinter;
}

export interface FolderDocuments {
  files: { name: DocumentName; content: string | Uint8Array }[];
  /** Why the PDFs are missing although the shell can print; null when they were made or no printer exists. */
  printFailure: PrintFailureView | null;
}

/**
 * The pages read at the council's meeting: the summary and the council report as HTML, and as
 * PDF where the shell can print. A print that fails leaves both PDFs out (never one of them) and
 * says why; the batch's data files do not depend on it.
 */
export async function makeFolderDocuments(input: DocumentsInput): Promise<FolderDocuments> {
  const summary = renderSummaryHtml({ header: input.header, hash: input.hash, language: input.language, tally: input.summary });
  const { report } = input;
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
    return { files, printFailure: printFailureOf(error) };
  }
}

export interface ReportInput {
  header: BatchHeader;
  polls: readonly PollSnapshot[];
  language: LanguageCode;
  tally: ReportTally<ExportAnswer>;
  /** Reads the batch before for the comparison; called only when the page is made for the first time. */
  readPrevious: () => Promise<TalliedBatch | null>;
}

/**
 * The batch's council report, made once and kept beside its sealed file on the kiosk. Its
 * comparison with the batch before depends on that batch's content, which the retention rule
 * later removes; kept, the page a re-export writes is the page the first export wrote. A kiosk
 * whose disk refuses the copy still exports: the page is right, only not kept.
 */
export async function pinnedReport(fileSystem: FileSystem, path: string, input: ReportInput, onKeepFailed: (error: unknown) => void): Promise<string> {
  try {
    return (await fileSystem.readFile(path)).toString('utf8');
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const report = renderCouncilReportHtml(
    buildBatchReport({ header: input.header, polls: input.polls, tally: input.tally }, await input.readPrevious(), input.language),
  );
  await writeFileDurably(fileSystem, path, report).catch(onKeepFailed);
  return report;
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
