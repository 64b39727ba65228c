import { audienceOfKind } from '../../../src-shared/contract/children';
import type { NamespaceHandlers } from '../api/handlers';
import type { BurstDetector } from '../domain/burst-detector';
import type { KioskDocument } from '../domain/kiosk-settings';
import { checkAnswer, type PollBook } from '../domain/poll-book';
import { followUpWindowMs } from '../domain/book-state';
import type { ResponseBook } from '../domain/response-book';
import { KerroError } from '../errors';
import { toLocalIsoString, type Clock } from '../time';

export interface ResponseDependencies {
  polls: PollBook;
  responses: ResponseBook;
  settings: () => KioskDocument;
  bursts: BurstDetector;
  clock: Clock;
}

/** The parents' answers: recorded durably before the thank-you, a follow-up added within the visit. */
export function responseHandlers(dependencies: ResponseDependencies): NamespaceHandlers<'responses'> {
  const { polls, responses, settings, bursts, clock } = dependencies;
  return {
    'responses.submit': async (input) => {
      const now = clock();
      const poll = polls.find(input.pollId, input.pollVersion);
      if (poll === undefined) throw new KerroError('not_found', 'No such poll');
      if (!polls.isOpenForAnswers(poll, now)) throw new KerroError('not_active', 'This poll is not open for answers');
      const { languages, kioskId } = settings();
      if (!languages.includes(input.language)) throw new KerroError('invalid_input', 'This language is not enabled on the kiosk');
      checkAnswer(poll, input.answer);
      const stored = await responses.submit({
        kioskId,
        pollId: poll.id,
        pollVersion: poll.version,
        answer: input.answer,
        language: input.language,
        answeredAt: toLocalIsoString(now),
        flags: bursts.isBurst(now.getTime()) ? ['burst'] : [],
        audience: audienceOfKind(poll.kind),
      });
      return { responseId: stored.id, seq: stored.seq };
    },
    'responses.followUp': async (input) => {
      const response = responses.get(input.responseId);
      if (response === undefined) throw new KerroError('not_found', 'No such answer');
      if (clock().getTime() - Date.parse(response.answeredAt) > followUpWindowMs) {
        throw new KerroError('conflict', 'This answer can no longer be added to');
      }
      // Sealed into an export batch: its hash is taken, so the answer must stay as it was.
      if (responses.isFrozen(response)) throw new KerroError('conflict', 'This answer has already been exported');
      const followUp = polls.find(response.pollId, response.pollVersion)?.followUp ?? null;
      if (followUp === null) throw new KerroError('invalid_input', 'This poll has no follow-up');
      const topicIds = new Set(followUp.topics.map((topic) => topic.id));
      const unknown = input.topics.find((topic) => !topicIds.has(topic));
      if (unknown !== undefined) throw new KerroError('invalid_input', `Unknown topic: ${unknown}`);
      if (new Set(input.topics).size !== input.topics.length) throw new KerroError('invalid_input', 'A topic was chosen twice');
      const comment = input.comment === undefined || input.comment === '' ? null : input.comment;
      if (comment !== null && !followUp.comment) throw new KerroError('invalid_input', 'This poll takes no comment');
      await responses.followUp(response.id, input.topics, comment);
      return { responseId: response.id };
    },
  };
}
