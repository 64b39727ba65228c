import type { LocalizedString } from '../../src-shared/contract/localize';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import { useFocusOnShow } from '../parents/useFocusOnShow';
import { HomeButton } from './HomeButton';
import { readAloud } from './read-aloud';
import { SpeakerButton } from './SpeakerButton';

interface QuestionHeaderProps {
  question: LocalizedString;
  texts: ParentMessages;
  onHome: () => void;
}

/** Every children's question: the way home, the question, and the speaker that says it again. */
export function QuestionHeader({ question, texts, onHome }: QuestionHeaderProps) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  return (
    <header className="children-header">
      <HomeButton label={texts['children.home']} onHome={onHome} />
      <h1 ref={heading} tabIndex={-1} className="children-question" lang={question.language}>
        {question.text}
      </h1>
      <SpeakerButton label={texts['children.listen']} onSpeak={() => readAloud(question)} />
    </header>
  );
}
