import { childPictures } from './child-pictures';
import type { PollDraftInput } from './poll-draft';

type ChildTemplateId = 'child-playing' | 'child-day' | 'child-toys' | 'child-best' | 'child-wish';

const bestPictures = new Set(['pic-sandbox', 'pic-swing', 'pic-drawing', 'pic-books', 'pic-music', 'pic-snacks', 'pic-blocks', 'pic-friends']);

/** Ready-made children's polls: short questions a child understands when they are read aloud. */
export const childTemplates: Record<ChildTemplateId, PollDraftInput> = {
  'child-playing': {
    kind: 'child-faces',
    question: {
      fi: 'Miten leikit täällä tänään?',
      sv: 'Hur var det att leka här i dag?',
      en: 'How was playing here today?',
      ru: 'Как тебе игралось здесь сегодня?',
      uk: 'Як тобі гралося тут сьогодні?',
      ar: 'كيف كان اللعب هنا اليوم؟',
    },
    options: [],
    comment: false,
    start: { type: 'now' },
    end: { type: 'none' },
  },
  'child-day': {
    kind: 'child-weather',
    question: {
      fi: 'Millainen päivä sinulla oli täällä?',
      sv: 'Hurdan dag hade du här?',
      en: 'What was your day here like?',
      ru: 'Какой у тебя был день здесь?',
      uk: 'Який у тебе був день тут?',
      ar: 'كيف كان يومك هنا؟',
    },
    options: [],
    comment: false,
    start: { type: 'now' },
    end: { type: 'after', hours: 24 * 14 },
  },
  'child-toys': {
    kind: 'child-thumbs',
    question: {
      fi: 'Tykkäsitkö leluista?',
      sv: 'Tyckte du om leksakerna?',
      en: 'Did you like the toys?',
      ru: 'Тебе понравились игрушки?',
      uk: 'Тобі сподобалися іграшки?',
      ar: 'هل أعجبتك الألعاب؟',
    },
    options: [],
    comment: false,
    start: { type: 'now' },
    end: { type: 'after', hours: 24 * 14 },
  },
  'child-best': {
    kind: 'child-pictures',
    question: {
      fi: 'Mikä oli kivointa?',
      sv: 'Vad var roligast?',
      en: 'What did you like best?',
      ru: 'Что тебе понравилось больше всего?',
      uk: 'Що тобі сподобалося найбільше?',
      ar: 'ما الذي أعجبك أكثر؟',
    },
    options: childPictures.filter((picture) => bestPictures.has(picture.id)).map((picture) => ({ id: picture.id, label: { ...picture.label } })),
    comment: false,
    start: { type: 'now' },
    end: { type: 'after', hours: 24 * 14 },
  },
  'child-wish': {
    kind: 'child-drawing',
    question: {
      fi: 'Piirrä, mitä toivoisit tänne!',
      sv: 'Rita vad du önskar dig här!',
      en: 'Draw what you would like here!',
      ru: 'Нарисуй, чего бы ты хотел здесь!',
      uk: 'Намалюй, чого б ти хотів тут!',
      ar: 'ارسم ما تتمنى أن يكون هنا!',
    },
    options: [],
    comment: false,
    start: { type: 'now' },
    end: { type: 'after', hours: 24 * 14 },
  },
};
