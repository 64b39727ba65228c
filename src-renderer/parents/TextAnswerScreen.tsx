import { useState } from 'react';
import { isTranslationMissing, localize } from '../../src-shared/contract/localize';
import type { Poll } from '../../src-shared/contract/polls';
import { textLimits } from '../../src-shared/contract/text-limits';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { KeyboardArea } from '../typing/KeyboardArea';
import { TextField } from '../typing/TextField';
import { UserText } from '../user-text/UserText';

export interface TextAnswerScreenProps {
  poll: Poll;
  language: LanguageCode;
  texts: ParentMessages;
  isBusy: boolean;
  onSend: (text: string) => void;
  onBack: () => void;
}

/** A quick poll answered in the parent's own words, typed on the screen's keyboard. */
export function TextAnswerScreen({ poll, language, texts, isBusy, onSend, onBack }: TextAnswerScreenProps) {
  const [text, setText] = useState('');
  const question = localize(poll.question, language);
  return (
    <KeyboardArea texts={texts} language={language}>
      <main className="screen typing-screen" data-screen="text-answer">
        <h1 className="poll-question">
          <UserText text={question.text} lang={question.language} />
        </h1>
        {isTranslationMissing(question, language) ? <p className="translation-note">{texts['poll.missingTranslation']}</p> : null}
        <TextField name="answer" label={texts['poll.answerLabel']} value={text} maxLength={textLimits.comment} isMultiline onChange={setText} />
        <p className="hint">{texts['poll.typeHint']}</p>
        <div className="action-row">
          <button type="button" className="secondary-button" onClick={onBack}>
            {texts['thanks.back']}
          </button>
          <button type="button" className="primary-button" data-action="send" disabled={isBusy || text.trim() === ''} onClick={() => onSend(text.trim())}>
            {texts['poll.send']}
          </button>
        </div>
      </main>
    </KeyboardArea>
  );
}
