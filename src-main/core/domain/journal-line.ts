import { z } from 'zod';
import { identifierSchema } from '../../../src-shared/contract/polls';
import { responseSchema, type StoredResponse } from '../../../src-shared/contract/responses';
import { quickResponseLine } from './journal-line-check';

export const journalLineSchema = z.discriminatedUnion('type', [
  z.object({ v: z.literal(1), type: z.literal('response'), response: responseSchema }),
  z.object({
    v: z.literal(1),
    type: z.literal('followUp'),
    responseId: z.uuid(),
    topics: z.array(identifierSchema),
    comment: z.string().nullable(),
  }),
]);

export type JournalLine = z.output<typeof journalLineSchema>;
export type FollowUpLine = Extract<JournalLine, { type: 'followUp' }>;

/** A stored line read back; a line that no longer parses is passed over (opening quarantines it). */
export function parseJournalLine(text: string): JournalLine | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const quick = quickResponseLine(value);
  if (quick !== undefined) return quick;
  const line = journalLineSchema.safeParse(value);
  return line.success ? line.data : null;
}

export function withFollowUp(response: StoredResponse, followUp: FollowUpLine | undefined): StoredResponse {
  return followUp === undefined ? response : { ...response, topics: followUp.topics, comment: followUp.comment };
}

/** A text answer's text, or null. */
export function answerText(response: StoredResponse): string | null {
  return 'text' in response.answer && response.answer.text !== '' ? response.answer.text : null;
}
