import type { LocalizedString } from '../../src-shared/contract/localize';
import { useTap } from '../parents/useTap';
import { UserText } from '../user-text/UserText';

interface PictureButtonProps {
  optionId: string;
  picture: string;
  label: LocalizedString;
  /** Touched once: its name was said, and touching it again chooses it. */
  isPicked: boolean;
  isDisabled: boolean;
  onTouch: (optionId: string) => void;
}

/** A big picture with its name; a child who cannot read hears the name on the first touch. */
export function PictureButton({ optionId, picture, label, isPicked, isDisabled, onTouch }: PictureButtonProps) {
  const tap = useTap(() => onTouch(optionId));
  return (
    <button
      type="button"
      className="picture-button"
      data-option={optionId}
      aria-pressed={isPicked}
      disabled={isDisabled}
      {...tap}
    >
      <img className="picture-icon" src={picture} alt="" draggable={false} />
      <span className="picture-label">
        <UserText text={label.text} lang={label.language} />
      </span>
    </button>
  );
}
