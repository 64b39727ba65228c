import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { languageCodes, languageNames, type LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import type { ReceivedBatch, RefusalReason } from '../../src-shared/qr/batch-intake';
import { BatchLedger } from './BatchLedger';
import { FolderImport } from './FolderImport';
import { ResultCharts } from './ResultCharts';
import { SaveButtons } from './SaveButtons';
import { describeOutcome } from './describe-outcome';
import type { FolderFiles } from './folder-files';
import { ImportReport } from './ImportReport';
import { useBatches, type FolderReport, type IntakeOutcome } from './use-batches';

/**
 * The camera reader (zxing, bc-ur and their helpers) is evaluated when the scanner first opens,
 * not while the page opens: most users bring folders, and every module evaluated at load is part
 * of one long task on the page's thread.
 */
const Scanner = lazy(() => import('./Scanner').then((module) => ({ default: module.Scanner })));

interface Notice {
  text: string;
  isProblem: boolean;
}

function firstLanguage(): LanguageCode {
  const wanted = navigator.language.slice(0, 2);
  return languageCodes.find((code) => code === wanted) ?? 'fi';
}

/** The receiver page: scan or import, see what is kept and what is missing, see the results, save. */
export function ReceiverApp() {
  const [language, setLanguage] = useState<LanguageCode>(firstLanguage);
  const [isScanning, setScanning] = useState(false);
  const [isConfirmingClear, setConfirmingClear] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [isBurstLeftOut, setBurstLeftOut] = useState(false);
  const [folderImport, setImport] = useState<{ reports: FolderReport[]; total: number; round: number } | null>(null);
  const { merged, isLoaded, intake, intakeFolders, clear } = useBatches();

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = qrText(language, 'receiver.title');
  }, [language]);

  const describe = useCallback(
    (outcome: IntakeOutcome): Notice => ({ text: describeOutcome(language, outcome), isProblem: outcome.kind === 'refused' }),
    [language],
  );

  const onFolders = useCallback(
    async (folders: FolderFiles[]) => {
      if (folders.length === 0) {
        setImport(null);
        setNotice({ text: qrText(language, 'receiver.noFolders'), isProblem: true });
        return;
      }
      setNotice(null);
      const reports: FolderReport[] = [];
      const round = (folderImport?.round ?? 0) + 1;
      setImport({ reports: [], total: folders.length, round });
      // Reports that arrive together are shown together, once a frame, not one page update each.
      let isShowing = false;
      const show = () => {
        isShowing = false;
        setImport({ reports: [...reports], total: folders.length, round });
      };
      await intakeFolders(folders, (report) => {
        reports.push(report);
        if (isShowing) return;
        isShowing = true;
        requestAnimationFrame(show);
      });
    },
    [folderImport, intakeFolders, language],
  );

  const onReceived = useCallback(async (batch: ReceivedBatch) => setNotice(describe(await intake(batch))), [describe, intake]);
  const onRefused = useCallback((reason: RefusalReason) => setNotice(describe({ kind: 'refused', reason })), [describe]);
  const total = merged.total;
  // The same elements while only the import report changes, so React leaves the ledger and the charts alone.
  const ledger = useMemo(() => <BatchLedger language={language} kiosks={merged.kiosks} />, [language, merged.kiosks]);
  const results = useMemo(() => <ResultCharts language={language} charts={merged.charts} isBurstLeftOut={isBurstLeftOut} />, [language, merged.charts, isBurstLeftOut]);
  const saveButtons = useMemo(() => <SaveButtons language={language} />, [language]);

  return (
    <div className="receiver">
      <header className="receiver-header">
        <h1>{qrText(language, 'receiver.title')}</h1>
        <nav aria-label={qrText(language, 'receiver.language')} className="receiver-languages">
          {languageCodes.map((code) => (
            <button key={code} type="button" lang={code} aria-pressed={code === language} onClick={() => setLanguage(code)}>
              {languageNames[code]}
            </button>
          ))}
        </nav>
      </header>
      <main>
        <p>{qrText(language, 'receiver.intro')}</p>
        <div role="status" aria-live="polite" data-testid="notice" className={notice?.isProblem === true ? 'receiver-notice receiver-notice--problem' : 'receiver-notice'}>
          {notice?.text ?? ''}
        </div>
        <section aria-labelledby="scan-heading">
          <h2 id="scan-heading">{qrText(language, 'receiver.scan')}</h2>
          <button type="button" className="receiver-button receiver-button--main" aria-pressed={isScanning} onClick={() => setScanning(!isScanning)}>
            {qrText(language, isScanning ? 'receiver.stopScan' : 'receiver.scan')}
          </button>
          {isScanning && (
            <Suspense fallback={null}>
              <Scanner language={language} onReceived={onReceived} onRefused={onRefused} />
            </Suspense>
          )}
        </section>
        <FolderImport language={language} isBusy={folderImport !== null && folderImport.reports.length < folderImport.total} onFolders={onFolders} />
        {folderImport !== null && <ImportReport language={language} reports={folderImport.reports} total={folderImport.total} round={folderImport.round} />}
        {isLoaded && ledger}
        {total > 0 && (
          <>
            <p className="receiver-total" data-testid="total">
              {qrText(language, 'receiver.total', { count: total, kiosks: merged.kiosks.length })}
            </p>
            {merged.burst > 0 && (
              <label className="receiver-toggle">
                <input type="checkbox" checked={isBurstLeftOut} data-testid="without-burst" onChange={(event) => setBurstLeftOut(event.currentTarget.checked)} />
                {qrText(language, 'receiver.withoutBurst')} ({qrText(language, 'receiver.burst', { count: merged.burst })})
              </label>
            )}
            {results}
            {saveButtons}
            {isConfirmingClear ? (
              <div className="receiver-confirm" role="group" aria-label={qrText(language, 'receiver.clearConfirm')}>
                <p>{qrText(language, 'receiver.clearConfirm')}</p>
                <button type="button" className="receiver-button" onClick={() => void clear().then(() => setConfirmingClear(false))}>
                  {qrText(language, 'receiver.yes')}
                </button>
                <button type="button" className="receiver-button" onClick={() => setConfirmingClear(false)}>
                  {qrText(language, 'receiver.no')}
                </button>
              </div>
            ) : (
              <button type="button" className="receiver-button receiver-button--quiet" onClick={() => setConfirmingClear(true)}>
                {qrText(language, 'receiver.clear')}
              </button>
            )}
          </>
        )}
      </main>
    </div>
  );
}
