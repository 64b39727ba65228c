import type { Poll } from '../../src-shared/contract/polls';
import type { StoredResponse } from '../../src-shared/contract/responses';
import type { LanguageCode } from '../../src-shared/i18n/languages';

/**
 * A known data set for the council report: every number the report prints is written out below,
 * so a test can say what the report must show without computing it the same way the report does.
 *
 * Period 2.11.–15.11.2026 (14 days, Monday to Sunday); the previous period is 19.10.–1.11.2026.
 */
export const councilPeriod = { from: '2026-11-02', to: '2026-11-15' } as const;

export const councilPolls: Poll[] = [
  {
    id: 'council-feedback',
    version: 1,
    kind: 'smiley',
    standing: true,
    state: 'active',
    question: { fi: 'Miten viihdyit täällä tänään?', sv: 'Hur trivdes du här i dag?', en: 'How did you like it here today?' },
    options: [
      { id: 'very-bad', label: { fi: 'Tosi huonosti', sv: 'Mycket dåligt', en: 'Very bad' } },
      { id: 'bad', label: { fi: 'Huonosti', sv: 'Dåligt', en: 'Bad' } },
      { id: 'okay', label: { fi: 'Ihan ok', sv: 'Helt okej', en: 'Okay' } },
      { id: 'good', label: { fi: 'Hyvin', sv: 'Bra', en: 'Good' } },
      { id: 'very-good', label: { fi: 'Tosi hyvin', sv: 'Mycket bra', en: 'Very good' } },
    ],
    followUp: { comment: false, topics: [] },
    startsAt: null,
    endsAt: null,
    createdAt: '2026-01-01T08:00:00.000Z',
  },
  {
    id: 'coffee-corner',
    version: 1,
    kind: 'single',
    standing: false,
    state: 'active',
    question: { fi: 'Mitä pidät kahvinurkasta?', sv: 'Vad tycker du om kaffehörnan?', en: 'What do you think of the coffee corner?' },
    options: [
      { id: 'like', label: { fi: 'Pidän', sv: 'Jag gillar', en: 'I like it' } },
      { id: 'dislike', label: { fi: 'En pidä', sv: 'Jag gillar inte', en: 'I do not like it' } },
    ],
    followUp: {
      comment: true,
      topics: [
        { id: 'coffee', label: { fi: 'Kahvi', sv: 'Kaffet', en: 'Coffee' } },
        { id: 'seats', label: { fi: 'Istumapaikat', sv: 'Sittplatser', en: 'Seats' } },
      ],
    },
    startsAt: null,
    endsAt: null,
    createdAt: '2026-02-01T08:00:00.000Z',
  },
];

interface Batch {
  day: string;
  hour: number;
  pollId: string;
  option: string;
  count: number;
  language?: LanguageCode;
  flagged?: number;
  topics?: string[];
  comment?: string;
}

/**
 * This period: the standing question 30 times (very good 12, good 8, okay 5, bad 3, very bad 2),
 * the coffee poll 10 times (like 7, dislike 3; topics: seats 7, coffee 2). 40 answers, 2 flagged.
 * By weekday × hour: Mon 10 → 12 + 7 = 19, Tue 9 → 8, Wed 14 → 5 + 2 + 1 = 8, Thu 13 → 3, Sun 11 → 2.
 * Languages: fi 34, sv 4, en 2. Previous period: the standing question 20 times (5 each of
 * very good, good, okay, bad).
 */
const batches: Batch[] = [
  { day: '2026-11-02', hour: 10, pollId: 'council-feedback', option: 'very-good', count: 12, flagged: 2 },
  { day: '2026-11-02', hour: 10, pollId: 'coffee-corner', option: 'like', count: 7, topics: ['seats'] },
  { day: '2026-11-03', hour: 9, pollId: 'council-feedback', option: 'good', count: 8, language: 'sv' },
  { day: '2026-11-04', hour: 14, pollId: 'council-feedback', option: 'okay', count: 5 },
  { day: '2026-11-04', hour: 14, pollId: 'coffee-corner', option: 'dislike', count: 2, topics: ['coffee'], comment: 'Kahvi loppui, soita 040 123 4567' },
  { day: '2026-11-04', hour: 14, pollId: 'coffee-corner', option: 'dislike', count: 1 },
  { day: '2026-11-05', hour: 13, pollId: 'council-feedback', option: 'bad', count: 3, language: 'en' },
  { day: '2026-11-15', hour: 11, pollId: 'council-feedback', option: 'very-bad', count: 2 },
  { day: '2026-10-20', hour: 10, pollId: 'council-feedback', option: 'very-good', count: 5 },
  { day: '2026-10-21', hour: 10, pollId: 'council-feedback', option: 'good', count: 5 },
  { day: '2026-10-22', hour: 10, pollId: 'council-feedback', option: 'okay', count: 5 },
  { day: '2026-11-01', hour: 10, pollId: 'council-feedback', option: 'bad', count: 5 },
  // Outside both periods: must not count anywhere.
  { day: '2026-11-16', hour: 10, pollId: 'council-feedback', option: 'very-bad', count: 4 },
];

export function councilResponses(): StoredResponse[] {
  const responses: StoredResponse[] = [];
  const sorted = [...batches].sort((left, right) => left.day.localeCompare(right.day));
  for (const batch of sorted) {
    // The batch's language covers the first answers; "sv" 8 includes 4 in Swedish and 4 in Finnish, "en" 3 is 2 + 1.
    const others = batch.language === 'sv' ? 4 : batch.language === 'en' ? 2 : 0;
    for (let index = 0; index < batch.count; index += 1) {
      const seq = responses.length + 1;
      const minute = String(index % 60).padStart(2, '0');
      responses.push({
        id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
        kioskId: 'kiosk-test',
        seq,
        pollId: batch.pollId,
        pollVersion: 1,
        answer: { optionIds: [batch.option] },
        language: index < others ? (batch.language ?? 'fi') : 'fi',
        answeredAt: `${batch.day}T${String(batch.hour).padStart(2, '0')}:${minute}:00.000+02:00`,
        flags: index < (batch.flagged ?? 0) ? ['burst'] : [],
        topics: batch.topics ?? [],
        comment: index === 0 ? (batch.comment ?? null) : null,
      });
    }
  }
  return responses;
}
