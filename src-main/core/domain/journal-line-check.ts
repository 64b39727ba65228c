import { z } from 'zod';
import { audiences } from '../../../src-shared/contract/children';
import { identifierPattern } from '../../../src-shared/contract/polls';
import { textLimits } from '../../../src-shared/contract/text-limits';
import { responseFlags, type StoredResponse } from '../../../src-shared/contract/responses';
import { languageCodes } from '../../../src-shared/i18n/languages';
import { checkedList, isRecord } from './hand-check';

const uuidPattern = z.regexes.uuid();

/**
 * The common journal line, an answer by choice or by text, checked by hand: reading a range for
 * an export checks every line again, and the schema's walk was most of that. Whatever this is
 * not sure of (a drawing, a follow-up, anything odd) gives undefined and goes to the schema,
 * which then accepts or refuses it; what this accepts, the schema accepts too and gives the same
 * way (a test holds the two in step on good and damaged lines).
 */
export function quickResponseLine(value: unknown): { v: 1; type: 'response'; response: StoredResponse } | undefined {
  if (!isRecord(value) || value.v !== 1 || value.type !== 'response' || !isRecord(value.response)) return undefined;
  const { id, kioskId, seq, pollId, pollVersion, answer, language, answeredAt, flags, topics, comment, audience } = value.response;
  if (typeof id !== 'string' || !uuidPattern.test(id) || typeof kioskId !== 'string' || !isNumber(seq) || !isNumber(pollVersion)) return undefined;
  if (!isIdentifier(pollId) || typeof answeredAt !== 'string' || (comment !== null && typeof comment !== 'string')) return undefined;
  const languageCode = languageCodes.find((code) => code === language);
  const given = answerOf(answer);
  const flagList = checkedList(flags, (flag) => responseFlags.find((known) => known === flag) ?? null);
  const topicList = checkedList(topics, (topic) => (isIdentifier(topic) ? topic : null));
  if (languageCode === undefined || given === undefined || flagList === null || topicList === null) return undefined;
  const response: StoredResponse = { id, kioskId, seq, pollId, pollVersion, answer: given, language: languageCode, answeredAt, flags: flagList, topics: topicList, comment };
  if (!('audience' in value.response)) return { v: 1, type: 'response', response };
  const known = audiences.find((kind) => kind === audience);
  return known === undefined ? undefined : { v: 1, type: 'response', response: { ...response, audience: known } };
}

function answerOf(value: unknown): StoredResponse['answer'] | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  if (keys[0] === 'optionIds') {
    const optionIds = checkedList(value.optionIds, (optionId) => (isIdentifier(optionId) ? optionId : null));
    return optionIds === null || optionIds.length < 1 || optionIds.length > 12 ? undefined : { optionIds };
  }
  if (keys[0] !== 'text' || typeof value.text !== 'string') return undefined;
  const text = value.text.trim();
  return text.length < 1 || text.length > textLimits.comment ? undefined : { text };
}

/** A whole number of at least 1, as the schema's `int().min(1)`. */
function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && identifierPattern.test(value);
}
