import { useEffect, useState } from 'react';
import { isOutcomeShown, outcomeTextLimit, type Outcome } from '../../../src-shared/contract/outcomes';
import { daysBetween } from '../../../src-shared/contract/report';
import { formatDay, shiftDay } from '../../../src-shared/i18n/days';
import type { Messages } from '../../../src-shared/i18n/fi';
import { staffLanguageOf, type LanguageCode } from '../../../src-shared/i18n/languages';
import { reportText } from '../../../src-shared/i18n/report-messages';
import { Stepper } from '../Stepper';
import type { StaffCall } from '../staff-call';
import { KeyboardArea } from '../../typing/KeyboardArea';
import { TextField } from '../../typing/TextField';
import { DiscardQuestion } from '../session/DiscardQuestion';
import type { OutcomeForm } from '../session/outcome-draft';
import { StaffHeader } from '../StaffHeader';

interface OutcomeEditorProps {
  texts: Messages;
  language: LanguageCode;
  call: StaffCall;
  /** The kiosk's own day, from which the dates are stepped. */
  today: string;
  outcome: Outcome | null;
  /** Unsaved changes kept when a session ended, shown in place of the outcome's own values. */
  draft?: OutcomeForm;
  restoredNotice?: string;
  /** The fields whenever they differ from the outcome, null when they no longer do: kept should the session end. */
  onChange: (form: OutcomeForm | null) => void;
  /** Saved: says in words when the start screen shows it. */
  onSaved: (message: string) => void;
  /** Left without saving (after asking, when something had changed). */
  onCancel: () => void;
}

/** A year either way is more than any council outcome needs, and keeps the steppers short. */
const dayRange = 366;
const defaultDays = 27;

/** One outcome: its text in Finnish (and optionally Swedish and English) and the days it shows. */
export function OutcomeEditor({ texts, language, call, today, outcome, draft, restoredNotice, onChange, onSaved, onCancel }: OutcomeEditorProps) {
  const [initial] = useState<OutcomeForm>(() => ({
    fi: outcome?.text.fi ?? '',
    sv: outcome?.text.sv ?? '',
    en: outcome?.text.en ?? '',
    startsOn: outcome?.startsOn ?? today,
    endsOn: outcome?.endsOn ?? shiftDay(today, defaultDays),
  }));
  const [fi, setFi] = useState((draft ?? initial).fi);
  const [sv, setSv] = useState((draft ?? initial).sv);
  const [en, setEn] = useState((draft ?? initial).en);
  const [startsOn, setStartsOn] = useState((draft ?? initial).startsOn);
  const [endsOn, setEndsOn] = useState((draft ?? initial).endsOn);
  const [isAskingToLeave, setIsAskingToLeave] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const text = (key: Parameters<typeof reportText>[1]) => reportText(language, key);
  const isFinnishMissing = fi.trim() === '';
  const isChanged = JSON.stringify({ fi, sv, en, startsOn, endsOn } satisfies OutcomeForm) !== JSON.stringify(initial);
  // Reported when a field changes, not on every render: the parent hands a new onChange each time.
  useEffect(() => onChange(isChanged ? { fi, sv, en, startsOn, endsOn } : null), [fi, sv, en, startsOn, endsOn]);

  const save = async () => {
    if (isFinnishMissing) {
      setProblem(text('outcomes.finnishMissing'));
      return;
    }
    setIsBusy(true);
    const result = await call('outcomes.save', { id: outcome?.id ?? null, draft: { text: { fi, sv, en }, startsOn, endsOn } });
    setIsBusy(false);
    if (result.ok) onSaved(savedMessage(result.value.outcome));
    else setProblem(text('outcomes.saveFailed'));
  };
  const savedMessage = (saved: Pick<Outcome, 'startsOn' | 'endsOn'>) => {
    if (isOutcomeShown(saved, today)) return text('outcomes.savedShown');
    if (saved.endsOn < today) return text('outcomes.savedPast');
    return reportText(language, 'outcomes.savedLater', { from: formatDay(saved.startsOn), to: formatDay(saved.endsOn) });
  };
  const footer = (
    <footer className="editor-actions staff-footer">
      <div role="alert" className="editor-alert">
        {problem === null || isFinnishMissing ? null : <p className="field-problem">{problem}</p>}
      </div>
      <button type="button" className="primary-button" data-action="save-outcome" disabled={isBusy} onClick={() => void save()}>
        {text('outcomes.save')}
      </button>
    </footer>
  );
  const dayStepper = (label: string, name: string, value: string, minimum: number, onChange: (day: string) => void) => (
    <div className="editor-section">
      <p className="text-language-label">{label}</p>
      <Stepper
        name={name}
        label={label}
        value={daysBetween(today, value)}
        display={formatDay(value)}
        min={minimum}
        max={dayRange}
        step={1}
        lessLabel={texts['settings.less']}
        moreLabel={texts['settings.more']}
        onChange={(offset) => onChange(shiftDay(today, offset))}
      />
    </div>
  );

  return (
    <KeyboardArea texts={texts} language={staffLanguageOf(language)} className="staff-keyboard-area" hasSentenceCase footer={footer}>
      <main className="screen staff-screen outcome-editor" data-screen="staff-outcome-editor">
        <StaffHeader title={outcome === null ? text('outcomes.new') : text('outcomes.edit')} exit={{ label: text('outcomes.cancel'), action: 'cancel', onPress: () => (isChanged ? setIsAskingToLeave(true) : onCancel()) }} />
        {restoredNotice === undefined ? null : (
          <p className="editor-note" role="status" data-notice="draft-restored">
            {restoredNotice}
          </p>
        )}
        <p className="editor-note">{text('outcomes.intro')}</p>
        <div className="editor-section">
          <TextField name="outcome-fi" label={text('outcomes.textFi')} value={fi} lang="fi" maxLength={outcomeTextLimit} isMultiline problem={isFinnishMissing ? problem : null} onChange={(value) => {
              setFi(value);
              setProblem(null);
            }} />
          <TextField name="outcome-sv" label={text('outcomes.textSv')} value={sv} lang="sv" maxLength={outcomeTextLimit} isMultiline onChange={setSv} />
          <TextField name="outcome-en" label={text('outcomes.textEn')} value={en} lang="en" maxLength={outcomeTextLimit} isMultiline onChange={setEn} />
        </div>
        {dayStepper(text('outcomes.startsOn'), 'starts-on', startsOn, -dayRange, (day) => {
          setStartsOn(day);
          if (endsOn < day) setEndsOn(day);
        })}
        {dayStepper(text('outcomes.endsOn'), 'ends-on', endsOn, daysBetween(today, startsOn), setEndsOn)}
      </main>
      {isAskingToLeave ? <DiscardQuestion texts={texts} onDiscard={onCancel} onStay={() => setIsAskingToLeave(false)} /> : null}
    </KeyboardArea>
  );
}
