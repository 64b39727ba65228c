import { useEffect, useState } from 'react';
import { fill } from '../../src-shared/i18n/format';
import type { Messages } from '../../src-shared/i18n/fi';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { client } from '../api/transport';
import { PinPad } from './PinPad';
import { formatTime } from './time-format';

interface PinScreenProps {
  texts: Messages;
  language: LanguageCode;
  /** Shown once, e.g. when the session ended while staff were away. */
  notice: string | null;
  onUnlocked: (session: { token: string; idleSeconds: number }) => void;
  onBack: () => void;
}

export function PinScreen({ texts, language, notice, onUnlocked, onBack }: PinScreenProps) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(notice);
  const [lockedUntil, setLockedUntil] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  // A pause from wrong PINs outlives the pad being closed: read it whenever the pad opens.
  useEffect(() => {
    let isCurrent = true;
    void client.call('staff.status', {}).then((status) => {
      if (!isCurrent || !status.ok || status.value.lockedUntil === null) return;
      setLockedUntil(status.value.lockedUntil);
      setMessage(fill(texts['staff.lockedOut'], { time: formatTime(status.value.lockedUntil, language) }));
    });
    return () => {
      isCurrent = false;
    };
  }, [texts, language]);

  useEffect(() => {
    if (lockedUntil === null) return undefined;
    const timer = window.setTimeout(() => {
      setLockedUntil(null);
      setMessage(null);
    }, Math.max(0, Date.parse(lockedUntil) - Date.now()) + 500);
    return () => window.clearTimeout(timer);
  }, [lockedUntil]);

  const submit = async () => {
    setIsBusy(true);
    const result = await client.call('staff.unlock', { pin });
    setIsBusy(false);
    setPin('');
    if (result.ok) {
      onUnlocked(result.value);
      return;
    }
    const status = await client.call('staff.status', {});
    if (status.ok && status.value.lockedUntil !== null) {
      setLockedUntil(status.value.lockedUntil);
      setMessage(fill(texts['staff.lockedOut'], { time: formatTime(status.value.lockedUntil, language) }));
    } else if (status.ok) {
      setMessage(fill(texts['staff.pinWrong'], { tries: status.value.triesLeft }));
    } else {
      setMessage(fill(texts['staff.failed'], { message: result.error.message }));
    }
  };

  return (
    <main className="screen staff-screen pin-screen" data-screen="staff-pin">
      <h1>{texts['staff.title']}</h1>
      <p className="pin-prompt">{texts['staff.pinPrompt']}</p>
      <div className="pin-message" role="alert">
        {message === null ? null : <p>{message}</p>}
      </div>
      <PinPad
        texts={texts}
        label={texts['staff.pinLabel']}
        value={pin}
        submitLabel={texts['staff.unlock']}
        isDisabled={isBusy || lockedUntil !== null}
        onChange={setPin}
        onSubmit={() => void submit()}
      />
      <button type="button" className="secondary-button" onClick={onBack}>
        {texts['staff.back']}
      </button>
    </main>
  );
}
