import { useState } from 'react';
import type { Messages } from '../../src-shared/i18n/fi';
import { PinPad } from './PinPad';
import type { StaffCall } from './staff-call';

interface PinChangeProps {
  texts: Messages;
  call: StaffCall;
  onDone: (message: string) => void;
  onCancel: () => void;
}

type Step = 'current' | 'new' | 'again';

/** The current PIN, then the new one twice, each on the big pad. */
export function PinChange({ texts, call, onDone, onCancel }: PinChangeProps) {
  const [step, setStep] = useState<Step>('current');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const labels: Record<Step, string> = {
    current: texts['settings.currentPin'],
    new: texts['settings.newPin'],
    again: texts['settings.newPinAgain'],
  };
  const values: Record<Step, string> = { current, new: next, again };
  const setters: Record<Step, (value: string) => void> = { current: setCurrent, new: setNext, again: setAgain };

  const submit = async () => {
    setMessage(null);
    if (step === 'current') return setStep('new');
    if (step === 'new') return setStep('again');
    if (again !== next) {
      setAgain('');
      setNext('');
      setStep('new');
      setMessage(texts['settings.pinMismatch']);
      return;
    }
    const result = await call('staff.changePin', { currentPin: current, newPin: next });
    if (result.ok) return onDone(texts['settings.pinChanged']);
    setCurrent('');
    setNext('');
    setAgain('');
    setStep('current');
    setMessage(result.error.code === 'unauthorized' ? texts['settings.pinWrong'] : result.error.message);
  };

  return (
    <section className="pin-change" aria-labelledby="pin-change-heading">
      <h2 id="pin-change-heading">{texts['settings.pinChange']}</h2>
      <p className="pin-prompt">{labels[step]}</p>
      <div role="alert">{message === null ? null : <p className="field-problem">{message}</p>}</div>
      <PinPad
        texts={texts}
        label={labels[step]}
        value={values[step]}
        submitLabel={step === 'again' ? texts['settings.save'] : texts['settings.next']}
        isDisabled={false}
        onChange={setters[step]}
        onSubmit={() => void submit()}
      />
      <button type="button" className="secondary-button" onClick={onCancel}>
        {texts['editor.cancel']}
      </button>
    </section>
  );
}
