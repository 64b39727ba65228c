import type { LocalizedString } from '../../src-shared/contract/localize';
import { useTap } from './useTap';

interface ChoiceButtonProps {
  optionId: string;
  label: LocalizedString;
  isDisabled: boolean;
  /** Set for multi-choice polls, where a tap selects instead of sending. */
  isSelected?: boolean;
  onChoose: (optionId: string) => void;
}

export function ChoiceButton({ optionId, label, isDisabled, isSelected, onChoose }: ChoiceButtonProps) {
  const tap = useTap(() => onChoose(optionId));
  return (
    <button
      type="button"
      className="choice-button"
      data-option={optionId}
      lang={label.language}
      disabled={isDisabled}
      aria-pressed={isSelected}
      {...tap}
    >
      {label.text}
    </button>
  );
}
