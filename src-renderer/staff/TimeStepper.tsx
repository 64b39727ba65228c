import type { Messages } from '../../src-shared/i18n/fi';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { formatDateTime, toLocalIso } from './time-format';

interface TimeStepperProps {
  label: string;
  value: string;
  texts: Messages;
  language: LanguageCode;
  onChange: (value: string) => void;
  name: string;
}

const steps = [
  { unit: 'time.day', milliseconds: 86_400_000 },
  { unit: 'time.hour', milliseconds: 3_600_000 },
  { unit: 'time.quarter', milliseconds: 900_000 },
] as const;

/** A date and time set with big earlier and later buttons: no keyboard, no tiny calendar. */
export function TimeStepper({ label, value, texts, language, onChange, name }: TimeStepperProps) {
  const shift = (milliseconds: number) => onChange(toLocalIso(new Date(Date.parse(value) + milliseconds)));
  return (
    <div className="time-stepper" role="group" aria-label={label}>
      <output className="time-value" data-time={name}>
        {formatDateTime(value, language)}
      </output>
      <div className="time-steps">
        {steps.map((step) => (
          <div className="time-step" key={step.unit}>
            <button
              type="button"
              className="step-button"
              aria-label={`${texts['time.earlier']}: ${texts[step.unit]}`}
              onClick={() => shift(-step.milliseconds)}
            >
              − {texts[step.unit]}
            </button>
            <button
              type="button"
              className="step-button"
              aria-label={`${texts['time.later']}: ${texts[step.unit]}`}
              onClick={() => shift(step.milliseconds)}
            >
              + {texts[step.unit]}
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
