import { useState } from 'react';
import { localize } from '../../src-shared/contract/localize';
import { PictureRow } from './PictureRow';
import { readAloud } from './read-aloud';
import { QuestionHeader } from './QuestionHeader';
import { useSpokenQuestion } from './useSpokenQuestion';
import type { ChildrenScreenProps } from './children-screen-props';
import './children.css';

/**
 * One children's question, answered by pictures alone. The question is read aloud on arrival;
 * the first touch on a picture says its name, a second touch on it chooses it, so a child who
 * cannot read learns what each picture means before choosing.
 */
export function ChildrenScreen({ poll, language, texts, isBusy, onAnswer, onHome }: ChildrenScreenProps) {
  const [picked, setPicked] = useState<string | null>(null);
  const question = useSpokenQuestion(poll, language);

  const touch = (optionId: string) => {
    if (picked === optionId) {
      onAnswer(poll, { optionIds: [optionId] });
      return;
    }
    const option = poll.options.find((known) => known.id === optionId);
    if (option === undefined) return;
    setPicked(optionId);
    readAloud(localize(option.label, language));
  };

  return (
    <main className="screen children-screen" data-screen="children" data-poll={poll.id} data-kind={poll.kind}>
      <QuestionHeader question={question} texts={texts} onHome={onHome} />
      <PictureRow poll={poll} language={language} question={question} isPicked={(id) => picked === id} isBusy={isBusy} onTouch={touch} />
    </main>
  );
}
