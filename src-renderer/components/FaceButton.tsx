import type { LocalizedString } from '../../src-shared/contract/localize';
import { FaceIcon } from './FaceIcon';
import { useTap } from './useTap';

interface FaceButtonProps {
  optionId: string;
  label: LocalizedString;
  isDisabled: boolean;
  onChoose: (optionId: string) => void;
}

export function FaceButton({ optionId, label, isDisabled, onChoose }: FaceButtonProps) {
  const tap = useTap(() => onChoose(optionId));
  return (
    <button
      type="button"
      className="face-button"
      data-option={optionId}
      disabled={isDisabled}
      {...tap}
    >
      <FaceIcon optionId={optionId} />
      <span className="face-label" lang={label.language}>
        {label.text}
      </span>
    </button>
  );
}
