/**
 * A copy of a text made for finding personal data, with a map back to the original, so that what
 * is found in the copy is masked in the text as the parent wrote it.
 *
 * Folding: NFKC (full-width "０４０" and "＠" become "040" and "@"), every Unicode decimal digit
 * becomes 0–9 (Arabic-Indic "٠٤٠" is "040"), and zero-width characters, soft hyphens and bidi
 * controls are dropped, since none of them changes what a number or an address says.
 */
export interface FoldedText {
  text: string;
  /** For each UTF-16 unit of `text`, where its character starts in the original. */
  starts: number[];
  /** For each UTF-16 unit of `text`, where its character ends in the original. */
  ends: number[];
}

const invisible = /^(?:[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]|\p{Bidi_Control})$/u;
const decimalDigit = /^\p{Nd}$/u;

/** Unicode keeps every run of decimal digits whole and in order, 0 to 9, so a digit's value is its place in its run. */
function digitValue(codePoint: number): number {
  let first = codePoint;
  while (decimalDigit.test(String.fromCodePoint(first - 1))) first -= 1;
  return (codePoint - first) % 10;
}

/**
 * How each character folds, kept once worked out: NFKC and the Unicode property tests cost far
 * more than the lookup, and a batch of comments uses the same few hundred characters over and
 * over. Capped, so text made of every character there is cannot grow it without bound.
 */
const foldedCharacters = new Map<string, string>();
const foldedCharactersKept = 4096;

function foldCharacter(character: string): string {
  // ASCII folds to itself: no NFKC change, no invisible character, its digits already 0–9.
  if (character.length === 1 && character.charCodeAt(0) < 0x80) return character;
  const known = foldedCharacters.get(character);
  if (known !== undefined) return known;
  let folded = '';
  if (!invisible.test(character)) {
    for (const part of character.normalize('NFKC')) {
      const codePoint = part.codePointAt(0) ?? 0;
      folded += decimalDigit.test(part) && codePoint > 0x7f ? String(digitValue(codePoint)) : part;
    }
  }
  if (foldedCharacters.size < foldedCharactersKept) foldedCharacters.set(character, folded);
  return folded;
}

export function foldText(original: string): FoldedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let position = 0;
  for (const character of original) {
    const end = position + character.length;
    const folded = foldCharacter(character);
    for (let unit = 0; unit < folded.length; unit += 1) {
      starts.push(position);
      ends.push(end);
    }
    text += folded;
    position = end;
  }
  return { text, starts, ends };
}

/** `foldText(original).text` alone, without the map back to the original. */
export function foldedOnly(original: string): string {
  let text = '';
  for (const character of original) text += foldCharacter(character);
  return text;
}

/** The span of the original that a span of the folded copy came from. */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.starts[start] ?? 0, end: folded.ends[end - 1] ?? folded.starts[start] ?? 0 };
}
