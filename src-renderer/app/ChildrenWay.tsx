import { useEffect } from 'react';
import { isChildKind } from '../../src-shared/contract/children';
import type { Poll } from '../../src-shared/contract/polls';
import type { Answer } from '../../src-shared/contract/responses';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { lazyScreens } from './lazy-screens';

interface ChildrenWayProps {
  screen: { name: 'children'; turn: number } | { name: 'childThanks' };
  polls: readonly Poll[];
  language: LanguageCode;
  texts: ParentMessages;
  isBusy: boolean;
  onAnswer: (poll: Poll, answer: Answer) => void;
  onHome: () => void;
}

/** The children's screens, loaded only when a child opens them; with several children's polls open, they take turns. */
export function ChildrenWay({ screen, polls, language, texts, isBusy, onAnswer, onHome }: ChildrenWayProps) {
  const childrenPolls = polls.filter((poll) => isChildKind(poll.kind));
  const poll = screen.name === 'children' ? childrenPolls[screen.turn % Math.max(1, childrenPolls.length)] : undefined;
  const isLeftEmpty = screen.name === 'children' && poll === undefined;
  // The last children's poll closed while a child was on the way in: back to the start.
  useEffect(() => {
    if (isLeftEmpty) onHome();
  }, [isLeftEmpty, onHome]);
  if (screen.name === 'childThanks') return <lazyScreens.ChildrenThanks language={language} texts={texts} onHome={onHome} />;
  if (poll === undefined) return null;
  const Screen = poll.kind === 'child-drawing' ? lazyScreens.DrawingScreen : poll.kind === 'child-pictures' ? lazyScreens.PicturesScreen : lazyScreens.ChildrenScreen;
  return <Screen key={`${poll.id}@${poll.version}`} poll={poll} language={language} texts={texts} isBusy={isBusy} onAnswer={onAnswer} onHome={onHome} />;
}
