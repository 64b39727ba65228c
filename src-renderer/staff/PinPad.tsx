import { pinLimits } from '../../src-shared/contract/staff';
import type { Messages } from '../../src-shared/i18n/fi';

interface PinPadProps {
  texts: Messages;
  label: string;
  value: string;
  submitLabel: string;
  isDisabled: boolean;
  onChange: (value: string) => void;
  onSubmit: () => void;
}

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Big digits in the phone order; the PIN shows as dots only. */
export function PinPad({ texts, label, value, submitLabel, isDisabled, onChange, onSubmit }: PinPadProps) {
  const add = (digit: string) => {
    if (value.length < pinLimits.max) onChange(value + digit);
  };
  return (
    <div className="pin-pad" role="group" aria-label={label}>
      <output className="pin-dots" aria-label={label} aria-live="polite">
        {value.length === 0 ? <span className="pin-dots-empty">{label}</span> : '●'.repeat(value.length)}
      </output>
      <div className="pin-keys">
        {digits.map((digit) => (
          <button key={digit} type="button" className="pin-key" data-digit={digit} disabled={isDisabled} onClick={() => add(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="pin-key pin-erase" disabled={isDisabled || value === ''} onClick={() => onChange(value.slice(0, -1))}>
          {texts['staff.erase']}
        </button>
        <button type="button" className="pin-key" data-digit="0" disabled={isDisabled} onClick={() => add('0')}>
          0
        </button>
        <button
          type="button"
          className="pin-key pin-submit"
          disabled={isDisabled || value.length < pinLimits.min}
          onClick={onSubmit}
        >
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
