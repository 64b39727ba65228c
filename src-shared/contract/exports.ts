import { z } from 'zod';
import { csvDialectSchema, exportFileNameSchema, manifestFileName, sha256Schema } from './batch-format';
import { isoDateTimeSchema } from './polls';

/**
 * `stick`: a USB stick, found by the shell or mounted on a mount point named in `KERRO_EXPORT_DIRS`
 * (offered only while something is mounted there). `folder`: a plain folder named there as
 * `folder=PATH`, which may lie on the kiosk's own disk.
 */
export const exportTargetKindSchema = z.enum(['stick', 'folder']);

export type ExportTargetKind = z.output<typeof exportTargetKindSchema>;

/** A place an export can go: a USB stick the shell found, or a place named in `KERRO_EXPORT_DIRS`. */
export const exportTargetSchema = z.object({
  /** Pass this back to choose the target; the main side accepts only ids it listed itself. */
  id: z.string(),
  /** The stick's label or the folder's name, for "USB stick found: NAME". */
  name: z.string(),
  path: z.string(),
  kind: exportTargetKindSchema,
  freeBytes: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  isWritable: z.boolean(),
});

export type ExportTarget = z.output<typeof exportTargetSchema>;

export const targetIdSchema = z.string().min(1).max(4096);

export const batchSummarySchema = z.object({
  number: z.number().int().min(1),
  seqFrom: z.number().int().min(1),
  seqTo: z.number().int().min(1),
  count: z.number().int().min(1),
  comments: z.number().int().min(0),
  createdAt: isoDateTimeSchema,
  hash: sha256Schema,
  previousHash: sha256Schema.nullable(),
  /** The folder name the batch gets on a stick, the same every time. */
  folder: z.string(),
  csvDialect: csvDialectSchema,
  /** When it was last written and checked on a stick; null while it has never been. */
  exportedAt: isoDateTimeSchema.nullable(),
  exportCount: z.number().int().min(0),
  /** When its answers and content were removed from the kiosk under the retention rule; it can no longer be exported again. */
  purgedAt: isoDateTimeSchema.nullable(),
});

export type BatchSummary = z.output<typeof batchSummarySchema>;

/** Every kind keeps the raw message: for the log and for support, not as the staff's main text. */
const printFailureDetail = { detail: z.string() };

/**
 * Why summary.pdf and report.pdf could not be made, as a kind the staff screen words in the
 * staff's own language; the figures a kind mentions come with it.
 */
export const printFailureSchema = z.discriminatedUnion('reason', [
  /** The page was not printed in time; `seconds` is the limit that was waited. */
  z.object({ reason: z.literal('timeout'), seconds: z.number().int().min(0), ...printFailureDetail }),
  /** The page is larger than the print window can load. */
  z.object({ reason: z.literal('tooLarge'), kilobytes: z.number().int().min(0), ...printFailureDetail }),
  /** The page's print process died (crashed, ran out of memory, was killed). */
  z.object({ reason: z.literal('stopped'), ...printFailureDetail }),
  /** The printer answered with bytes that are not a PDF. */
  z.object({ reason: z.literal('notPdf'), ...printFailureDetail }),
  /** Anything the kinds above do not name; only `detail` says what. */
  z.object({ reason: z.literal('other'), ...printFailureDetail }),
]);

export type PrintFailureView = z.output<typeof printFailureSchema>;
export type PrintFailureReason = PrintFailureView['reason'];

export const writtenFolderSchema = z.object({
  batch: batchSummarySchema,
  folder: z.string(),
  files: z.array(z.object({ name: z.union([exportFileNameSchema, z.literal(manifestFileName)]), bytes: z.number().int().min(0), sha256: sha256Schema })),
  /** Why summary.pdf and report.pdf could not be made although the shell can print; the batch was exported without them. */
  printFailure: printFailureSchema.nullable(),
});

export const exportRunInputSchema = z
  .object({
    targetId: targetIdSchema,
    /** Fixed for a batch when it is sealed; batches sealed earlier keep theirs. */
    csvDialect: csvDialectSchema.optional(),
  })
  .strict();

export const exportRunOutputSchema = z.object({
  target: z.string(),
  /** Batches sealed earlier whose export failed come first, then the new one. */
  written: z.array(writtenFolderSchema),
});

export const reexportInputSchema = z.object({ targetId: targetIdSchema, batchNumber: z.number().int().min(1) }).strict();

export const exportProgressSchema = z.object({
  batchNumber: z.number().int().min(1),
  step: z.enum(['writing', 'checking']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});

export type ExportProgressView = z.output<typeof exportProgressSchema>;

export const exportStatusSchema = z.object({
  isRunning: z.boolean(),
  /** The running export's progress, for a progress bar; null when none is running. */
  progress: exportProgressSchema.nullable(),
});

export const batchListSchema = z.object({
  batches: z.array(batchSummarySchema),
  /** Answers not in any batch that reached a stick. */
  unexported: z.number().int().min(0),
  /** Answers not sealed into a batch yet. */
  unsealed: z.number().int().min(0),
});
