import type { LocalizedString } from '../../src-shared/contract/localize';

interface ChoiceButtonProps {
  optionId: string;
  label: LocalizedString;
  isDisabled: boolean;
  /** Set for multi-choice polls, where a tap selects instead of sending. */
  isSelected?: boolean;
  onChoose: (optionId: string) => void;
}

export function ChoiceButton({ optionId, label, isDisabled, isSelected, onChoose }: ChoiceButtonProps) {
  return (
    <button
      type="button"
      className="choice-button"
      data-option={optionId}
      lang={label.language}
      disabled={isDisabled}
      aria-pressed={isSelected}
      onPointerDown={() => performance.mark('kerro:tap')}
      onClick={() => onChoose(optionId)}
    >
      {label.text}
    </button>
  );
}
