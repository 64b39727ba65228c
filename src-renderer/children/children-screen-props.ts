import type { Poll } from '../../src-shared/contract/polls';
import type { Answer } from '../../src-shared/contract/responses';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import type { LanguageCode } from '../../src-shared/i18n/languages';

/** What every children's question screen is given: the poll, the child's language, and the ways out. */
export interface ChildrenScreenProps {
  poll: Poll;
  language: LanguageCode;
  texts: ParentMessages;
  isBusy: boolean;
  onAnswer: (poll: Poll, answer: Answer) => void;
  onHome: () => void;
}
