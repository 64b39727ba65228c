import { useCallback, useEffect, useRef, useState } from 'react';
import type { QrFramesView } from '../../../src-shared/contract/qr';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { qrText } from '../../../src-shared/i18n/qr-messages';
import { codeBoxCss, codeBoxShares } from '../../../src-shared/qr/code-layout';
import type { CodeSize } from '../../../src-shared/qr/transfer-defaults';
import type { StaffCall } from '../staff-call';
import { QrAnimation } from './QrAnimation';
import { SummaryCode } from './SummaryCode';
import './qr-export.css';

export interface QrExportScreenProps {
  language: LanguageCode;
  call: StaffCall;
  /** A sealed batch to show again; without one, the answers not yet in a batch are sealed and shown. */
  batchNumber?: number;
  onBack: () => void;
}

/**
 * A batch to a phone by camera: the animated fountain code, or the one-frame summary. The
 * phone's receiver page needs about k + 2 of the frames it catches, so the hint gives the time
 * for k frames and a little more.
 */
export function QrExportScreen({ language, call, batchNumber, onBack }: QrExportScreenProps) {
  const [view, setView] = useState<QrFramesView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isPaused, setPaused] = useState(false);
  const [isSummary, setSummary] = useState(false);
  const [prepared, setPrepared] = useState(0);
  const [codeSize, setCodeSize] = useState<CodeSize>('standard');
  // The batch the first call sealed: a larger code is asked of that batch, not of a new sealing.
  const shownBatch = useRef(batchNumber);
  const onPrepared = useCallback((done: number) => setPrepared(done), []);
  const screenRef = useRef<HTMLElement>(null);

  // The code's size has one source, which the bench's camera model draws too.
  useEffect(() => {
    screenRef.current?.style.setProperty('--code-box-landscape', codeBoxCss(codeBoxShares.landscape));
    screenRef.current?.style.setProperty('--code-box-portrait', codeBoxCss(codeBoxShares.portrait));
  }, []);

  useEffect(() => {
    let isCurrent = true;
    const number = shownBatch.current;
    void call('exports.qrFrames', number === undefined ? { codeSize } : { batchNumber: number, codeSize }).then((result) => {
      if (!isCurrent) return;
      if (result.ok) {
        shownBatch.current = result.value.batchNumber;
        // New frames are drawn ahead again: the count starts over with them.
        setPrepared(0);
        setView(result.value);
      } else setProblem(result.error.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [call, codeSize]);

  const seconds = view === null ? 0 : Math.ceil((view.fragmentCount + 2) / view.framesPerSecond);
  return (
    <main className="screen staff-screen qr-export" data-screen="qr-export" ref={screenRef}>
      <header className="qr-export-header">
        <h1>{qrText(language, 'qr.title')}</h1>
        <button type="button" className="qr-button" onClick={onBack}>
          {qrText(language, 'qr.close')}
        </button>
      </header>
      {problem !== null && <p className="qr-problem" role="alert">{problem}</p>}
      {view !== null && (
        <div className="qr-export-body">
          <div className="qr-code-area">
            {isSummary ? (
              <SummaryCode text={view.summary} label={qrText(language, 'qr.summaryLabel')} />
            ) : (
              <QrAnimation
                key={view.codeSize}
                frames={view.frames}
                errorCorrection={view.errorCorrection}
                framesPerSecond={view.framesPerSecond}
                isPaused={isPaused}
                label={qrText(language, 'qr.codeLabel', { fps: view.framesPerSecond })}
                onPrepared={onPrepared}
              />
            )}
          </div>
          <div className="qr-side">
            <p className="qr-batch">{qrText(language, 'qr.batch', { number: view.batchNumber, count: view.count })}</p>
            <p>{qrText(language, isSummary ? 'qr.summaryHint' : 'qr.hint')}</p>
            {!isSummary && <p>{qrText(language, 'qr.largerHint')}</p>}
            {isSummary && <pre className="qr-summary-text">{view.summary}</pre>}
            {!isSummary && (
              <p className="qr-progress" aria-live="polite" data-testid="qr-progress">
                {prepared < view.frames.length
                  ? qrText(language, 'qr.preparing', { done: prepared, total: view.frames.length })
                  : qrText(language, 'qr.estimate', { seconds })}
              </p>
            )}
            <div className="qr-actions">
              {!isSummary && (
                <button type="button" className="qr-button qr-button--main" aria-pressed={isPaused} onClick={() => setPaused(!isPaused)}>
                  {qrText(language, isPaused ? 'qr.resume' : 'qr.pause')}
                </button>
              )}
              {!isSummary && (
                <button
                  type="button"
                  className="qr-button"
                  aria-pressed={codeSize === 'large'}
                  disabled={view.codeSize !== codeSize}
                  onClick={() => setCodeSize(codeSize === 'large' ? 'standard' : 'large')}
                >
                  {qrText(language, 'qr.larger')}
                </button>
              )}
              <button type="button" className="qr-button" onClick={() => setSummary(!isSummary)}>
                {qrText(language, isSummary ? 'qr.showFrames' : 'qr.showSummary')}
              </button>
            </div>
          </div>
        </div>
      )}
    </main>
  );
}
