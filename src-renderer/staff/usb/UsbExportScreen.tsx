import { useCallback, useEffect, useState } from 'react';
import type { BatchSummary, ExportProgressView, ExportTarget } from '../../../src-shared/contract/exports';
import type { MethodOutput } from '../../../src-shared/contract/methods';
import type { Result } from '../../../src-shared/contract/result';
import { fill } from '../../../src-shared/i18n/format';
import type { StaffScreenProps } from '../staff-call';
import { BatchRow } from './BatchRow';
import { ExportProgressBar } from './ExportProgressBar';
import { ExportResult } from './ExportResult';
import { PollPackPanel } from './PollPackPanel';
import { TargetPicker } from './TargetPicker';
import { ReasonedButton } from '../ReasonedButton';
import { StaffHeader } from '../StaffHeader';

/** Sticks come and go while staff watch; the shell itself polls drives about this often. */
const targetRefreshMs = 2000;
/** Often enough for the bar to move smoothly on a 100k-answer export of about two seconds. */
const progressPollMs = 200;

type Outcome = { kind: 'done'; written: MethodOutput<'exports.run'>['written'] } | { kind: 'problem'; text: string };

interface UsbExportScreenProps extends StaffScreenProps {
  /** Imported polls change what the parents' screens show. */
  onKioskChanged: () => void;
  onBack: () => void;
}

export function UsbExportScreen({ texts, language, call, onKioskChanged, onBack }: UsbExportScreenProps) {
  const [targets, setTargets] = useState<ExportTarget[] | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [batches, setBatches] = useState<BatchSummary[]>([]);
  const [unexported, setUnexported] = useState<number | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const [progress, setProgress] = useState<ExportProgressView | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const loadTargets = useCallback(async () => {
    const result = await call('exports.targets', {});
    if (result.ok) setTargets(result.value.targets);
  }, [call]);

  const loadBatches = useCallback(async () => {
    const result = await call('exports.batches', {});
    if (!result.ok) return;
    setBatches(result.value.batches);
    setUnexported(result.value.unexported);
  }, [call]);

  useEffect(() => {
    void loadBatches();
    void loadTargets();
    if (isRunning) return undefined;
    const timer = window.setInterval(() => void loadTargets(), targetRefreshMs);
    return () => window.clearInterval(timer);
  }, [isRunning, loadBatches, loadTargets]);

  useEffect(() => {
    if (!isRunning) return undefined;
    const timer = window.setInterval(() => {
      void call('exports.progress', {}).then((result) => {
        if (result.ok && result.value.progress !== null) setProgress(result.value.progress);
      });
    }, progressPollMs);
    return () => window.clearInterval(timer);
  }, [call, isRunning]);

  const chosen = targets?.find((target) => target.id === chosenId) ?? targets?.[0] ?? null;

  const write = async (run: (targetId: string) => Promise<Result<MethodOutput<'exports.run'>>>) => {
    if (chosen === null) return;
    setOutcome(null);
    setProgress(null);
    setIsRunning(true);
    const result = await run(chosen.id);
    setIsRunning(false);
    setOutcome(result.ok ? { kind: 'done', written: result.value.written } : { kind: 'problem', text: result.error.message });
    await loadBatches();
  };

  const exportReason = isRunning
    ? texts['usb.busy']
    : chosen === null
      ? texts['usb.needStick']
      : chosen.isWritable
        ? null
        : fill(texts['usb.readOnly'], { name: chosen.name });
  const canExport = exportReason === null;
  return (
    <main className="screen staff-screen usb-screen" data-screen="usb-export">
      <StaffHeader title={texts['usb.title']} exit={{ label: texts['staff.back'], action: 'back', onPress: onBack, isDisabled: isRunning }}>
        <button type="button" className="secondary-button" data-action="refresh" disabled={isRunning} onClick={() => void loadTargets()}>
          {texts['usb.refresh']}
        </button>
      </StaffHeader>
      <TargetPicker texts={texts} language={language} targets={targets} chosen={chosen} onChoose={setChosenId} />
      {unexported === null ? null : <p data-fact="unexported">{fill(texts['staff.unexported'], { count: unexported })}</p>}
      <ReasonedButton className="primary-button usb-run" action="export" reason={exportReason} onPress={() => void write((targetId) => call('exports.run', { targetId }))}>
        {texts['usb.run']}
      </ReasonedButton>
      {isRunning ? (
        <div className="usb-running">
          <p>{fill(texts['usb.working'], { number: progress?.batchNumber ?? '' })}</p>
          <ExportProgressBar label={texts['usb.progress']} progress={progress} />
        </div>
      ) : null}
      <div role="status" className="usb-outcome">
        {outcome?.kind === 'done' ? outcome.written.map((written) => <ExportResult key={written.folder} written={written} texts={texts} />) : null}
        {outcome?.kind === 'problem' ? (
          <p className="field-problem" data-fact="export-problem">
            {outcome.text}
          </p>
        ) : null}
      </div>
      <section aria-labelledby="usb-batches-heading">
        <h2 id="usb-batches-heading">{texts['usb.batches']}</h2>
        {batches.length === 0 ? <p>{texts['usb.noBatches']}</p> : null}
        <ul className="usb-batch-list">
          {[...batches].reverse().map((batch) => (
            <BatchRow
              key={batch.number}
              batch={batch}
              texts={texts}
              language={language}
              canExport={canExport}
              onReexport={() => void write((targetId) => call('exports.reexport', { targetId, batchNumber: batch.number }))}
            />
          ))}
        </ul>
      </section>
      <PollPackPanel texts={texts} language={language} call={call} targetId={canExport && chosen !== null ? chosen.id : null} onImported={onKioskChanged} />
    </main>
  );
}
