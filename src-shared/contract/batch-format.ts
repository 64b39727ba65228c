import { z } from 'zod';
import type { PersonalDataKind } from '../privacy/personal-data';
import { audiences } from './children';
import { drawingFilePattern } from './drawing';
import { drawingSchema } from './drawing-schema';
import { identifierSchema, isoDateTimeSchema, languageSchema, pollKinds } from './polls';

/**
 * The canonical batch: what leaves the kiosk as `responses.json` and what the batch hash is
 * taken over. Its exact bytes are defined by `batch-canonical.ts`; these schemas say what each
 * part may hold, so a reader (`kerro verify`, the receiver) can check a file it did not write.
 */
export const batchFormat = { name: 'kerro-batch', schemaVersion: 1 } as const;

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex');

const plainLocalizedSchema = z.partialRecord(languageSchema, z.string());

/** A poll as the batch needs it to be read later: no state or schedule, which change without a new version. */
export const pollSnapshotSchema = z
  .object({
    id: identifierSchema,
    version: z.number().int().min(1),
    kind: z.enum(pollKinds),
    standing: z.boolean(),
    question: plainLocalizedSchema,
    options: z.array(z.object({ id: identifierSchema, label: plainLocalizedSchema }).strict()),
    followUp: z
      .object({
        topics: z.array(z.object({ id: identifierSchema, label: plainLocalizedSchema }).strict()),
        comment: z.boolean(),
      })
      .strict()
      .nullable(),
  })
  .strict();

export type PollSnapshot = z.output<typeof pollSnapshotSchema>;

export const personalDataKinds = ['email', 'iban', 'identityCode', 'phone'] as const satisfies readonly PersonalDataKind[];

/** One answer as exported: free text already masked, with the kinds of personal data that were masked. */
export const exportAnswerSchema = z
  .object({
    seq: z.number().int().min(1),
    id: z.uuid(),
    pollId: identifierSchema,
    pollVersion: z.number().int().min(1),
    answer: z.union([
      z.object({ optionIds: z.array(identifierSchema) }).strict(),
      z.object({ text: z.string() }).strict(),
      z.object({ drawing: drawingSchema }).strict(),
    ]),
    language: languageSchema,
    answeredAt: z.string(),
    flags: z.array(z.string()),
    topics: z.array(identifierSchema),
    comment: z.string().nullable(),
    masked: z.array(z.enum(personalDataKinds)),
    /** Written on every answer since children's answers were counted apart; absent on older batches, meaning adult. */
    audience: z.enum(audiences).optional(),
  })
  .strict();

export type ExportAnswer = z.output<typeof exportAnswerSchema>;

export const batchHeaderSchema = z
  .object({
    kioskId: z.string().min(1).max(40),
    site: z.string().max(80),
    number: z.number().int().min(1),
    /** The hash of batch `number - 1`; null for the first batch. */
    previousHash: sha256Schema.nullable(),
    createdAt: isoDateTimeSchema,
    seqFrom: z.number().int().min(1),
    seqTo: z.number().int().min(1),
    count: z.number().int().min(1),
    /** The app version that sealed the batch. */
    sealedBy: z.string().max(40),
  })
  .strict();

export type BatchHeader = z.output<typeof batchHeaderSchema>;

export const csvDialects = ['finnish-excel', 'comma'] as const;
export const csvDialectSchema = z.enum(csvDialects);
export type CsvDialect = z.output<typeof csvDialectSchema>;

/** The receiver page travels with every batch, so a folder can be opened on a laptop with no install. */
export const receiverFileNames = ['receiver.html', 'receiver.js', 'receiver.css'] as const;

/** Made only where the shell can print (the Electron shell's printToPDF); a folder without them is whole. */
export const printedFileNames = ['summary.pdf', 'report.pdf'] as const;

export const exportFileNames = ['responses.json', 'responses.csv', 'summary.html', 'report.html', ...printedFileNames, ...receiverFileNames] as const;
export const manifestFileName = 'manifest.json';

/** The fixed files, and one SVG per child's drawing (`drawing-<seq>.svg`). */
export const exportFileNameSchema = z.union([z.enum(exportFileNames), z.string().regex(drawingFilePattern)]);

export const exportManifestFormat = { name: 'kerro-export', schemaVersion: 1 } as const;

/** `manifest.json` in every export folder: what the folder is and the hash of each file beside it. */
export const exportManifestSchema = z
  .object({
    format: z.literal(exportManifestFormat.name),
    schemaVersion: z.literal(exportManifestFormat.schemaVersion),
    kioskId: z.string().min(1).max(40),
    site: z.string().max(80),
    batch: z.number().int().min(1),
    seqFrom: z.number().int().min(1),
    seqTo: z.number().int().min(1),
    counts: z
      .object({
        answers: z.number().int().min(0),
        comments: z.number().int().min(0),
        masked: z.number().int().min(0),
        burst: z.number().int().min(0),
      })
      .strict(),
    createdAt: isoDateTimeSchema,
    batchHash: sha256Schema,
    previousBatchHash: sha256Schema.nullable(),
    sealedBy: z.string().max(40),
    appVersion: z.string().max(40),
    language: languageSchema,
    csvDialect: csvDialectSchema,
    files: z
      .array(z.object({ name: exportFileNameSchema, bytes: z.number().int().min(0), sha256: sha256Schema }).strict())
      .min(1)
      .refine((files) => new Set(files.map((file) => file.name)).size === files.length, 'a file is listed twice'),
  })
  .strict();

export type ExportManifest = z.output<typeof exportManifestSchema>;

/** How a poll version is looked up among a batch's poll snapshots. */
export function pollKey(id: string, version: number): string {
  return `${id}@${version}`;
}
