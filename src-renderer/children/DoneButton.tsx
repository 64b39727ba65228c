import { useTap } from '../parents/useTap';

interface DoneButtonProps {
  label: string;
  isDisabled: boolean;
  onDone: () => void;
}

/** A big tick: the child has chosen, or has finished drawing. */
export function DoneButton({ label, isDisabled, onDone }: DoneButtonProps) {
  const tap = useTap(onDone);
  return (
    <button type="button" className="child-round-button done-button" data-action="done" aria-label={label} disabled={isDisabled} {...tap}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M4.5 12.5 10 18 19.5 6.5" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
