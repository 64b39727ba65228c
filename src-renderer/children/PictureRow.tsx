import { localize, type LocalizedString } from '../../src-shared/contract/localize';
import type { Poll } from '../../src-shared/contract/polls';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { childPictogramFor } from './child-pictograms';
import { PictureButton } from './PictureButton';

interface PictureRowProps {
  poll: Poll;
  language: LanguageCode;
  question: LocalizedString;
  /** Laid out as a grid of rows, for the many pictures of a pick-pictures question. */
  isGrid?: boolean;
  isPicked: (optionId: string) => boolean;
  isBusy: boolean;
  onTouch: (optionId: string) => void;
}

/** The poll's options as big pictures with their names, one group named by the question. */
export function PictureRow({ poll, language, question, isGrid = false, isPicked, isBusy, onTouch }: PictureRowProps) {
  return (
    <div className={isGrid ? 'picture-row picture-grid' : 'picture-row'} role="group" aria-label={question.text}>
      {poll.options.map((option) => (
        <PictureButton
          key={option.id}
          optionId={option.id}
          picture={childPictogramFor(option.id)}
          label={localize(option.label, language)}
          isPicked={isPicked(option.id)}
          isDisabled={isBusy}
          onTouch={onTouch}
        />
      ))}
    </div>
  );
}
