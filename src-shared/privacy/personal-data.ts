import { foldedOnly, foldText, originalSpan, type FoldedText } from './folded-text';

/**
 * Finds personal data in free text that parents type: phone numbers, e-mail addresses, Finnish
 * personal identity codes and IBANs. No one is asked who they are, but a comment can still name
 * someone, so exports and summaries mask what this finds.
 *
 * Everything is looked for in a folded copy (see folded-text.ts), so full-width or Arabic-Indic
 * digits, a zero-width space or a bidi override cannot hide a number; the span found there is
 * masked in the original text.
 */
export type PersonalDataKind = 'phone' | 'email' | 'identityCode' | 'iban';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

const identityCodeCheckCharacters = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Century signs since 2023: `+` 1800s, `-` and U–Y 1900s, A–F 2000s. */
const centuryOfSign: Record<string, number> = {
  '+': 1800,
  '-': 1900,
  U: 1900,
  V: 1900,
  W: 1900,
  X: 1900,
  Y: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

const identityCodePattern = /(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![0-9A-Za-z])/gi;

/** An address, also when written "liisa @ posti.fi", "liisa (at) posti.fi" or "liisa[at]posti.fi". */
const emailPattern =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+(?:\s*@\s*|\s*[([]\s*at\s*[)\]]\s*)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/giu;

/** A run of digits with the separators people put between them: space . - / ( ). */
const digitRunPattern = /(?<![\p{L}\p{N}+])(?:\+|\(\s*)?\d[\d .\/()-]*\d\)?/gu;

const ibanCandidatePattern = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,32}/gu;

export function isValidIdentityCode(code: string): boolean {
  const match = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/i.exec(code);
  if (match === null) return false;
  const [, day, month, year, sign, individual, check] = match;
  if (day === undefined || month === undefined || year === undefined || sign === undefined || individual === undefined || check === undefined) {
    return false;
  }
  const century = centuryOfSign[sign.toUpperCase()];
  if (century === undefined) return false;
  const date = new Date(Date.UTC(century + Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return false;
  if (Number(individual) < 2) return false;
  const expected = identityCodeCheckCharacters[Number(`${day}${month}${year}${individual}`) % 31];
  return expected === check.toUpperCase();
}

/** ISO 13616: the country and check digits moved to the end, letters as 10–35, the whole mod 97 is 1. */
export function isValidIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = character >= 'A' ? String(character.charCodeAt(0) - 55) : character;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * A phone number by its digits: international with + or 00 and 8–15 digits, or Finnish with a
 * leading 0 and 7–12 digits. Dates and times (groups of one or two digits) are not numbers to call.
 */
function isPhoneNumber(run: string): boolean {
  const digits = run.replace(/\D/g, '');
  const groups = run.split(/[^\d]+/).filter((group) => group !== '');
  if (/[.:/]/.test(run) && groups.every((group) => group.length <= 2 || group.length === 4)) return false;
  if (run.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  if (digits.startsWith('00')) return digits.length >= 10 && digits.length <= 17;
  return digits.startsWith('0') && digits.length >= 7 && digits.length <= 12 && !/^0+$/.test(digits);
}

function findIn(folded: FoldedText): PersonalDataMatch[] {
  const text = folded.text;
  const found: PersonalDataMatch[] = [];
  const add = (kind: PersonalDataKind, start: number, end: number) => found.push({ kind, ...originalSpan(folded, start, end) });
  for (const match of text.matchAll(identityCodePattern)) {
    if (isValidIdentityCode(match[0])) add('identityCode', match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(ibanCandidatePattern)) {
    const end = longestValidIban(match[0]);
    if (end !== null) add('iban', match.index, match.index + end);
  }
  for (const match of text.matchAll(emailPattern)) add('email', match.index, match.index + match[0].length);
  for (const match of text.matchAll(digitRunPattern)) {
    const run = trimUnmatchedParenthesis(match[0]);
    if (isPhoneNumber(run)) add('phone', match.index, match.index + run.length);
  }
  return found;
}

/** The candidate may run on into the next word; the longest prefix with a valid checksum is the IBAN. */
function longestValidIban(candidate: string): number | null {
  for (let end = candidate.length; end >= 15; end -= 1) {
    if (/[ -]$/.test(candidate.slice(0, end))) continue;
    if (isValidIban(candidate.slice(0, end).replace(/[ -]/g, ''))) return end;
  }
  return null;
}

function trimUnmatchedParenthesis(run: string): string {
  const opens = run.split('(').length - 1;
  const closes = run.split(')').length - 1;
  return closes > opens && run.endsWith(')') ? run.slice(0, -1) : run;
}

/** An address needs an at sign or "(at)"/"[at]"; the flags are the e-mail pattern's, so both read the text alike. */
const atClue = /@|[([]\s*at\s*[)\]]/iu;
/** An IBAN starts with two capitals and two digits (the candidate pattern has no `i`). */
const ibanClue = /[A-Z]{2}\d{2}/u;

/**
 * Whether the folded text could hold any kind at all: an identity code has nine digits 0–9, a
 * phone number at least seven (`isPhoneNumber`), an IBAN and an address their clues above. Most
 * comments fail all four and skip the searches, and the offsets map is never built for them.
 */
function mayHoldPersonalData(folded: string): boolean {
  let digits = 0;
  for (let index = 0; index < folded.length; index += 1) {
    const code = folded.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) {
      digits += 1;
      if (digits >= 7) return true;
    }
  }
  return atClue.test(folded) || ibanClue.test(folded);
}

export function findPersonalData(text: string): PersonalDataMatch[] {
  return mayHoldPersonalData(foldedOnly(text)) ? findPersonalDataUnscreened(text) : [];
}

/** The same search without `mayHoldPersonalData` first; the tests hold the two equal on any text. */
export function findPersonalDataUnscreened(text: string): PersonalDataMatch[] {
  return withoutOverlaps(findIn(foldText(text)));
}

/** An identity code, IBAN or e-mail inside a longer phone-looking run wins; the first match wins otherwise. */
function withoutOverlaps(matches: PersonalDataMatch[]): PersonalDataMatch[] {
  const priority: Record<PersonalDataKind, number> = { identityCode: 0, iban: 1, email: 2, phone: 3 };
  const sorted = [...matches].sort((left, right) => priority[left.kind] - priority[right.kind] || left.start - right.start);
  const kept: PersonalDataMatch[] = [];
  for (const match of sorted) {
    if (kept.every((other) => match.end <= other.start || match.start >= other.end)) kept.push(match);
  }
  return kept.sort((left, right) => left.start - right.start);
}

export interface MaskedText {
  text: string;
  kinds: PersonalDataKind[];
}

/** Replaces each finding with its label, e.g. `[phone]`; the kinds found are returned as flags. */
export function maskPersonalData(text: string, labels: Record<PersonalDataKind, string>): MaskedText {
  const matches = findPersonalData(text);
  let masked = '';
  let position = 0;
  for (const match of matches) {
    masked += `${text.slice(position, match.start)}[${labels[match.kind]}]`;
    position = match.end;
  }
  masked += text.slice(position);
  return { text: masked, kinds: [...new Set(matches.map((match) => match.kind))] };
}
