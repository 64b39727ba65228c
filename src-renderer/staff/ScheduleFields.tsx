import { scheduleLimits } from '../../src-shared/contract/poll-draft';
import { fill } from '../../src-shared/i18n/format';
import type { Messages } from '../../src-shared/i18n/fi';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { ChoiceGroup } from './ChoiceGroup';
import type { EditorState } from './editor-state';
import { problemText } from './problem-text';
import { Stepper } from './Stepper';
import { TimeStepper } from './TimeStepper';

interface ScheduleFieldsProps {
  state: EditorState;
  texts: Messages;
  language: LanguageCode;
  problems: Map<string, string>;
  onChange: (change: Partial<EditorState>) => void;
}

/** Start now or later; end when closed, after some hours, or at a set time. */
export function ScheduleFields({ state, texts, language, problems, onChange }: ScheduleFieldsProps) {
  const endProblem = problemText(texts, problems.get('end') ?? problems.get('end.hours') ?? problems.get('end.at'));
  return (
    <>
      <fieldset className="editor-section">
        <legend>{texts['editor.start']}</legend>
        <ChoiceGroup
          name="start"
          label={texts['editor.start']}
          value={state.startMode}
          choices={[
            { value: 'now', label: texts['editor.startNow'] },
            { value: 'at', label: texts['editor.startAt'] },
          ]}
          onChange={(startMode) => onChange({ startMode })}
        />
        {state.startMode === 'at' ? (
          <TimeStepper name="start" label={texts['editor.start']} value={state.startAt} texts={texts} language={language} onChange={(startAt) => onChange({ startAt })} />
        ) : null}
      </fieldset>
      <fieldset className={`editor-section${endProblem === null ? '' : ' has-problem'}`}>
        <legend>{texts['editor.end']}</legend>
        <ChoiceGroup
          name="end"
          label={texts['editor.end']}
          value={state.endMode}
          choices={[
            { value: 'none', label: texts['editor.endNone'] },
            { value: 'after', label: texts['editor.endAfter'] },
            { value: 'at', label: texts['editor.endAt'] },
          ]}
          onChange={(endMode) => onChange({ endMode })}
        />
        {state.endMode === 'after' ? (
          <Stepper
            name="end-hours"
            label={texts['editor.endAfter']}
            value={state.endHours}
            display={durationText(texts, state.endHours)}
            min={scheduleLimits.hours.min}
            max={scheduleLimits.hours.max}
            step={state.endHours >= 48 ? 24 : 1}
            lessLabel={texts['settings.less']}
            moreLabel={texts['settings.more']}
            onChange={(endHours) => onChange({ endHours })}
          />
        ) : null}
        {state.endMode === 'at' ? (
          <TimeStepper name="end" label={texts['editor.end']} value={state.endAt} texts={texts} language={language} onChange={(endAt) => onChange({ endAt })} />
        ) : null}
        {endProblem === null ? null : <p className="field-problem">{endProblem}</p>}
      </fieldset>
    </>
  );
}

/** Whole days read as days (14 days, not 336 hours); the stepper moves by a day from two days up. */
function durationText(texts: Messages, hours: number): string {
  return hours >= 48 && hours % 24 === 0 ? fill(texts['editor.days'], { days: hours / 24 }) : fill(texts['editor.hours'], { hours });
}
