import type { LanguageCode } from '../languages';
import { ar } from './ar';
import { parentsEn } from './en';
import { parentsFi } from './fi';
import { fiSelko } from './fi-selko';
import type { ParentMessages } from './parent-keys';
import { ru } from './ru';
import { parentsSv } from './sv';
import { uk } from './uk';

/**
 * The parents' screens in every language a parent can choose; a new language is one file here
 * and one line below. Kept apart from the staff texts so the parents' bundle carries none of those.
 */
export const parentMessages: Record<LanguageCode, ParentMessages> = {
  fi: parentsFi,
  'fi-selko': fiSelko,
  sv: parentsSv,
  en: parentsEn,
  ru,
  uk,
  ar,
};
