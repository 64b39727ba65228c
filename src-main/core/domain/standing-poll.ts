import type { Poll } from '../../../src-shared/contract/polls';

/**
 * The client council's standing question, seeded on first start like any other poll. Plain Finnish
 * has no texts of its own: the Finnish ones are short and plain already. Russian, Ukrainian and
 * Arabic are drafts that need review, like those languages' screen texts.
 */
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
      ru: 'Как вам было здесь сегодня?',
      uk: 'Як вам було тут сьогодні?',
      ar: 'كيف كان وقتك هنا اليوم؟',
    },
    options: [
      { id: 'very-bad', label: { fi: 'Tosi huonosti', sv: 'Mycket dåligt', en: 'Very bad', ru: 'Очень плохо', uk: 'Дуже погано', ar: 'سيئ جدًا' } },
      { id: 'bad', label: { fi: 'Huonosti', sv: 'Dåligt', en: 'Bad', ru: 'Плохо', uk: 'Погано', ar: 'سيئ' } },
      { id: 'okay', label: { fi: 'Ihan ok', sv: 'Helt okej', en: 'Okay', ru: 'Нормально', uk: 'Нормально', ar: 'مقبول' } },
      { id: 'good', label: { fi: 'Hyvin', sv: 'Bra', en: 'Good', ru: 'Хорошо', uk: 'Добре', ar: 'جيد' } },
      { id: 'very-good', label: { fi: 'Tosi hyvin', sv: 'Mycket bra', en: 'Very good', ru: 'Очень хорошо', uk: 'Дуже добре', ar: 'جيد جدًا' } },
    ],
    followUp: {
      comment: false,
      topics: [
        { id: 'premises', label: { fi: 'Tilat', sv: 'Lokalerna', en: 'The rooms', ru: 'Помещения', uk: 'Приміщення', ar: 'المكان' } },
        { id: 'activities', label: { fi: 'Toiminta', sv: 'Aktiviteterna', en: 'Activities', ru: 'Занятия', uk: 'Заняття', ar: 'الأنشطة' } },
        { id: 'staff', label: { fi: 'Henkilökunta', sv: 'Personalen', en: 'Staff', ru: 'Сотрудники', uk: 'Працівники', ar: 'الموظفون' } },
        { id: 'families', label: { fi: 'Muut perheet', sv: 'Andra familjer', en: 'Other families', ru: 'Другие семьи', uk: 'Інші родини', ar: 'العائلات الأخرى' } },
        { id: 'hours', label: { fi: 'Aukioloajat', sv: 'Öppettiderna', en: 'Opening hours', ru: 'Часы работы', uk: 'Години роботи', ar: 'أوقات العمل' } },
        { id: 'other', label: { fi: 'Jokin muu', sv: 'Något annat', en: 'Something else', ru: 'Другое', uk: 'Інше', ar: 'شيء آخر' } },
      ],
    },
    startsAt: null,
    endsAt: null,
    createdAt: now.toISOString(),
  };
}
