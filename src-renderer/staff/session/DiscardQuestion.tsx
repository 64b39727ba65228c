import { useEffect, useRef } from 'react';
import type { Messages } from '../../../src-shared/i18n/fi';

interface DiscardQuestionProps {
  texts: Messages;
  onDiscard: () => void;
  onStay: () => void;
}

/** Asked before a form with unsaved changes is left: nothing typed is thrown away unasked. */
export function DiscardQuestion({ texts, onDiscard, onStay }: DiscardQuestionProps) {
  const stay = useRef<HTMLButtonElement>(null);
  // Staying is the safe answer, so it is the one a stray touch or Enter lands on.
  useEffect(() => stay.current?.focus(), []);
  return (
    <div className="discard-question-backdrop">
      <div className="discard-question" role="alertdialog" aria-modal="true" aria-labelledby="discard-question-text" data-dialog="discard">
        <p id="discard-question-text">{texts['leave.question']}</p>
        <div className="discard-question-actions">
          <button type="button" className="primary-button" data-action="stay" ref={stay} onClick={onStay}>
            {texts['leave.stay']}
          </button>
          <button type="button" className="danger-button" data-action="discard" onClick={onDiscard}>
            {texts['leave.discard']}
          </button>
        </div>
      </div>
    </div>
  );
}
