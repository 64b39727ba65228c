import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import type { DisplaySettings } from './display-settings';
import { DisplayToggle } from './DisplayToggle';

interface DisplayTogglesProps {
  display: DisplaySettings;
  texts: ParentMessages;
  onChange: (display: DisplaySettings) => void;
}

/** Two toggles with a picture and words, so a parent who cannot read ours still sees what each does. */
export function DisplayToggles({ display, texts, onChange }: DisplayTogglesProps) {
  return (
    <div className="display-toggles" role="group" aria-label={texts['display.label']}>
      <DisplayToggle
        name="contrast"
        isOn={display.isHighContrast}
        label={texts['display.contrast']}
        onToggle={() => onChange({ ...display, isHighContrast: !display.isHighContrast })}
        icon={
          <>
            <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2.5" />
            <path d="M12 2a10 10 0 0 1 0 20z" fill="currentColor" />
          </>
        }
      />
      <DisplayToggle
        name="large-text"
        isOn={display.isLargeText}
        label={texts['display.largeText']}
        onToggle={() => onChange({ ...display, isLargeText: !display.isLargeText })}
        icon={<path d="M1 20l4-11 4 11M2.5 16h5M11 21l6-17 6 17M13.2 15h7.6" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round" />}
      />
    </div>
  );
}
