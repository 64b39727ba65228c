import { useState } from 'react';
import { isTranslationMissing, localize } from '../../src-shared/contract/localize';
import type { Poll } from '../../src-shared/contract/polls';
import type { Answer } from '../../src-shared/contract/responses';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { ChoiceButton } from './ChoiceButton';
import { FaceButton } from './FaceButton';
import { ReadAloudButton } from './ReadAloudButton';
import { UserText } from '../user-text/UserText';

interface PollViewProps {
  poll: Poll;
  language: LanguageCode;
  texts: ParentMessages;
  isBusy: boolean;
  onAnswer: (poll: Poll, answer: Answer) => void;
  /** A text poll opens the typing screen instead of answering with a tap. */
  onWrite: (poll: Poll) => void;
}

/** One poll's question and its answer buttons; for every kind but multi, one tap answers. */
export function PollView({ poll, language, texts, isBusy, onAnswer, onWrite }: PollViewProps) {
  const [selected, setSelected] = useState<readonly string[]>([]);
  const question = localize(poll.question, language);
  const labels = poll.options.map((option) => localize(option.label, language));
  const headingId = `question-${poll.id}`;
  const answerWith = (optionId: string) => onAnswer(poll, { optionIds: [optionId] });
  const toggle = (optionId: string) =>
    setSelected((current) => (current.includes(optionId) ? current.filter((id) => id !== optionId) : [...current, optionId]));

  return (
    <section className={`poll poll-${poll.kind}`} aria-labelledby={headingId} data-poll={poll.id}>
      <h2 id={headingId} className="poll-question">
        <UserText text={question.text} lang={question.language} />
      </h2>
      {isTranslationMissing(question, language) ? <p className="translation-note">{texts['poll.missingTranslation']}</p> : null}
      <ReadAloudButton language={language} label={texts['readAloud.button']} pieces={[question, ...labels]} />
      {poll.kind === 'text' ? (
        <button type="button" className="primary-button write-button" data-action="write" disabled={isBusy} onClick={() => onWrite(poll)}>
          {texts['poll.write']}
        </button>
      ) : null}
      <div className={poll.kind === 'smiley' ? 'face-row' : 'choice-grid'}>
        {poll.options.map((option) =>
          poll.kind === 'smiley' ? (
            <FaceButton
              key={option.id}
              optionId={option.id}
              label={localize(option.label, language)}
              isDisabled={isBusy}
              onChoose={answerWith}
            />
          ) : (
            <ChoiceButton
              key={option.id}
              optionId={option.id}
              label={localize(option.label, language)}
              isDisabled={isBusy}
              isSelected={poll.kind === 'multi' ? selected.includes(option.id) : undefined}
              onChoose={poll.kind === 'multi' ? toggle : answerWith}
            />
          ),
        )}
      </div>
      {poll.kind === 'multi' ? (
        <button
          type="button"
          className="primary-button"
          disabled={isBusy || selected.length === 0}
          onClick={() => onAnswer(poll, { optionIds: [...selected] })}
        >
          {texts['poll.send']}
        </button>
      ) : null}
    </section>
  );
}
