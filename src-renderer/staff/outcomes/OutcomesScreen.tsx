import { useCallback, useEffect, useState } from 'react';
import { isOutcomeShown, type Outcome } from '../../../src-shared/contract/outcomes';
import { localize } from '../../../src-shared/contract/localize';
import { formatDay } from '../../../src-shared/i18n/days';
import { reportText } from '../../../src-shared/i18n/report-messages';
import type { StaffScreenProps } from '../staff-call';
import type { OutcomeDraft, OutcomeForm } from '../session/outcome-draft';
import { SavedNotice } from '../session/SavedNotice';
import { OutcomeEditor } from './OutcomeEditor';
import './outcomes-screen.css';
import { StaffHeader } from '../StaffHeader';
import { UserText } from '../../user-text/UserText';

interface OutcomesScreenProps extends StaffScreenProps {
  /** Unsaved changes kept when a session ended: the editor opens with them. */
  draft?: OutcomeDraft;
  restoredNotice?: string;
  /** The editor's unsaved changes, null when there are none. */
  onChange: (draft: OutcomeDraft | null) => void;
  /** The editor was saved or given up: nothing is left to keep. */
  onEditorClosed: () => void;
  onBack: () => void;
}

type Editing = { outcomeId: string | null; draft?: OutcomeForm; notice?: string } | null;

/** "You said, we did": the council's outcomes, each with the days it shows on the start screen. */
export function OutcomesScreen({ texts, language, call, draft, restoredNotice, onChange, onEditorClosed, onBack }: OutcomesScreenProps) {
  const [list, setList] = useState<{ outcomes: Outcome[]; today: string } | null>(null);
  const [editing, setEditing] = useState<Editing>(draft === undefined ? null : { outcomeId: draft.outcomeId, draft: draft.form, notice: restoredNotice });
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** Removing takes a second tap on the same card: a mistaken tap must not take an outcome off the screen. */
  const [removing, setRemoving] = useState<string | null>(null);
  const text = (key: Parameters<typeof reportText>[1]) => reportText(language, key);

  const load = useCallback(async () => {
    const result = await call('outcomes.list', {});
    if (result.ok) setList(result.value);
  }, [call]);
  useEffect(() => {
    void load();
  }, [load]);

  if (editing !== null && list !== null) {
    const { outcomeId } = editing;
    const close = () => {
      setEditing(null);
      onEditorClosed();
    };
    return (
      <OutcomeEditor
        texts={texts}
        language={language}
        call={call}
        today={list.today}
        // An outcome removed since the draft was kept comes back as a new one.
        outcome={list.outcomes.find((outcome) => outcome.id === outcomeId) ?? null}
        draft={editing.draft}
        restoredNotice={editing.notice}
        onChange={(form) => onChange(form === null ? null : { outcomeId, form })}
        onSaved={(message) => {
          close();
          setSaved(message);
          void load();
        }}
        onCancel={close}
      />
    );
  }
  const remove = async (outcome: Outcome) => {
    setRemoving(null);
    const result = await call('outcomes.remove', { id: outcome.id });
    setFailure(result.ok ? null : text('outcomes.saveFailed'));
    void load();
  };
  return (
    <main className="screen staff-screen outcomes-screen" data-screen="staff-outcomes">
      <StaffHeader title={text('outcomes.title')} exit={{ label: text('report.back'), action: 'back', onPress: onBack }} />
      <p className="editor-note">{text('outcomes.intro')}</p>
      <button type="button" className="primary-button" data-action="new-outcome" disabled={list === null} onClick={() => {
          setSaved(null);
          setEditing({ outcomeId: null });
        }}>
        {text('outcomes.new')}
      </button>
      <div role="alert">{failure === null ? null : <p className="field-problem">{failure}</p>}</div>
      {list === null ? null : list.outcomes.length === 0 ? (
        <p>{text('outcomes.empty')}</p>
      ) : (
        <ul className="outcome-list">
          {list.outcomes.map((outcome) => {
            const isShown = isOutcomeShown(outcome, list.today);
            const shown = localize(outcome.text, language);
            return (
              <li key={outcome.id} className="outcome-card" data-outcome={outcome.id}>
                <p className="outcome-card-text">
                  <UserText text={shown.text} lang={shown.language} />
                </p>
                <p className="outcome-card-days">
                  {formatDay(outcome.startsOn)} – {formatDay(outcome.endsOn)} · <strong>{isShown ? text('outcomes.shownNow') : text('outcomes.notShownNow')}</strong>
                </p>
                <div className="outcome-card-actions">
                  <button type="button" className="secondary-button" data-action="edit-outcome" onClick={() => {
                      setSaved(null);
                      setEditing({ outcomeId: outcome.id });
                    }}>
                    {text('outcomes.edit')}
                  </button>
                  {removing === outcome.id ? (
                    <button type="button" className="primary-button" data-action="confirm-remove-outcome" onClick={() => void remove(outcome)}>
                      {text('outcomes.confirmRemove')}
                    </button>
                  ) : (
                    <button type="button" className="secondary-button" data-action="remove-outcome" onClick={() => setRemoving(outcome.id)}>
                      {text('outcomes.remove')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {saved === null ? null : <SavedNotice text={saved} onGone={() => setSaved(null)} />}
    </main>
  );
}
