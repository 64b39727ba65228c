import { useEffect, useState } from 'react';
import { localize } from '../../src-shared/contract/localize';
import type { Poll } from '../../src-shared/contract/polls';
import type { Answer } from '../../src-shared/contract/responses';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { childPictogramFor } from './child-pictograms';
import { DoneButton } from './DoneButton';
import { PictureButton } from './PictureButton';
import { QuestionHeader } from './QuestionHeader';
import { readAloud, stopReading } from './read-aloud';
import './children.css';

interface PicturesScreenProps {
  poll: Poll;
  language: LanguageCode;
  texts: ParentMessages;
  isBusy: boolean;
  onAnswer: (poll: Poll, answer: Answer) => void;
  onHome: () => void;
}

/**
 * "What did you like best?": the child picks one picture or several. A touch picks a picture and
 * says its name, another touch on it puts it back; the big tick sends what is picked. Nothing is
 * stored until the tick, so a child who only listens to the names leaves no answer.
 */
export function PicturesScreen({ poll, language, texts, isBusy, onAnswer, onHome }: PicturesScreenProps) {
  const [picked, setPicked] = useState<readonly string[]>([]);
  const question = localize(poll.question, language);
  const { text: questionText, language: questionLanguage } = question;
  useEffect(() => {
    readAloud({ text: questionText, language: questionLanguage });
    return stopReading;
  }, [questionText, questionLanguage]);

  const touch = (optionId: string) => {
    if (picked.includes(optionId)) {
      setPicked(picked.filter((id) => id !== optionId));
      return;
    }
    const option = poll.options.find((known) => known.id === optionId);
    if (option === undefined) return;
    // Kept in the poll's order, so the same pictures always make the same answer.
    setPicked(poll.options.map((known) => known.id).filter((id) => id === optionId || picked.includes(id)));
    readAloud(localize(option.label, language));
  };

  return (
    <main className="screen children-screen" data-screen="children" data-poll={poll.id} data-kind={poll.kind}>
      <QuestionHeader question={question} texts={texts} onHome={onHome} />
      <div className="picture-row picture-grid" role="group" aria-label={question.text}>
        {poll.options.map((option) => (
          <PictureButton
            key={option.id}
            optionId={option.id}
            picture={childPictogramFor(option.id)}
            label={localize(option.label, language)}
            isPicked={picked.includes(option.id)}
            isDisabled={isBusy}
            onTouch={touch}
          />
        ))}
      </div>
      <footer className="children-footer">
        <DoneButton label={texts['children.done']} isDisabled={isBusy || picked.length === 0} onDone={() => onAnswer(poll, { optionIds: [...picked] })} />
      </footer>
    </main>
  );
}
