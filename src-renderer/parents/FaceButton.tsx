import type { LocalizedString } from '../../src-shared/contract/localize';
import { faceFor } from './pictograms';
import { useTap } from './useTap';
import { UserText } from '../user-text/UserText';

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
      <img className="face-icon" src={faceFor(optionId)} alt="" draggable={false} />
      <span className="face-label">
        <UserText text={label.text} lang={label.language} />
      </span>
    </button>
  );
}
