import { languageCodes, languageNames, type LanguageCode } from '../../src-shared/i18n/languages';

interface LanguageTogglesProps {
  label: string;
  value: readonly LanguageCode[];
  onChange: (languages: LanguageCode[]) => void;
}

/** Each language on or off; the order stays the kiosk's usual one. */
export function LanguageToggles({ label, value, onChange }: LanguageTogglesProps) {
  const toggle = (language: LanguageCode) =>
    onChange(languageCodes.filter((code) => (code === language ? !value.includes(code) : value.includes(code))));
  return (
    <div className="choice-group" role="group" aria-label={label}>
      {languageCodes.map((code) => (
        <button
          key={code}
          type="button"
          className="toggle-button"
          lang={code}
          data-choice={`language:${code}`}
          aria-pressed={value.includes(code)}
          onClick={() => toggle(code)}
        >
          {value.includes(code) ? '✓ ' : ''}
          {languageNames[code]}
        </button>
      ))}
    </div>
  );
}
