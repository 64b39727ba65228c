import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { ParentMessageKey } from '../../src-shared/i18n/parents/parent-keys';

/** Keys that do something other than type their own sign; every layout has each of them once. */
export const specialKeys = ['{bksp}', '{shift}', '{letters}', '{space}', '{done}'] as const;

export type SpecialKey = (typeof specialKeys)[number];

export interface KeyboardLayout {
  /** Rows as react-simple-keyboard reads them: keys split by spaces, left to right on screen. */
  default: readonly string[];
  shift: readonly string[];
  /** Capitals last one letter, as on a phone; a layer of signs stays until shift is pressed again. */
  isShiftOneShot: boolean;
  /** Shown on the shift key before its text, and which text that is. */
  shiftSign: string;
  shiftText: Extract<ParentMessageKey, 'keyboard.shift' | 'keyboard.symbols'>;
}

/**
 * Finnish and Swedish share one layout: å beside p, ö and ä beside l, as on the keyboards here.
 * English uses it too, and it is the Latin layout every other script switches to.
 */
export const latinLayout: KeyboardLayout = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p å', 'a s d f g h j k l ö ä', '{shift} z x c v b n m , . -', '{letters} ? ! ( ) {space} : / {done}'],
  shift: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'Q W E R T Y U I O P Å', 'A S D F G H J K L Ö Ä', '{shift} Z X C V B N M ; : _', '{letters} ? ! ( ) {space} " + {done}'],
  isShiftOneShot: true,
  shiftSign: '⇧',
  shiftText: 'keyboard.shift',
};

/** ЙЦУКЕН as on a Russian PC keyboard: ё left of 1, ъ after х, . after ю. */
export const russianLayout: KeyboardLayout = {
  default: ['ё 1 2 3 4 5 6 7 8 9 0 {bksp}', 'й ц у к е н г ш щ з х ъ', 'ф ы в а п р о л д ж э', '{shift} я ч с м и т ь б ю , .', '{letters} ? ! ( ) {space} : - {done}'],
  shift: ['Ё 1 2 3 4 5 6 7 8 9 0 {bksp}', 'Й Ц У К Е Н Г Ш Щ З Х Ъ', 'Ф Ы В А П Р О Л Д Ж Э', '{shift} Я Ч С М И Т Ь Б Ю ; :', '{letters} ? ! ( ) {space} « » {done}'],
  isShiftOneShot: true,
  shiftSign: '⇧',
  shiftText: 'keyboard.shift',
};

/**
 * Ukrainian ЙЦУКЕН (the enhanced PC layout): ї where Russian has ъ, і for ы, є for э, ґ at the
 * end of its row and the apostrophe left of 1. The apostrophe is ʼ (U+02BC), a letter, so a word
 * like подвірʼя stays one word; shift gives the plain ' that many people type instead.
 */
export const ukrainianLayout: KeyboardLayout = {
  default: ['ʼ 1 2 3 4 5 6 7 8 9 0 {bksp}', 'й ц у к е н г ш щ з х ї', 'ф і в а п р о л д ж є ґ', '{shift} я ч с м и т ь б ю , .', '{letters} ? ! ( ) {space} : - {done}'],
  shift: ["' 1 2 3 4 5 6 7 8 9 0 {bksp}", 'Й Ц У К Е Н Г Ш Щ З Х Ї', 'Ф І В А П Р О Л Д Ж Є Ґ', '{shift} Я Ч С М И Т Ь Б Ю ; :', '{letters} ? ! ( ) {space} « » {done}'],
  isShiftOneShot: true,
  shiftSign: '⇧',
  shiftText: 'keyboard.shift',
};

/**
 * The letters sit where the Arabic PC keyboard has them (ض on Q, ذ left of 1, لا on B), left to
 * right on screen even on the right-to-left page: it is a picture of that keyboard, not text.
 * The PC puts أ إ آ on shift; here they join the letters, because Arabic has no capitals and a
 * parent should not have to guess that shift hides a common letter.
 * Digits: the letters' layer has Western 1–0, the digits this kiosk shows Arabic readers
 * everywhere else (see intlLocales) and what most Arabic-reading families in Finland write;
 * the signs' layer behind shift has ٠–٩ for parents who write those, with Arabic punctuation.
 */
export const arabicLayout: KeyboardLayout = {
  default: ['ذ 1 2 3 4 5 6 7 8 9 0 {bksp}', 'ض ص ث ق ف غ ع ه خ ح ج د', 'ش س ي ب ل ا ت ن م ك ط أ', '{shift} ئ ء ؤ ر لا ى ة و ز ظ إ آ', '{letters} ؟ ! ، {space} . : {done}'],
  shift: ['١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ٠ {bksp}', '« » ( ) - _ + = × ÷ % ٪', '" \' / * ~ ؛ …', '{shift} ; , ? & [ ]', '{letters} ؟ ! ، {space} . : {done}'],
  isShiftOneShot: false,
  shiftSign: '١٢٣',
  shiftText: 'keyboard.symbols',
};

export interface KeyboardChoice {
  /** The layout of the parent's language, shown first. */
  own: KeyboardLayout;
  /** The Latin layout the switch key leads to; null where the own layout is Latin and has no switch key. */
  latin: KeyboardLayout | null;
}

const ownLayouts: Partial<Record<LanguageCode, KeyboardLayout>> = { ru: russianLayout, uk: ukrainianLayout, ar: arabicLayout };

/** The keyboard a parent in this language expects, with Latin letters one key away where the script differs. */
export function keyboardFor(language: LanguageCode): KeyboardChoice {
  const own = ownLayouts[language];
  if (own === undefined) return { own: withoutKey(latinLayout, '{letters}'), latin: null };
  return { own, latin: latinLayout };
}

function withoutKey(layout: KeyboardLayout, key: SpecialKey): KeyboardLayout {
  const drop = (rows: readonly string[]) => rows.map((row) => row.split(' ').filter((each) => each !== key).join(' '));
  return { ...layout, default: drop(layout.default), shift: drop(layout.shift) };
}
