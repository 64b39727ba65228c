import { draftLanguages, languageCodes, languageNames, type LanguageCode } from '../../src-shared/i18n/languages';

interface LanguageTogglesProps {
  label: string;
  /** Shown on draft languages, so staff know a native speaker has not checked them yet. */
  needsReviewLabel: string;
  value: readonly LanguageCode[];
  onChange: (languages: LanguageCode[]) => void;
}

/** Each language on or off; the order stays the kiosk's usual one. */
export function LanguageToggles({ label, needsReviewLabel, value, onChange }: LanguageTogglesProps) {
  const toggle = (language: LanguageCode) =>
    onChange(languageCodes.filter((code) => (code === language ? !value.includes(code) : value.includes(code))));
  return (
    <div className="choice-group" role="group" aria-label={label}>
      {languageCodes.map((code) => (
        <button
          key={code}
          type="button"
          className="toggle-button"
          data-choice={`language:${code}`}
          aria-pressed={value.includes(code)}
          onClick={() => toggle(code)}
        >
          {value.includes(code) ? '✓ ' : ''}
          <span lang={code}>{languageNames[code]}</span>
          {draftLanguages.includes(code) ? <span className="draft-tag">{` (${needsReviewLabel})`}</span> : null}
        </button>
      ))}
    </div>
  );
}
