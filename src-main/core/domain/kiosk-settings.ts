import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { languageSchema } from '../../../src-shared/contract/polls';
import type { DocumentSpec } from '../store/document';

export const kioskDocumentSchema = z.object({
  kioskId: z.string().regex(/^K-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  createdAt: z.string(),
  siteName: z.string().max(80),
  languages: z.array(languageSchema).min(1),
  defaultLanguage: languageSchema,
  idleSeconds: z.number().int().min(5).max(600),
  thanksSeconds: z.number().int().min(2).max(60),
});

export type KioskDocument = z.output<typeof kioskDocumentSchema>;

export const kioskDocumentSpec: DocumentSpec<KioskDocument> = {
  fileName: 'kiosk.json',
  schemaVersion: 1,
  schema: kioskDocumentSchema,
};

// Crockford's base32 leaves out I, L, O and U so an id read aloud over the phone is not misheard.
const idAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newKioskId(): string {
  const characters = [...randomBytes(8)].map((byte) => idAlphabet[byte % 32] ?? '0').join('');
  return `K-${characters.slice(0, 4)}-${characters.slice(4)}`;
}

export function defaultKioskDocument(now: Date): KioskDocument {
  return {
    kioskId: newKioskId(),
    createdAt: now.toISOString(),
    siteName: 'Perheiden piha',
    languages: ['fi', 'sv', 'en'],
    defaultLanguage: 'fi',
    idleSeconds: 30,
    thanksSeconds: 5,
  };
}
