import { useEffect, useRef, useState } from 'react';
import { settingsInputSchema, timingLimits, type SettingsInput, type SettingsView } from '../../src-shared/contract/settings';
import { fill } from '../../src-shared/i18n/format';
import { languageNames, staffLanguageOf } from '../../src-shared/i18n/languages';
import { KeyboardArea } from '../typing/KeyboardArea';
import { TextField } from '../typing/TextField';
import { ChoiceGroup } from './ChoiceGroup';
import { KioskClock } from './KioskClock';
import { LanguageToggles } from './LanguageToggles';
import { PinChange } from './PinChange';
import { problemText } from './problem-text';
import type { StaffScreenProps } from './staff-call';
import { OpeningHoursFields } from './OpeningHoursFields';
import { RetentionField } from './RetentionField';
import { Stepper } from './Stepper';
import { DiscardQuestion } from './session/DiscardQuestion';
import { StaffHeader } from './StaffHeader';

interface SettingsScreenProps extends StaffScreenProps {
  /** Changes kept when a session ended mid-edit: the form opens with them, still unsaved. */
  draft?: SettingsInput;
  /** Shown once at the top, e.g. that kept changes came back. */
  restoredNotice?: string;
  /** The form whenever it differs from what is saved, else null: a session that ends keeps it. */
  onChange: (changed: SettingsInput | null) => void;
  onSaved: () => void;
  onBack: () => void;
}

