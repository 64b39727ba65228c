import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defaultOpeningHours, openingHoursSchema } from '../../../src-shared/contract/opening-hours';
import { languageSchema } from '../../../src-shared/contract/polls';
import { defaultRetentionDays, retentionDaysSchema } from '../../../src-shared/contract/retention';
import { declareDocument } from '../store/document';

/** The staff PIN as scrypt stores it; the cost is kept with it so it can be raised later. */
export const pinHashSchema = z.object({
  scheme: z.literal('scrypt'),
  cost: z.number().int().min(2),
  blockSize: z.number().int().min(1),
  parallelization: z.number().int().min(1),
  salt: z.base64(),
  hash: z.base64(),
});

export type PinHash = z.output<typeof pinHashSchema>;

/** Wrong PINs in a row and pauses so far; kept on disk so a restart does not hand out fresh tries. */
export const pinGuardSchema = z.object({
  failures: z.number().int().min(0),
  lockouts: z.number().int().min(0),
  lockedUntil: z.iso.datetime({ offset: true }).nullable(),
});

export type PinGuard = z.output<typeof pinGuardSchema>;

export const freshPinGuard: PinGuard = { failures: 0, lockouts: 0, lockedUntil: null };

export const kioskDocumentSchema = z.object({
  kioskId: z.string().regex(/^K-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  createdAt: z.string(),
  siteName: z.string().max(80),
  languages: z.array(languageSchema).min(1),
  defaultLanguage: languageSchema,
  idleSeconds: z.number().int().min(5).max(600),
  thanksSeconds: z.number().int().min(2).max(60),
  /** Null until set-up: a kiosk without a staff PIN shows the set-up screen. */
  staffPin: pinHashSchema.nullable(),
  pinGuard: pinGuardSchema,
  /** Added after schema 2 was out; a kiosk saved before it gets the usual weekday hours. */
  openingHours: openingHoursSchema.default(defaultOpeningHours),
  /** Days an exported and checked batch's answers are kept on the kiosk (schema 3). */
  retentionDays: retentionDaysSchema,
});

export type KioskDocument = z.output<typeof kioskDocumentSchema>;

export const kioskDocumentSpec = declareDocument('kiosk.json', kioskDocumentSchema, {
  schemaVersion: 3,
  migrations: {
    // Schema 2 brought the staff PIN. A kiosk from before it keeps its id, name and languages
    // but has no PIN yet, so it asks for set-up once.
    1: (data) => ({ ...(isRecord(data) ? data : {}), staffPin: null, pinGuard: freshPinGuard }),
    // Schema 3 brought the retention rule: a kiosk from before it keeps answers the default time.
    2: (data) => ({ ...(isRecord(data) ? data : {}), retentionDays: defaultRetentionDays }),
  },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
    staffPin: null,
    pinGuard: freshPinGuard,
    openingHours: defaultOpeningHours,
    retentionDays: defaultRetentionDays,
  };
}
