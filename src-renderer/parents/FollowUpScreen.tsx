import { useState } from 'react';
import { localize } from '../../src-shared/contract/localize';
import type { PollOption } from '../../src-shared/contract/polls';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { pictogramFor } from './pictograms';
import { useFocusOnShow } from './useFocusOnShow';
import { UserText } from '../user-text/UserText';

interface FollowUpScreenProps {
  topics: readonly PollOption[];
  language: LanguageCode;
  texts: ParentMessages;
  isBusy: boolean;
  onDone: (topics: string[]) => void;
  onSkip: () => void;
}

/** The answer is already saved when this shows; topics are an optional extra. */
export function FollowUpScreen({ topics, language, texts, isBusy, onDone, onSkip }: FollowUpScreenProps) {
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const toggle = (id: string) =>
    setChosen((current) => (current.includes(id) ? current.filter((topic) => topic !== id) : [...current, id]));

  return (
    <main className="screen follow-up-screen" data-screen="follow-up">
      <div role="status">
        <h1 ref={heading} tabIndex={-1} className="saved-title">
          {texts['followUp.saved']}
        </h1>
      </div>
      <h2 id="follow-up-question" className="follow-up-question">
        {texts['followUp.question']}
      </h2>
      <div className="topic-grid" role="group" aria-labelledby="follow-up-question">
        {topics.map((topic) => {
          const label = localize(topic.label, language);
          const picture = pictogramFor(topic.id);
          return (
            <button
              key={topic.id}
              type="button"
              className="topic-chip"
              data-topic={topic.id}
              aria-pressed={chosen.includes(topic.id)}
              onClick={() => toggle(topic.id)}
            >
              {picture === undefined ? null : <img className="topic-icon" src={picture} alt="" draggable={false} />}
              <UserText text={label.text} lang={label.language} />
            </button>
          );
        })}
      </div>
      <div className="action-row">
        <button type="button" className="secondary-button" disabled={isBusy} onClick={onSkip}>
          {texts['followUp.skip']}
        </button>
        <button
          type="button"
          className="primary-button"
          disabled={isBusy || chosen.length === 0}
          onClick={() => onDone([...chosen])}
        >
          {texts['followUp.done']}
        </button>
      </div>
    </main>
  );
}
