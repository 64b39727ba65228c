import { z } from 'zod';
import { problems } from '../contract/problems';
import { hasRefusedCharacter, normaliseFreeText } from './free-text';

// Apart from free-text.ts so that screens showing a stored text (the start screen among them)
// do not bring zod along: only the contract needs the schema.

/**
 * A text typed by a person: refused with a message key when it carries a control character,
 * otherwise normalised, trimmed and held to its length (counted after normalisation, so a
 * decomposed "ä" counts once).
 */
export function freeTextSchema(maxLength: number) {
  return z
    .string()
    .refine((text) => !hasRefusedCharacter(text), problems.controlCharacter)
    .transform(normaliseFreeText)
    .pipe(z.string().trim().max(maxLength, problems.tooLong));
}
