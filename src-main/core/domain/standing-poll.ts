import type { Poll } from '../../../src-shared/contract/polls';

/** The client council's standing question, seeded on first start like any other poll. */
export function standingPoll(now: Date): Poll {
  return {
    id: 'council-feedback',
    version: 1,
    kind: 'smiley',
    standing: true,
    state: 'active',
    question: {
      fi: 'Miten viihdyit täällä tänään?',
      sv: 'Hur trivdes du här i dag?',
      en: 'How did you like it here today?',
    },
    options: [
      { id: 'very-bad', label: { fi: 'Tosi huonosti', sv: 'Mycket dåligt', en: 'Very bad' } },
      { id: 'bad', label: { fi: 'Huonosti', sv: 'Dåligt', en: 'Bad' } },
      { id: 'okay', label: { fi: 'Ihan ok', sv: 'Helt okej', en: 'Okay' } },
      { id: 'good', label: { fi: 'Hyvin', sv: 'Bra', en: 'Good' } },
      { id: 'very-good', label: { fi: 'Tosi hyvin', sv: 'Mycket bra', en: 'Very good' } },
    ],
    followUp: {
      comment: false,
      topics: [
        { id: 'premises', label: { fi: 'Tilat', sv: 'Lokalerna', en: 'The rooms' } },
        { id: 'activities', label: { fi: 'Toiminta', sv: 'Aktiviteterna', en: 'Activities' } },
        { id: 'staff', label: { fi: 'Henkilökunta', sv: 'Personalen', en: 'Staff' } },
        { id: 'families', label: { fi: 'Muut perheet', sv: 'Andra familjer', en: 'Other families' } },
        { id: 'hours', label: { fi: 'Aukioloajat', sv: 'Öppettiderna', en: 'Opening hours' } },
        { id: 'other', label: { fi: 'Jokin muu', sv: 'Något annat', en: 'Something else' } },
      ],
    },
    startsAt: null,
    endsAt: null,
    createdAt: now.toISOString(),
  };
}
