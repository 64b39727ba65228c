import type { ResponseBook } from './response-book';

/** How many stored answers a poll has, in one version or in all of them. */
export function answerCount(responses: ResponseBook, pollId: string, version?: number): number {
  return responses.tally.count(pollId, version);
}
