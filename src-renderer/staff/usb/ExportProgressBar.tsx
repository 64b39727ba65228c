import type { ExportProgressView } from '../../../src-shared/contract/exports';

interface ExportProgressBarProps {
  label: string;
  /** Null until the main side reports the first step of the running export. */
  progress: ExportProgressView | null;
}

/** The writing and the read-back check count as one run, so the bar fills once, not twice. */
function percentOf(progress: ExportProgressView | null): number {
  if (progress === null || progress.total === 0) return 0;
  const share = Math.min(1, progress.done / progress.total);
  return Math.round((progress.step === 'writing' ? share / 2 : 0.5 + share / 2) * 100);
}

export function ExportProgressBar({ label, progress }: ExportProgressBarProps) {
  const percent = percentOf(progress);
  return (
    <div className="usb-progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div className="usb-progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
