import { useCallback, useRef, useState } from 'react';
import { isChildKind } from '../../src-shared/contract/children';
import type { Poll, PollOption } from '../../src-shared/contract/polls';
import type { Answer } from '../../src-shared/contract/responses';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { client } from '../api/transport';
import { useCoolDown } from '../app/useCoolDown';

/** Where a parent is in one visit; `staff` hands the screen to the staff area. */
export type VisitScreen =
  | { name: 'start' }
  | { name: 'followUp'; responseId: string; topics: readonly PollOption[] }
  | { name: 'thanks' }
  | { name: 'saveFailed' }
  | { name: 'textAnswer'; poll: Poll }
  | { name: 'comment'; responseId: string }
  | { name: 'staff' }
  /** The children's way: `turn` picks which open children's poll is asked this time. */
  | { name: 'children'; turn: number }
  | { name: 'childThanks' };

export interface VisitOptions {
  language: LanguageCode;
  /** Fetches the polls open now; resolves false when the kiosk did not answer. */
  refreshPolls: () => Promise<boolean>;
  /** Puts the parent's own choices (language, display) back to the kiosk's defaults. */
  resetChoices: () => void;
}

const coolDownMs = 1200;

/**
 * One parent's visit as a small state machine: an answer leads to its follow-up, a comment or the
 * thank-you, and every path ends back at the start for the next parent.
 */
export function useVisit({ language, refreshPolls, resetChoices }: VisitOptions) {
  const [screen, setScreen] = useState<VisitScreen>({ name: 'start' });
  const [visit, setVisit] = useState(0);
  const [isBusy, setIsBusy] = useState(false);
  const isBusyRef = useRef(false);
  const [isCoolingDown, startCoolDown] = useCoolDown(coolDownMs);

  const goToStart = useCallback(
    (shouldResetChoices: boolean) => {
      setScreen({ name: 'start' });
      setVisit((count) => count + 1);
      startCoolDown();
      if (shouldResetChoices) resetChoices();
      void refreshPolls();
    },
    [refreshPolls, resetChoices, startCoolDown],
  );

  /** A second tap while the first is being saved is ignored, so a double tap counts once. */
  const runExclusive = async (work: () => Promise<void>) => {
    if (isBusyRef.current) return;
    isBusyRef.current = true;
    setIsBusy(true);
    try {
      await work();
    } finally {
      isBusyRef.current = false;
      setIsBusy(false);
    }
  };

  const answer = (poll: Poll, given: Answer) =>
    runExclusive(async () => {
      const result = await client.call('responses.submit', { pollId: poll.id, pollVersion: poll.version, answer: given, language });
      if (!result.ok) {
        if (result.error.code === 'not_active' || result.error.code === 'not_found') {
          await refreshPolls();
          return;
        }
        setScreen({ name: 'saveFailed' });
        return;
      }
      const topics = poll.followUp?.topics ?? [];
      const { responseId } = result.value;
      if (topics.length > 0) setScreen({ name: 'followUp', responseId, topics });
      else if (poll.followUp?.comment === true) setScreen({ name: 'comment', responseId });
      else setScreen(isChildKind(poll.kind) ? { name: 'childThanks' } : { name: 'thanks' });
    });

  const finishComment = (responseId: string, comment: string) =>
    runExclusive(async () => {
      const result = await client.call('responses.followUp', { responseId, topics: [], comment });
      setScreen(result.ok ? { name: 'thanks' } : { name: 'saveFailed' });
    });

  const finishFollowUp = (responseId: string, topics: string[]) =>
    runExclusive(async () => {
      const result = await client.call('responses.followUp', { responseId, topics });
      setScreen(result.ok ? { name: 'thanks' } : { name: 'saveFailed' });
    });

  return {
    screen,
    visit,
    isBusy,
    isCoolingDown,
    goToStart,
    answer: (poll: Poll, given: Answer) => void answer(poll, given),
    finishComment: (responseId: string, comment: string) => void finishComment(responseId, comment),
    finishFollowUp: (responseId: string, topics: string[]) => void finishFollowUp(responseId, topics),
    writeAnswer: (poll: Poll) => setScreen({ name: 'textAnswer', poll }),
    openStaffArea: () => setScreen({ name: 'staff' }),
    openChildren: () => setScreen({ name: 'children', turn: visit }),
    skipToThanks: () => setScreen({ name: 'thanks' }),
  };
}
