import { fill } from '../../../src-shared/i18n/format';
import type { Messages } from '../../../src-shared/i18n/fi';

interface SessionWarningProps {
  texts: Messages;
  secondsLeft: number;
}

/**
 * Shown over the staff screen in the session's last minute. Any touch keeps the session (the
 * staff area listens for it); the button is there so a person knows where to touch.
 */
export function SessionWarning({ texts, secondsLeft }: SessionWarningProps) {
  return (
    <div className="session-warning" role="alert" data-notice="session-ending">
      <p>{fill(texts['session.endingSoon'], { seconds: secondsLeft })}</p>
      <button type="button" className="primary-button" data-action="keep-session">
        {texts['session.keep']}
      </button>
    </div>
  );
}
