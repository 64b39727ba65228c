import { useState } from 'react';
import { textLimits } from '../../src-shared/contract/text-limits';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import { KeyboardArea } from '../typing/KeyboardArea';
import { TextField } from '../typing/TextField';

export interface CommentScreenProps {
  texts: ParentMessages;
  language: LanguageCode;
  isBusy: boolean;
  onDone: (comment: string) => void;
  onSkip: () => void;
}

/** After a quick poll that invites a comment: the answer is already saved, the comment is extra. */
export function CommentScreen({ texts, language, isBusy, onDone, onSkip }: CommentScreenProps) {
  const [comment, setComment] = useState('');
  return (
    <KeyboardArea texts={texts} language={language}>
      <main className="screen typing-screen" data-screen="comment">
        <div role="status">
          <h1 className="saved-title">{texts['followUp.saved']}</h1>
        </div>
        <TextField name="comment" label={texts['followUp.commentLabel']} value={comment} maxLength={textLimits.comment} isMultiline onChange={setComment} />
        <p className="hint">{texts['poll.typeHint']}</p>
        <div className="action-row">
          <button type="button" className="secondary-button" disabled={isBusy} onClick={onSkip}>
            {texts['followUp.skip']}
          </button>
          <button type="button" className="primary-button" data-action="send" disabled={isBusy || comment.trim() === ''} onClick={() => onDone(comment.trim())}>
            {texts['poll.send']}
          </button>
        </div>
      </main>
    </KeyboardArea>
  );
}
