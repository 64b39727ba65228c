import { useEffect, useRef, useState } from 'react';
import { ownOptionKinds } from '../../src-shared/contract/poll-draft';
import { pollKinds } from '../../src-shared/contract/polls';
import { textLimits } from '../../src-shared/contract/text-limits';
import { languageCodes, languageNames, staffLanguageOf, type LanguageCode } from '../../src-shared/i18n/languages';
import { KeyboardArea } from '../typing/KeyboardArea';
import { TextField } from '../typing/TextField';
import { ChoiceGroup } from './ChoiceGroup';
import { findProblems, languagesWithProblems, toDraft, withKind, type EditorState } from './editor-state';
import { OptionFields } from './OptionFields';
import { PictureGallery } from './PictureGallery';
import { problemText } from './problem-text';
import { ScheduleFields } from './ScheduleFields';
import { DiscardQuestion } from './session/DiscardQuestion';
import type { StaffScreenProps } from './staff-call';
import { StaffHeader } from './StaffHeader';

interface PollEditorProps extends StaffScreenProps {
  pollId: string | null;
  initial: EditorState;
  /** Answers the poll already has; editing such a poll makes a new version. */
  answers: number;
  /** Shown once at the top, e.g. that a kept draft came back. */
  notice?: string;
  /** Every change, so a session that ends mid-edit keeps the form. */
  onChange: (state: EditorState) => void;
  /** Saved; `isActive` when it now runs on the kiosk. */
  onSaved: (isActive: boolean) => void;
  onCancel: () => void;
}

export function PollEditor({ texts, language, call, pollId, initial, answers, notice, onChange, onSaved, onCancel }: PollEditorProps) {
  const [state, setState] = useState(initial);
  const [textLanguage, setTextLanguage] = useState<LanguageCode>('fi');
  const [hasTried, setHasTried] = useState(false);
  const [serverProblems, setServerProblems] = useState(new Map<string, string>());
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isAskingToLeave, setIsAskingToLeave] = useState(false);
  const [kioskLanguages, setKioskLanguages] = useState<readonly LanguageCode[]>(['fi']);
  useEffect(() => {
    void call('kiosk.info', {}).then((info) => {
      if (info.ok) setKioskLanguages(info.value.languages);
    });
  }, [call]);
  // Only the languages the kiosk shows, Finnish always, and any in which this poll already has text.
  const authoringLanguages = languageCodes.filter(
    (code) =>
      code === 'fi' ||
      kioskLanguages.includes(code) ||
      state.question[code] !== '' ||
      state.options.some((option) => option.label[code] !== ''),
  );
  // A draft brought back after the PIN counts as changed: leaving it would throw it away.
  const isChanged = notice !== undefined || JSON.stringify(state) !== JSON.stringify(initial);
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  useEffect(() => {
    latestOnChange.current(state);
  }, [state]);
  const change = (next: Partial<EditorState>) => {
    setState((current) => ({ ...current, ...next }));
    setServerProblems(new Map());
  };
  const problems = hasTried ? new Map([...findProblems(state, new Date()), ...serverProblems]) : new Map<string, string>();
  const troubledLanguages = languagesWithProblems(problems);

  const save = async (shouldActivate: boolean) => {
    setHasTried(true);
    setFailure(null);
    if (findProblems(state, new Date()).size > 0) return;
    setIsBusy(true);
    const saved = await call('polls.save', { pollId, draft: toDraft(state) });
    if (!saved.ok) {
      setIsBusy(false);
      const issues = saved.error.issues ?? [];
      setServerProblems(new Map(issues.map((issue) => [issue.path.replace(/^draft\./, ''), issue.message])));
      if (issues.length === 0) setFailure(saved.error.message);
      return;
    }
    if (shouldActivate) {
      const activated = await call('polls.setState', { pollId: saved.value.poll.id, state: 'active' });
      if (!activated.ok) {
        setIsBusy(false);
        setFailure(activated.error.message);
        return;
      }
    }
    onSaved(shouldActivate);
  };

  const footer = (
    <footer className="editor-actions staff-footer">
      <div role="alert" className="editor-alert">
        {problems.size > 0 ? <p className="field-problem">{texts['editor.fixErrors']}</p> : null}
        {failure === null ? null : <p className="field-problem">{failure}</p>}
      </div>
      <button type="button" className="secondary-button" data-action="save-draft" disabled={isBusy} onClick={() => void save(false)}>
        {texts['editor.saveDraft']}
      </button>
      <button type="button" className="primary-button" data-action="save-activate" disabled={isBusy} onClick={() => void save(true)}>
        {texts['editor.saveActivate']}
      </button>
    </footer>
  );

  return (
    <KeyboardArea texts={texts} language={staffLanguageOf(language)} className="staff-keyboard-area" hasSentenceCase footer={footer}>
      <main className="screen staff-screen poll-editor" data-screen="staff-editor">
        <StaffHeader title={pollId === null ? texts['editor.titleNew'] : texts['editor.titleEdit']} exit={{ label: texts['editor.cancel'], action: 'cancel', onPress: () => (isChanged ? setIsAskingToLeave(true) : onCancel()) }} />
        {notice === undefined ? null : (
          <p className="editor-note" role="status" data-notice="draft-restored">
            {notice}
          </p>
        )}
        {answers > 0 ? <p className="editor-note">{texts['editor.newVersion']}</p> : null}
        <fieldset className="editor-section">
          <legend>{texts['editor.kind']}</legend>
          <ChoiceGroup
            name="kind"
            label={texts['editor.kind']}
            value={state.kind}
            choices={pollKinds.map((kind) => ({ value: kind, label: texts[`editor.kind.${kind}`] }))}
            onChange={(kind) => change(withKind(state, kind))}
          />
        </fieldset>
        <div className="editor-section">
          <p className="text-language-label">{texts['editor.textLanguage']}</p>
          <ChoiceGroup
            name="text-language"
            label={texts['editor.textLanguage']}
            value={textLanguage}
            choices={authoringLanguages.map((code) => ({ value: code, label: languageNames[code], hasProblem: troubledLanguages.has(code) }))}
            onChange={setTextLanguage}
          />
          <TextField
            key={`question-${textLanguage}`}
            name={`question-${textLanguage}`}
            label={`${texts['editor.question']} ${texts[`editor.in.${textLanguage}`]}`}
            value={state.question[textLanguage]}
            lang={textLanguage}
            maxLength={textLimits.question}
            isMultiline
            problem={problemText(texts, problems.get(`question.${textLanguage}`))}
            onChange={(value) => change({ question: { ...state.question, [textLanguage]: value } })}
          />
        </div>
        {ownOptionKinds.has(state.kind) ? (
          <OptionFields options={state.options} language={textLanguage} texts={texts} problems={problems} onChange={(options) => change({ options })} />
        ) : null}
        {state.kind === 'child-pictures' ? (
          <PictureGallery options={state.options} language={language} texts={texts} problems={problems} onChange={(options) => change({ options })} />
        ) : null}
        <div className="editor-section">
          <button
            type="button"
            className="toggle-button"
            data-choice="comment"
            aria-pressed={state.comment}
            onClick={() => change({ comment: !state.comment })}
          >
            {state.comment ? '☑ ' : '☐ '}
            {texts['editor.comment']}
          </button>
        </div>
        <ScheduleFields state={state} texts={texts} language={language} problems={problems} onChange={change} />
      </main>
      {isAskingToLeave ? <DiscardQuestion texts={texts} onDiscard={onCancel} onStay={() => setIsAskingToLeave(false)} /> : null}
    </KeyboardArea>
  );
}
