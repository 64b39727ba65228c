import { problems } from '../contract/problems';

/**
 * Free text is normalised once, where it enters, so that what is stored, searched for personal
 * data, exported and shown is one and the same string.
 *
 * Refused: C0 and C1 control characters other than line feed and tab (a NUL or an escape has no
 * business in a comment, and some programs that open the CSV stop at them) and lone surrogates
 * (half a character, which no file format can carry faithfully). Removed: bidirectional controls,
 * which can make "7654321-040" display as "040-1234567" or reorder the words around them.
 */
const refusedCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\p{Cs}/u;
const bidiControls = /\p{Bidi_Control}/gu;

export function hasRefusedCharacter(text: string): boolean {
  return refusedCharacter.test(text);
}

/** NFC, without bidirectional controls; expects a text with no refused character. */
export function normaliseFreeText(text: string): string {
  return withoutBidiControls(text.normalize('NFC'));
}

/** Also applied where text is shown, since a text stored before this rule may still carry them. */
export function withoutBidiControls(text: string): string {
  return text.replace(bidiControls, '');
}

export type FreeTextVerdict = { ok: true; text: string } | { ok: false; problem: typeof problems.controlCharacter };

export function checkFreeText(text: string): FreeTextVerdict {
  if (hasRefusedCharacter(text)) return { ok: false, problem: problems.controlCharacter };
  return { ok: true, text: normaliseFreeText(text) };
}
