import type { LocalizedString } from '../../src-shared/contract/localize';
import { useTap } from './useTap';
import { UserText } from '../user-text/UserText';

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
      disabled={isDisabled}
      aria-pressed={isSelected}
      {...tap}
    >
      <UserText text={label.text} lang={label.language} />
    </button>
  );
}
