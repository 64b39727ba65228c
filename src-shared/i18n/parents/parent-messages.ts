import { en } from '../en';
import { fi, type Messages } from '../fi';
import type { LanguageCode } from '../languages';
import { sv } from '../sv';
import { ar } from './ar';
import { fiSelko } from './fi-selko';
import { parentKeys, type ParentMessages } from './parent-keys';
import { ru } from './ru';
import { uk } from './uk';

/** Finnish, Swedish and English keep their parents' texts beside their staff texts; the parents' part is taken from them. */
function parentsPart(texts: Messages): ParentMessages {
  const part: Record<string, string> = Object.fromEntries(parentKeys.map((key) => [key, texts[key]]));
  if (!isParentMessages(part)) throw new Error('A parents’ key is missing from a full language file.');
  return part;
}

function isParentMessages(texts: Record<string, string>): texts is ParentMessages {
  return parentKeys.every((key) => typeof texts[key] === 'string');
}

/** The parents' screens in every language a parent can choose; a new language is one file and one line here. */
export const parentMessages: Record<LanguageCode, ParentMessages> = {
  fi: parentsPart(fi),
  'fi-selko': fiSelko,
  sv: parentsPart(sv),
  en: parentsPart(en),
  ru,
  uk,
  ar,
};
