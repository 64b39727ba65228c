import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import { useFocusOnShow } from './useFocusOnShow';

interface SaveFailedScreenProps {
  texts: ParentMessages;
  onBack: () => void;
}

/** Calm words and a way back; what went wrong is in the log and the staff area, not here. */
export function SaveFailedScreen({ texts, onBack }: SaveFailedScreenProps) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  return (
    <main className="screen message-screen save-failed-screen" data-screen="save-failed">
      <div role="alert">
        <h1 ref={heading} tabIndex={-1}>
          {texts['saveFailed.title']}
        </h1>
      </div>
      <p className="message-body">{texts['saveFailed.body']}</p>
      <button type="button" className="primary-button" onClick={onBack}>
        {texts['saveFailed.back']}
      </button>
    </main>
  );
}
