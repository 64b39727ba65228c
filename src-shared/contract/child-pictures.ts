import type { PollOption } from './polls';

/**
 * The gallery staff pick from when they make a "pick pictures" poll: our own pictograms, drawn in
 * the faces' style, each with the name the kiosk reads aloud in every kiosk language. The option
 * id is the picture's id, so an answer names the picture itself. Russian, Ukrainian and Arabic
 * are drafts that need review, like those languages' screen texts.
 */
export const childPictures = [
  { id: 'pic-sandbox', label: { fi: 'Hiekkalaatikko', sv: 'Sandlåda', en: 'Sandbox', ru: 'Песочница', uk: 'Пісочниця', ar: 'صندوق الرمل' } },
  { id: 'pic-swing', label: { fi: 'Keinu', sv: 'Gunga', en: 'Swing', ru: 'Качели', uk: 'Гойдалка', ar: 'أرجوحة' } },
  { id: 'pic-slide', label: { fi: 'Liukumäki', sv: 'Rutschkana', en: 'Slide', ru: 'Горка', uk: 'Гірка', ar: 'زحليقة' } },
  { id: 'pic-drawing', label: { fi: 'Piirtäminen', sv: 'Rita', en: 'Drawing', ru: 'Рисование', uk: 'Малювання', ar: 'الرسم' } },
  { id: 'pic-books', label: { fi: 'Kirjat', sv: 'Böcker', en: 'Books', ru: 'Книги', uk: 'Книжки', ar: 'الكتب' } },
  { id: 'pic-music', label: { fi: 'Musiikki', sv: 'Musik', en: 'Music', ru: 'Музыка', uk: 'Музика', ar: 'الموسيقى' } },
  { id: 'pic-snacks', label: { fi: 'Välipala', sv: 'Mellanmål', en: 'Snacks', ru: 'Перекус', uk: 'Перекус', ar: 'وجبة خفيفة' } },
  { id: 'pic-blocks', label: { fi: 'Palikat', sv: 'Klossar', en: 'Blocks', ru: 'Кубики', uk: 'Кубики', ar: 'المكعبات' } },
  { id: 'pic-ball', label: { fi: 'Pallo', sv: 'Boll', en: 'Ball', ru: 'Мяч', uk: "М'яч", ar: 'الكرة' } },
  { id: 'pic-teddy', label: { fi: 'Nalle', sv: 'Nalle', en: 'Teddy bear', ru: 'Мишка', uk: 'Ведмедик', ar: 'الدبدوب' } },
  { id: 'pic-friends', label: { fi: 'Kaverit', sv: 'Kompisar', en: 'Friends', ru: 'Друзья', uk: 'Друзі', ar: 'الأصدقاء' } },
  { id: 'pic-cars', label: { fi: 'Autot', sv: 'Bilar', en: 'Toy cars', ru: 'Машинки', uk: 'Машинки', ar: 'السيارات' } },
] as const satisfies readonly PollOption[];

export type ChildPictureId = (typeof childPictures)[number]['id'];

export function childPictureOf(id: string): PollOption | undefined {
  return childPictures.find((picture) => picture.id === id);
}

/**
 * The options of a pick-pictures poll from the pictures staff chose, in the gallery's order of
 * their choosing; the names come from the gallery, never from the request, so they are always
 * the names the kiosk reads aloud.
 */
export function pictureOptions(ids: readonly string[]): PollOption[] {
  return ids.flatMap((id) => {
    const picture = childPictureOf(id);
    return picture === undefined ? [] : [{ id: picture.id, label: { ...picture.label } }];
  });
}
