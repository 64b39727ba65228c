import type { LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { describeOutcome } from './describe-outcome';
import type { FolderReport } from './use-batches';
import { withoutBidiControls } from '../../src-shared/text/free-text';

export interface ImportReportProps {
  language: LanguageCode;
  reports: readonly FolderReport[];
  /** Folders in this import, counted before any was read. */
  total: number;
  /** Counts imports since the page opened, so a reader can tell this report from the last. */
  round: number;
}

/** Every folder of the last import and what became of it: none is passed over in silence. */
export function ImportReport({ language, reports, total, round }: ImportReportProps) {
  const count = (kind: FolderReport['outcome']['kind']) => reports.filter((report) => report.outcome.kind === kind).length;
  const isDone = reports.length === total;
  return (
    <section aria-labelledby="report-heading" className="import-report" data-round={round} data-done={isDone}>
      <h3 id="report-heading">{qrText(language, 'receiver.importReport')}</h3>
      <p role="status" data-testid="import-summary">
        {isDone
          ? qrText(language, 'receiver.importDone', { total, received: count('received'), duplicate: count('duplicate'), refused: count('refused') })
          : qrText(language, 'receiver.importing', { done: reports.length, total })}
      </p>
      {!isDone && <progress max={total} value={reports.length} aria-label={qrText(language, 'receiver.importReport')} />}
      <ul data-testid="import-report">
        {reports.map((report, index) => (
          <li key={index} className={report.outcome.kind === 'refused' ? 'import-report--refused' : undefined}>
            <bdi className="import-folder">{withoutBidiControls(report.label)}</bdi>: <span data-testid="folder-outcome">{describeOutcome(language, report.outcome)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
