import type { PollPackPreview } from '../../../src-shared/contract/poll-pack';
import type { Messages } from '../../../src-shared/i18n/fi';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { UserText } from '../../user-text/UserText';
import { fillWithUserText } from '../../user-text/fill-with-user-text';

interface PackPreviewListProps {
  preview: PollPackPreview;
  texts: Messages;
  language: LanguageCode;
  isBusy: boolean;
  onImport: () => void;
}

/** What importing would do, poll by poll, before anything changes. */
export function PackPreviewList({ preview, texts, language, isBusy, onImport }: PackPreviewListProps) {
  return (
    <div className="usb-pack-preview" data-fact="pack-preview">
      <p>{fillWithUserText(texts['usb.packFrom'], {}, { site: preview.source.site })}</p>
      <ul className="usb-pack-polls">
        {preview.polls.map((poll) => (
          <li key={`${poll.id}@${poll.version}`} data-pack-action={poll.action}>
            {/* A pack written on a Finnish-only kiosk has no text in the staff's language. */}
            <UserText text={poll.question[language] ?? poll.question.fi ?? poll.id} /> — {texts[`usb.packAction.${poll.action}`]}
          </li>
        ))}
      </ul>
      {preview.problem === null ? null : <p className="field-problem">{preview.problem}</p>}
      {preview.canImport ? (
        <button type="button" className="primary-button" data-action="pack-import" disabled={isBusy} onClick={onImport}>
          {texts['usb.packImport']}
        </button>
      ) : null}
    </div>
  );
}
