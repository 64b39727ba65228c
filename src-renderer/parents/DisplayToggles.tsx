import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import type { DisplaySettings } from './display-settings';

interface DisplayTogglesProps {
  display: DisplaySettings;
  texts: ParentMessages;
  onChange: (display: DisplaySettings) => void;
}

/** Two toggles with a picture and words, so a parent who cannot read ours still sees what each does. */
export function DisplayToggles({ display, texts, onChange }: DisplayTogglesProps) {
  return (
    <div className="display-toggles" role="group" aria-label={texts['display.label']}>
      <button
        type="button"
        className="display-toggle"
        data-toggle="contrast"
        aria-pressed={display.isHighContrast}
        onClick={() => onChange({ ...display, isHighContrast: !display.isHighContrast })}
      >
        <svg className="toggle-icon" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2.5" />
          <path d="M12 2a10 10 0 0 1 0 20z" fill="currentColor" />
        </svg>
        <span>{texts['display.contrast']}</span>
      </button>
      <button
        type="button"
        className="display-toggle"
        data-toggle="large-text"
        aria-pressed={display.isLargeText}
        onClick={() => onChange({ ...display, isLargeText: !display.isLargeText })}
      >
        <svg className="toggle-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M1 20l4-11 4 11M2.5 16h5M11 21l6-17 6 17M13.2 15h7.6" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round" />
        </svg>
        <span>{texts['display.largeText']}</span>
      </button>
    </div>
  );
}
