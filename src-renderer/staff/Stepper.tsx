interface StepperProps {
  label: string;
  value: number;
  display: string;
  min: number;
  max: number;
  step: number;
  lessLabel: string;
  moreLabel: string;
  onChange: (value: number) => void;
  name: string;
}

/** A number chosen with − and + buttons. */
export function Stepper({ label, value, display, min, max, step, lessLabel, moreLabel, onChange, name }: StepperProps) {
  return (
    <div className="stepper" role="group" aria-label={label}>
      <button type="button" className="step-button" aria-label={`${label}: ${lessLabel}`} disabled={value <= min} onClick={() => onChange(Math.max(min, value - step))}>
        −
      </button>
      <output className="stepper-value" data-value={name}>
        {display}
      </output>
      <button type="button" className="step-button" aria-label={`${label}: ${moreLabel}`} disabled={value >= max} onClick={() => onChange(Math.min(max, value + step))}>
        +
      </button>
    </div>
  );
}
