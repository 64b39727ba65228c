import type { ChildScaleKind } from './children';
import type { PollOption } from './polls';

/**
 * The pictures of the children's picture-scale kinds, worst first like the parents' faces, each
 * with its name in every kiosk language: the name is what the kiosk reads aloud. Russian,
 * Ukrainian and Arabic are drafts that need review, like those languages' screen texts.
 */
const childScales: Record<ChildScaleKind, PollOption[]> = {
  'child-faces': [
    { id: 'face-sad', label: { fi: 'Surullinen', sv: 'Ledsen', en: 'Sad', ru: 'Грустно', uk: 'Сумно', ar: 'حزين' } },
    { id: 'face-okay', label: { fi: 'Ihan ok', sv: 'Helt okej', en: 'Okay', ru: 'Нормально', uk: 'Нормально', ar: 'عادي' } },
    { id: 'face-happy', label: { fi: 'Iloinen', sv: 'Glad', en: 'Happy', ru: 'Весело', uk: 'Весело', ar: 'سعيد' } },
  ],
  'child-thumbs': [
    { id: 'thumb-down', label: { fi: 'Peukku alas', sv: 'Tummen ner', en: 'Thumbs down', ru: 'Палец вниз', uk: 'Палець униз', ar: 'إبهام لأسفل' } },
    { id: 'thumb-sideways', label: { fi: 'Peukku sivulle', sv: 'Tummen åt sidan', en: 'Thumb sideways', ru: 'Палец вбок', uk: 'Палець убік', ar: 'إبهام جانبي' } },
    { id: 'thumb-up', label: { fi: 'Peukku ylös', sv: 'Tummen upp', en: 'Thumbs up', ru: 'Палец вверх', uk: 'Палець угору', ar: 'إبهام لأعلى' } },
  ],
  'child-weather': [
    { id: 'weather-rain', label: { fi: 'Sade', sv: 'Regn', en: 'Rain', ru: 'Дождь', uk: 'Дощ', ar: 'مطر' } },
    { id: 'weather-cloud', label: { fi: 'Pilvi', sv: 'Moln', en: 'Cloud', ru: 'Облако', uk: 'Хмара', ar: 'غيمة' } },
    { id: 'weather-sun', label: { fi: 'Aurinko', sv: 'Sol', en: 'Sun', ru: 'Солнце', uk: 'Сонце', ar: 'شمس' } },
  ],
};

export function childScaleOptions(kind: ChildScaleKind): PollOption[] {
  return childScales[kind];
}
