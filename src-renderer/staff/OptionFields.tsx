import { optionLimits } from '../../src-shared/contract/polls';
import { textLimits } from '../../src-shared/contract/text-limits';
import { fill } from '../../src-shared/i18n/format';
import type { Messages } from '../../src-shared/i18n/fi';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { TextField } from '../typing/TextField';
import { emptyOption, type EditorOption } from './editor-state';
import { problemText } from './problem-text';

interface OptionFieldsProps {
  options: EditorOption[];
  language: LanguageCode;
  texts: Messages;
  problems: Map<string, string>;
  onChange: (options: EditorOption[]) => void;
}

/** The options of a single- or multi-choice poll, in the language being written. */
export function OptionFields({ options, language, texts, problems, onChange }: OptionFieldsProps) {
  const listProblem = problemText(texts, problems.get('options'));
  const setLabel = (key: number, value: string) =>
    onChange(options.map((option) => (option.key === key ? { ...option, label: { ...option.label, [language]: value } } : option)));
  return (
    <fieldset className="editor-section option-fields">
      <legend>{texts['editor.options']}</legend>
      {listProblem === null ? null : <p className="field-problem">{listProblem}</p>}
      <ol className="option-list">
        {options.map((option, index) => (
          <li key={option.key} className="option-row" data-option-index={index}>
            <TextField
              label={`${fill(texts['editor.option'], { number: index + 1 })} ${texts[`editor.in.${language}`]}`}
              name={`option-${index}-${language}`}
              value={option.label[language]}
              lang={language}
              maxLength={textLimits.option}
              problem={problemText(texts, problems.get(`options.${index}.label.${language}`) ?? problems.get(`options.${index}.id`))}
              onChange={(value) => setLabel(option.key, value)}
            />
            <button
              type="button"
              className="secondary-button remove-option"
              disabled={options.length <= 1}
              aria-label={`${texts['editor.removeOption']}: ${fill(texts['editor.option'], { number: index + 1 })}`}
              onClick={() => onChange(options.filter((known) => known.key !== option.key))}
            >
              {texts['editor.removeOption']}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary-button"
        data-action="add-option"
        disabled={options.length >= optionLimits.max}
        onClick={() => onChange([...options, emptyOption()])}
      >
        + {texts['editor.addOption']}
      </button>
    </fieldset>
  );
}
