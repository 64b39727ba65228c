import { audienceOf } from '../../../src-shared/contract/children';
import type { ExportAnswer, PollSnapshot } from '../../../src-shared/contract/batch-format';
import type { Poll } from '../../../src-shared/contract/polls';
import type { StoredResponse } from '../../../src-shared/contract/responses';
import { maskPersonalData, type PersonalDataKind } from '../../../src-shared/privacy/personal-data';

/**
 * Fixed, language-neutral placeholders: the batch's bytes must not depend on the kiosk's
 * language, or the same answers would hash differently on two kiosks.
 */
export const batchMaskLabels: Record<PersonalDataKind, string> = { phone: 'phone', email: 'email', identityCode: 'identity code', iban: 'bank account' };

/** What leaves the kiosk for one answer: free text with phone numbers, e-mails and identity codes masked. */
export function toExportAnswer(response: StoredResponse): ExportAnswer {
  const given = response.answer;
  const hasText = 'text' in given || response.comment !== null;
  // Most answers carry no free text: nothing to mask, so no set of kinds is made for them.
  const masked = hasText ? new Set<PersonalDataKind>() : null;
  const mask = (text: string): string => {
    const result = maskPersonalData(text, batchMaskLabels);
    for (const kind of result.kinds) masked?.add(kind);
    return result.text;
  };
  const answer =
    'text' in given
      ? { text: mask(given.text) }
      : 'drawing' in given
        ? { drawing: { strokes: given.drawing.strokes.map((stroke) => ({ color: stroke.color, points: [...stroke.points] })) } }
        : { optionIds: [...given.optionIds] };
  const comment = response.comment === null ? null : mask(response.comment);
  return {
    seq: response.seq,
    id: response.id,
    pollId: response.pollId,
    pollVersion: response.pollVersion,
    answer,
    language: response.language,
    answeredAt: response.answeredAt,
    flags: [...response.flags],
    topics: [...response.topics],
    comment,
    masked: masked === null || masked.size === 0 ? [] : [...masked].sort(),
    audience: audienceOf(response),
  };
}

export function toPollSnapshot(poll: Poll): PollSnapshot {
  return {
    id: poll.id,
    version: poll.version,
    kind: poll.kind,
    standing: poll.standing,
    question: { ...poll.question },
    options: poll.options.map((option) => ({ id: option.id, label: { ...option.label } })),
    followUp:
      poll.followUp === null
        ? null
        : {
            topics: poll.followUp.topics.map((topic) => ({ id: topic.id, label: { ...topic.label } })),
            comment: poll.followUp.comment,
          },
  };
}

export { pollKey } from '../../../src-shared/contract/batch-format';
