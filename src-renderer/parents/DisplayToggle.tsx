import type { ReactNode } from 'react';

interface DisplayToggleProps {
  /** Names the toggle for the tests and the style sheet. */
  name: string;
  isOn: boolean;
  /** The picture, drawn in the 24 × 24 box: it says what the toggle does without words. */
  icon: ReactNode;
  label: string;
  onToggle: () => void;
}

/** One toggle of how the parents' screens look: a picture and words, pressed while it is on. */
export function DisplayToggle({ name, isOn, icon, label, onToggle }: DisplayToggleProps) {
  return (
    <button type="button" className="display-toggle" data-toggle={name} aria-pressed={isOn} onClick={onToggle}>
      <svg className="toggle-icon" viewBox="0 0 24 24" aria-hidden="true">
        {icon}
      </svg>
      <span>{label}</span>
    </button>
  );
}
