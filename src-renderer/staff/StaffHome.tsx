import { useCallback, useEffect, useState } from 'react';
import { pollTemplateIds, type PollTemplateId } from '../../src-shared/contract/poll-templates';
import type { Poll } from '../../src-shared/contract/polls';
import type { Overview } from '../../src-shared/contract/staff';
import { fill } from '../../src-shared/i18n/format';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { reportText } from '../../src-shared/i18n/report-messages';
import { PollCard, type PollAction } from './PollCard';
import type { StaffScreenProps } from './staff-call';
import { formatDateTime } from './time-format';

interface StaffHomeProps extends StaffScreenProps {
  onNewPoll: (template: PollTemplateId | null) => void;
  onEdit: (poll: Poll, answers: number) => void;
  onResults: (poll: Poll) => void;
  onSettings: () => void;
  /** Opens the export of the answers to a USB stick. */
  onUsbExport: () => void;
  /** Opens the QR transfer of the answers to a phone. */
  onQrTransfer: () => void;
  onReport: () => void;
  onOutcomes: () => void;
  onLock: () => void;
}

export function StaffHome({ texts, language, call, onNewPoll, onEdit, onResults, onSettings, onUsbExport, onQrTransfer, onReport, onOutcomes, onLock }: StaffHomeProps) {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await call('staff.overview', {});
    if (result.ok) setOverview(result.value);
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (poll: Poll, answers: number, action: PollAction) => {
    if (action === 'results') return onResults(poll);
    if (action === 'edit') return onEdit(poll, answers);
    setIsBusy(true);
    const result = await call('polls.setState', { pollId: poll.id, state: action });
    setIsBusy(false);
    setProblem(result.ok ? null : fill(texts['staff.failed'], { message: result.error.message }));
    await load();
  };

  return (
    <main className="screen staff-screen staff-home" data-screen="staff-home">
      <header className="staff-header">
        <h1>{texts['staff.polls']}</h1>
        <div className="staff-header-actions">
          <button type="button" className="secondary-button" data-action="usb-export" onClick={onUsbExport}>
            {texts['usb.open']}
          </button>
          <button type="button" className="secondary-button" data-action="qr-transfer" onClick={onQrTransfer}>
            {qrText(language, 'qr.open')}
          </button>
          <button type="button" className="secondary-button" data-action="council-report" onClick={onReport}>
            {reportText(language, 'report.open')}
          </button>
          <button type="button" className="secondary-button" data-action="outcomes" onClick={onOutcomes}>
            {reportText(language, 'outcomes.open')}
          </button>
          <button type="button" className="secondary-button" data-action="settings" onClick={onSettings}>
            {texts['staff.settings']}
          </button>
          <button type="button" className="lock-button" data-action="lock" onClick={onLock}>
            {texts['staff.lockNow']}
          </button>
        </div>
      </header>
      <section className="new-poll" aria-labelledby="new-poll-heading">
        <h2 id="new-poll-heading" className="visually-hidden">
          {texts['staff.newPoll']}
        </h2>
        <button type="button" className="primary-button new-poll-button" data-action="new-poll" onClick={() => onNewPoll(null)}>
          + {texts['staff.newPoll']}
        </button>
        <div className="template-row" role="group" aria-label={texts['staff.templates']}>
          <span className="template-label">{texts['staff.templates']}:</span>
          {pollTemplateIds.map((id) => (
            <button key={id} type="button" className="secondary-button template-button" data-template={id} onClick={() => onNewPoll(id)}>
              {texts[`staff.template.${id}`]}
            </button>
          ))}
        </div>
      </section>
      <div className="staff-status" role="status">
        {problem === null ? null : <p className="field-problem">{problem}</p>}
        {overview === null ? null : (
          <>
            <p data-fact="unexported">{fill(texts['staff.unexported'], { count: overview.unexported })}</p>
            <p data-fact="last-export">
              {fill(texts['staff.lastExport'], {
                time: overview.lastExportAt === null ? texts['staff.never'] : formatDateTime(overview.lastExportAt, language),
              })}
            </p>
            {overview.recoveries > 0 ? <p className="field-problem">{fill(texts['staff.recoveries'], { count: overview.recoveries })}</p> : null}
          </>
        )}
      </div>
      <ul className="poll-list" aria-label={texts['staff.polls']}>
        {overview?.polls.map((summary) => (
          <PollCard
            key={`${summary.poll.id}@${summary.poll.version}`}
            summary={summary}
            texts={texts}
            language={language}
            isBusy={isBusy}
            onAction={(action) => void act(summary.poll, summary.answers, action)}
          />
        ))}
      </ul>
    </main>
  );
}