export function SettingsScreen({ texts, language, call, draft, restoredNotice, onChange, onSaved, onBack }: SettingsScreenProps) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [form, setForm] = useState<SettingsInput | null>(null);
  const [savedForm, setSavedForm] = useState<SettingsInput | null>(null);
  const [isAskingToLeave, setIsAskingToLeave] = useState(false);
  const [problems, setProblems] = useState(new Map<string, string>());
  const [notice, setNotice] = useState<string | null>(null);
  const [isChangingPin, setIsChangingPin] = useState(false);

  // The kept changes are read once, when the screen opens.
  const openingDraft = useRef(draft);
  useEffect(() => {
    void call('settings.get', {}).then((result) => {
      if (!result.ok) return;
      const { siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, openingHours, retentionDays } = result.value;
      const saved = { siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, openingHours, retentionDays };
      setView(result.value);
      setForm(openingDraft.current ?? saved);
      setSavedForm(saved);
    });
  }, [call]);
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  const isChanged = JSON.stringify(form) !== JSON.stringify(savedForm);
  useEffect(() => {
    latestOnChange.current(form !== null && isChanged ? form : null);
  }, [form, isChanged]);

  if (view === null || form === null) return <main className="screen staff-screen" data-screen="staff-settings" />;
  const change = (next: Partial<SettingsInput>) => {
    setForm({ ...form, ...next });
    setNotice(null);
  };

  const save = async () => {
    const checked = settingsInputSchema.safeParse(form);
    if (!checked.success) {
      setProblems(new Map(checked.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message])));
      return;
    }
    setProblems(new Map());
    const result = await call('settings.update', checked.data);
    if (!result.ok) {
      setNotice(fill(texts['staff.failed'], { message: result.error.message }));
      return;
    }
    setView(result.value);
    setSavedForm(form);
    setNotice(texts['settings.saved']);
    onSaved();
  };

  const seconds = (value: number) => fill(texts['settings.seconds'], { seconds: value });
  const footer = isChangingPin ? null : (
    <footer className="editor-actions staff-footer">
      <div role="status" className="settings-notice editor-alert">
        {notice === null ? null : <p>{notice}</p>}
      </div>
      <button type="button" className="primary-button" data-action="save-settings" onClick={() => void save()}>
        {texts['settings.save']}
      </button>
    </footer>
  );
  return (
    <KeyboardArea texts={texts} language={staffLanguageOf(language)} className="staff-keyboard-area" hasSentenceCase footer={footer}>
      <main className="screen staff-screen settings-screen" data-screen="staff-settings">
        <StaffHeader title={texts['staff.settings']} exit={{ label: texts['staff.back'], action: 'back', onPress: () => (isChanged ? setIsAskingToLeave(true) : onBack()) }} />
        {restoredNotice === undefined ? null : (
          <p className="editor-note" role="status" data-notice="draft-restored">
            {restoredNotice}
          </p>
        )}
        <section className="editor-section" aria-labelledby="clock-heading">
          <h2 id="clock-heading">{texts['settings.clock']}</h2>
          <KioskClock kioskNow={view.now} language={language} label={texts['settings.clock']} />
          <p className="hint">{texts['settings.clockHint']}</p>
        </section>
        {isChangingPin ? (
          <PinChange
            texts={texts}
            call={call}
            onCancel={() => setIsChangingPin(false)}
            onDone={(message) => {
              setIsChangingPin(false);
              setNotice(message);
            }}
          />
        ) : (
          <>
            <div className="editor-section">
              <TextField
                name="site-name"
                label={texts['settings.siteName']}
                value={form.siteName}
                maxLength={80}
                problem={problemText(texts, problems.get('siteName'))}
                onChange={(siteName) => change({ siteName })}
              />
            </div>
            <fieldset className="editor-section">
              <legend>{texts['settings.languages']}</legend>
              <LanguageToggles label={texts['settings.languages']} needsReviewLabel={texts['settings.needsReview']} value={form.languages} onChange={(languages) => change({ languages })} />
              {problems.has('languages') ? <p className="field-problem">{problemText(texts, problems.get('languages'))}</p> : null}
            </fieldset>
            <fieldset className="editor-section">
              <legend>{texts['settings.defaultLanguage']}</legend>
              <ChoiceGroup
                name="default-language"
                label={texts['settings.defaultLanguage']}
                value={form.defaultLanguage}
                choices={form.languages.map((code) => ({ value: code, label: languageNames[code] }))}
                onChange={(defaultLanguage) => change({ defaultLanguage })}
              />
              {problems.has('defaultLanguage') ? <p className="field-problem">{problemText(texts, problems.get('defaultLanguage'))}</p> : null}
            </fieldset>
            <fieldset className="editor-section">
              <legend>{texts['settings.idle']}</legend>
              <Stepper
                name="idle"
                label={texts['settings.idle']}
                value={form.idleSeconds}
                display={seconds(form.idleSeconds)}
                min={timingLimits.idleSeconds.min}
                max={timingLimits.idleSeconds.max}
                step={10}
                lessLabel={texts['settings.less']}
                moreLabel={texts['settings.more']}
                onChange={(idleSeconds) => change({ idleSeconds })}
              />
            </fieldset>
            <fieldset className="editor-section">
              <legend>{texts['settings.thanks']}</legend>
              <Stepper
                name="thanks"
                label={texts['settings.thanks']}
                value={form.thanksSeconds}
                display={seconds(form.thanksSeconds)}
                min={timingLimits.thanksSeconds.min}
                max={timingLimits.thanksSeconds.max}
                step={1}
                lessLabel={texts['settings.less']}
                moreLabel={texts['settings.more']}
                onChange={(thanksSeconds) => change({ thanksSeconds })}
              />
            </fieldset>
            <fieldset className="editor-section" data-field="opening-hours">
              <legend>{texts['settings.openingHours']}</legend>
              <p className="field-hint">{texts['settings.openingHoursHint']}</p>
              <OpeningHoursFields
                texts={texts}
                language={language}
                value={form.openingHours ?? view.openingHours}
                onChange={(openingHours) => change({ openingHours })}
              />
            </fieldset>
            <RetentionField
              texts={texts}
              language={language}
              value={form.retentionDays ?? view.retentionDays}
              lastPurge={view.lastPurge}
              onChange={(retentionDays) => change({ retentionDays })}
            />
            <div className="editor-actions">
              <button type="button" className="secondary-button" data-action="change-pin" onClick={() => setIsChangingPin(true)}>
                {texts['settings.pinChange']}
              </button>
            </div>
          </>
        )}
      </main>
      {isAskingToLeave ? <DiscardQuestion texts={texts} onDiscard={onBack} onStay={() => setIsAskingToLeave(false)} /> : null}
    </KeyboardArea>
  );
}
