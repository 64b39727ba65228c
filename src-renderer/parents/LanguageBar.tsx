import { languageDirections, languageNames, type LanguageCode } from '../../src-shared/i18n/languages';

interface LanguageBarProps {
  languages: readonly LanguageCode[];
  current: LanguageCode;
  label: string;
  onChoose: (language: LanguageCode) => void;
}

/** Each language names itself in its own words, so a parent finds theirs without reading ours. */
export function LanguageBar({ languages, current, label, onChoose }: LanguageBarProps) {
  return (
    <nav className="language-bar" aria-label={label}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          className="language-button"
          lang={language}
          dir={languageDirections[language]}
          aria-pressed={language === current}
          onClick={() => onChoose(language)}
        >
          {languageNames[language]}
        </button>
      ))}
    </nav>
  );
}
