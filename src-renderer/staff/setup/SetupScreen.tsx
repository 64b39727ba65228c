import { useState } from 'react';
import { setupInputSchema } from '../../../src-shared/contract/staff';
import type { KioskInfo } from '../../../src-shared/contract/kiosk';
import { staffLanguageOf, type LanguageCode } from '../../../src-shared/i18n/languages';
import { messages } from '../../../src-shared/i18n/messages';
import { client } from '../../api/transport';
import { LanguageToggles } from '../LanguageToggles';
import { PinPad } from '../PinPad';
import { problemText } from '../problem-text';
import '../staff.css';
import { KeyboardArea } from '../../typing/KeyboardArea';
import { TextField } from '../../typing/TextField';

interface SetupScreenProps {
  kiosk: KioskInfo;
  /** The language the kiosk starts in; set-up speaks it where staff texts exist, Finnish otherwise. */
  language: LanguageCode;
  onDone: () => void;
}

type Step = 'details' | 'pin' | 'again';

/** First start: until a site name, languages and a staff PIN are set, parents see nothing else. */
export function SetupScreen({ kiosk, language, onDone }: SetupScreenProps) {
  const texts = messages[staffLanguageOf(language)];
  const [step, setStep] = useState<Step>('details');
  // A kiosk from before set-up existed keeps what it had; a new one starts from the defaults.
  const [siteName, setSiteName] = useState(kiosk.siteName);
  const [languages, setLanguages] = useState<LanguageCode[]>([...kiosk.languages]);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState(new Map<string, string>());
  const [message, setMessage] = useState<string | null>(null);

  const checkDetails = () => {
    const checked = setupInputSchema.pick({ siteName: true, languages: true }).safeParse({ siteName, languages });
    if (!checked.success) {
      setProblems(new Map(checked.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message])));
      return;
    }
    setProblems(new Map());
    setStep('pin');
  };

  const finish = async () => {
    if (again !== pin) {
      setPin('');
      setAgain('');
      setStep('pin');
      setMessage(texts['settings.pinMismatch']);
      return;
    }
    const result = await client.call('staff.setup', { siteName, languages, pin });
    if (result.ok) return onDone();
    setMessage(texts['setup.failed']);
    setStep('details');
  };

  if (step !== 'details') {
    const isAgain = step === 'again';
    return (
      <main className="screen staff-screen pin-screen" data-screen="setup-pin">
        <h1>{texts['setup.title']}</h1>
        <p className="pin-prompt">{isAgain ? texts['settings.newPinAgain'] : texts['problem.pinFormat']}</p>
        <div role="alert">{message === null ? null : <p className="field-problem">{message}</p>}</div>
        <PinPad
          texts={texts}
          label={isAgain ? texts['settings.newPinAgain'] : texts['settings.newPin']}
          value={isAgain ? again : pin}
          submitLabel={isAgain ? texts['setup.save'] : texts['settings.next']}
          isDisabled={false}
          onChange={isAgain ? setAgain : setPin}
          onSubmit={() => {
            setMessage(null);
            if (isAgain) void finish();
            else setStep('again');
          }}
        />
        <button type="button" className="secondary-button" onClick={() => setStep('details')}>
          {texts['staff.back']}
        </button>
      </main>
    );
  }

  return (
    <KeyboardArea texts={texts} language={staffLanguageOf(language)} className="staff-keyboard-area" hasSentenceCase>
      <main className="screen staff-screen setup-screen" data-screen="setup">
        <h1>{texts['setup.title']}</h1>
        <p>{texts['setup.intro']}</p>
        <div role="alert">{message === null ? null : <p className="field-problem">{message}</p>}</div>
        <div className="editor-section">
          <TextField
            name="site-name"
            label={texts['settings.siteName']}
            value={siteName}
            maxLength={80}
            problem={problemText(texts, problems.get('siteName'))}
            onChange={setSiteName}
          />
        </div>
        <fieldset className="editor-section">
          <legend>{texts['settings.languages']}</legend>
          <LanguageToggles needsReviewLabel={texts['settings.needsReview']} label={texts['settings.languages']} value={languages} onChange={setLanguages} />
          {problems.has('languages') ? <p className="field-problem">{problemText(texts, problems.get('languages'))}</p> : null}
        </fieldset>
        <div className="editor-actions">
          <button type="button" className="primary-button" data-action="setup-next" onClick={checkDetails}>
            {texts['settings.next']}
          </button>
        </div>
      </main>
    </KeyboardArea>
  );
}
