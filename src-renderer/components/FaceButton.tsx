import type { LocalizedString } from '../../src-shared/contract/localize';
import { FaceIcon } from './FaceIcon';

interface FaceButtonProps {
  optionId: string;
  label: LocalizedString;
  isDisabled: boolean;
  onChoose: (optionId: string) => void;
}

export function FaceButton({ optionId, label, isDisabled, onChoose }: FaceButtonProps) {
  return (
    <button
      type="button"
      className="face-button"
      data-option={optionId}
      disabled={isDisabled}
      onPointerDown={() => performance.mark('kerro:tap')}
      onClick={() => onChoose(optionId)}
    >
      <FaceIcon optionId={optionId} />
      <span className="face-label" lang={label.language}>
        {label.text}
      </span>
    </button>
  );
}
