import { useState } from 'react';
import { localize } from '../../src-shared/contract/localize';
import { DoneButton } from './DoneButton';
import { PictureRow } from './PictureRow';
import { QuestionHeader } from './QuestionHeader';
import { readAloud } from './read-aloud';
import { useSpokenQuestion } from './useSpokenQuestion';
import type { ChildrenScreenProps } from './children-screen-props';
import './children.css';

/**
 * "What did you like best?": the child picks one picture or several. A touch picks a picture and
 * says its name, another touch on it puts it back; the big tick sends what is picked. Nothing is
 * stored until the tick, so a child who only listens to the names leaves no answer.
 */
export function PicturesScreen({ poll, language, texts, isBusy, onAnswer, onHome }: ChildrenScreenProps) {
  const [picked, setPicked] = useState<readonly string[]>([]);
  const question = useSpokenQuestion(poll, language);

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
      <PictureRow poll={poll} language={language} question={question} isGrid isPicked={(id) => picked.includes(id)} isBusy={isBusy} onTouch={touch} />
      <footer className="children-footer">
        <DoneButton label={texts['children.done']} isDisabled={isBusy || picked.length === 0} onDone={() => onAnswer(poll, { optionIds: [...picked] })} />
      </footer>
    </main>
  );
}
