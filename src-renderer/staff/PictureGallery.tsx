import { childPictures } from '../../src-shared/contract/child-pictures';
import { localize } from '../../src-shared/contract/localize';
import { optionLimits } from '../../src-shared/contract/polls';
import type { Messages } from '../../src-shared/i18n/fi';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { childPictogramFor } from '../children/child-pictograms';
import { emptyOption, type EditorOption } from './editor-state';
import { problemText } from './problem-text';

interface PictureGalleryProps {
  options: EditorOption[];
  language: LanguageCode;
  texts: Messages;
  problems: Map<string, string>;
  onChange: (options: EditorOption[]) => void;
}

/**
 * The pictures of a "pick pictures" poll, chosen from our gallery rather than written: each
 * comes with its name in every kiosk language, so the kiosk can always say it aloud.
 */
export function PictureGallery({ options, language, texts, problems, onChange }: PictureGalleryProps) {
  const chosen = new Set(options.flatMap((option) => (option.id === undefined ? [] : [option.id])));
  const listProblem = problemText(texts, problems.get('options'));
  const toggle = (id: string) => {
    const next = chosen.has(id) ? [...chosen].filter((known) => known !== id) : [...chosen, id];
    const kept = new Map(options.map((option) => [option.id, option]));
    // The gallery's order, whatever order they were tapped in: the kiosk shows them so.
    onChange(
      childPictures
        .filter((picture) => next.includes(picture.id))
        .map((picture) => kept.get(picture.id) ?? { ...emptyOption(), id: picture.id, label: { ...emptyOption().label, ...picture.label } }),
    );
  };
  return (
    <fieldset className="editor-section picture-gallery">
      <legend>{texts['editor.pictures']}</legend>
      {listProblem === null ? null : <p className="field-problem">{listProblem}</p>}
      <div className="gallery-grid">
        {childPictures.map((picture) => {
          const isChosen = chosen.has(picture.id);
          return (
            <button
              key={picture.id}
              type="button"
              className="gallery-button"
              data-picture={picture.id}
              aria-pressed={isChosen}
              disabled={!isChosen && chosen.size >= optionLimits.max}
              onClick={() => toggle(picture.id)}
            >
              <img src={childPictogramFor(picture.id)} alt="" draggable={false} />
              <span lang={localize(picture.label, language).language}>{localize(picture.label, language).text}</span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
