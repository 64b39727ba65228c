import { useState } from 'react';
import { isChildKind } from '../../src-shared/contract/children';
import { localize } from '../../src-shared/contract/localize';
import type { PollSummary } from '../../src-shared/contract/staff';
import { fill } from '../../src-shared/i18n/format';
import type { Messages } from '../../src-shared/i18n/fi';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { formatDateTime } from './time-format';
import { UserText } from '../user-text/UserText';

export type PollAction = 'results' | 'edit' | 'active' | 'paused' | 'closed';

interface PollCardProps {
  summary: PollSummary;
  texts: Messages;
  language: LanguageCode;
  isBusy: boolean;
  onAction: (action: PollAction) => void;
}

/** One poll on the staff home: what it asks, whether it runs, how many answered, what can be done. */
export function PollCard({ summary, texts, language, isBusy, onAction }: PollCardProps) {
  const { poll, answers } = summary;
  const [isClosing, setIsClosing] = useState(false);
  const question = localize(poll.question, language);
  const isOpen = poll.state !== 'closed';
  const canEdit = !poll.standing && isOpen;
  const schedule =
    poll.startsAt === null && poll.endsAt === null
      ? null
      : fill(texts['staff.schedule'], {
          start: poll.startsAt === null ? '' : formatDateTime(poll.startsAt, language),
          end: poll.endsAt === null ? '' : formatDateTime(poll.endsAt, language),
        });
  const button = (action: PollAction, label: string, className = 'secondary-button') => (
    <button type="button" className={className} data-action={action} disabled={isBusy} onClick={() => onAction(action)}>
      {label}
    </button>
  );
  return (
    <li className={`poll-card poll-card-${poll.state}`} data-poll={poll.id}>
      <div className="poll-card-head">
        <span className={`state-badge state-${poll.state}`}>{texts[`staff.state.${poll.state}`]}</span>
        {poll.standing ? <span className="standing-badge">{texts['staff.standing']}</span> : null}
        {isChildKind(poll.kind) ? <span className="standing-badge children-badge">{texts['staff.childrenPoll']}</span> : null}
        <span className="answer-count">{answers === 1 ? texts['staff.answerCountOne'] : fill(texts['staff.answerCount'], { count: answers })}</span>
      </div>
      <h3 className="poll-card-question">
        <UserText text={question.text} lang={question.language} />
      </h3>
      {schedule === null ? null : <p className="poll-card-schedule">{schedule}</p>}
      {isClosing ? (
        <div className="poll-card-actions" role="group" aria-label={texts['staff.closeConfirm']}>
          <p className="close-confirm">{texts['staff.closeConfirm']}</p>
          {button('closed', texts['staff.closeYes'], 'danger-button')}
          <button type="button" className="secondary-button" onClick={() => setIsClosing(false)}>
            {texts['editor.cancel']}
          </button>
        </div>
      ) : (
        <div className="poll-card-actions">
          {button('results', texts['staff.results'])}
          {canEdit ? button('edit', texts['staff.edit']) : null}
          {canEdit && poll.state !== 'active' ? button('active', texts['staff.activate'], 'primary-button') : null}
          {canEdit && poll.state === 'active' ? button('paused', texts['staff.pause']) : null}
          {canEdit ? (
            <button type="button" className="secondary-button" data-action="close" disabled={isBusy} onClick={() => setIsClosing(true)}>
              {texts['staff.close']}
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}
