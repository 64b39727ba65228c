/**
 * Finds personal data in free text that parents type: phone numbers, e-mail addresses and
 * Finnish personal identity codes. No one is asked who they are, but a comment can still name
 * someone, so exports and summaries mask what this finds.
 */
export type PersonalDataKind = 'phone' | 'email' | 'identityCode';

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
const emailPattern = /[\p{L}0-9._%+-]+@[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)*\.\p{L}{2,}/gu;
// A leading + or 00 country code, or a Finnish 0-prefixed number; separators may be spaces or dashes.
const phonePattern = /(?<![\d.,:/])(?:(?:\+|00)\d{1,3}[ -]?\(?0?\)?[ -]?\d{1,4}|0\d{1,3})(?:[ -]?\d{2,4}){1,4}(?!\d|[.,:/]\d|[ -]\d)/g;

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

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const match of text.matchAll(identityCodePattern)) {
    if (isValidIdentityCode(match[0])) found.push({ kind: 'identityCode', start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(emailPattern)) {
    found.push({ kind: 'email', start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(phonePattern)) {
    const digits = digitCount(match[0]);
    if (digits >= 7 && digits <= 15) found.push({ kind: 'phone', start: match.index, end: match.index + match[0].length });
  }
  return withoutOverlaps(found);
}

/** An identity code or e-mail inside a longer phone-looking run wins; the first match wins otherwise. */
function withoutOverlaps(matches: PersonalDataMatch[]): PersonalDataMatch[] {
  const priority: Record<PersonalDataKind, number> = { identityCode: 0, email: 1, phone: 2 };
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
