import { childTemplates } from './child-templates';
import type { PollDraftInput } from './poll-draft';

export const pollTemplateIds = ['opening-hours', 'activity-wishes', 'council-next', 'child-playing', 'child-day', 'child-toys', 'child-best', 'child-wish'] as const;
export type PollTemplateId = (typeof pollTemplateIds)[number];

/** Ready-made quick polls the staff can start from and change before saving. */
export const pollTemplates: Record<PollTemplateId, PollDraftInput> = {
  'opening-hours': {
    kind: 'single',
    question: {
      fi: 'Mikä aika sopisi sinulle parhaiten?',
      sv: 'Vilken tid skulle passa dig bäst?',
      en: 'Which time would suit you best?',
    },
    options: [
      { label: { fi: 'Aamupäivä', sv: 'Förmiddag', en: 'Morning' } },
      { label: { fi: 'Iltapäivä', sv: 'Eftermiddag', en: 'Afternoon' } },
      { label: { fi: 'Alkuilta', sv: 'Tidig kväll', en: 'Early evening' } },
      { label: { fi: 'Lauantai', sv: 'Lördag', en: 'Saturday' } },
    ],
    comment: false,
    start: { type: 'now' },
    end: { type: 'after', hours: 24 * 7 },
  },
  'activity-wishes': {
    kind: 'multi',
    question: {
      fi: 'Mitä toimintaa toivoisit tänne?',
      sv: 'Vilken verksamhet önskar du här?',
      en: 'What activities would you like here?',
    },
    options: [
      { label: { fi: 'Vauvahieronta', sv: 'Babymassage', en: 'Baby massage' } },
      { label: { fi: 'Muskari', sv: 'Musiklek', en: 'Music play' } },
      { label: { fi: 'Liikuntaa lapsille', sv: 'Rörelse för barn', en: 'Games and movement for children' } },
      { label: { fi: 'Vertaisryhmä vanhemmille', sv: 'Kamratgrupp för föräldrar', en: 'Peer group for parents' } },
      { label: { fi: 'Retkiä', sv: 'Utflykter', en: 'Outings' } },
    ],
    comment: true,
    start: { type: 'now' },
    end: { type: 'after', hours: 24 * 14 },
  },
  'council-next': {
    kind: 'text',
    question: {
      fi: 'Mistä asiakasraadin pitäisi keskustella seuraavaksi?',
      sv: 'Vad borde kundrådet diskutera härnäst?',
      en: 'What should the client council discuss next?',
    },
    options: [],
    comment: false,
    start: { type: 'now' },
    end: { type: 'none' },
  },
  ...childTemplates,
};
