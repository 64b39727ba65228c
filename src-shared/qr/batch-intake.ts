import { strToU8 } from 'fflate';
import { z } from 'zod';
import { batchOpeningLine, canonicalAnswerJson, splitOpeningLine } from '../contract/batch-canonical';
import {
  batchFormat,
  batchHeaderSchema,
  exportAnswerSchema,
  exportManifestSchema,
  pollSnapshotSchema,
  type BatchHeader,
  type ExportAnswer,
  type PollSnapshot,
} from '../contract/batch-format';
import { CompactFormatError } from './byte-codec';
import { decodeCompactBatch, NewerPayloadError } from './compact-batch';

/** A batch read back and checked: its hash matches its bytes and every part its schema. */
export interface ReceivedBatch {
  header: BatchHeader;
  polls: PollSnapshot[];
  answers: ExportAnswer[];
  sha256: string;
  canonical: string;
}

export type RefusalReason = 'newerFormat' | 'damaged' | 'hashMismatch' | 'notABatch' | 'manifestMismatch';

/** Why a batch was not taken; nothing of it is merged. */
export class BatchRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    detail: string,
  ) {
    super(detail);
    this.name = 'BatchRefused';
  }
}

/** SHA-256 in lowercase hex: `crypto.subtle` in a browser, `node:crypto` in Node. */
export type Sha256 = (bytes: Uint8Array) => Promise<string>;

/** A payload reassembled from QR frames: decoded, hashed, compared with the hash the kiosk sent. */
export async function openTransferredBatch(payload: Uint8Array, sha256: Sha256): Promise<ReceivedBatch> {
  let transferred;
  try {
    transferred = decodeCompactBatch(payload);
  } catch (error) {
    if (error instanceof NewerPayloadError) throw new BatchRefused('newerFormat', error.message);
    if (error instanceof CompactFormatError) throw new BatchRefused('damaged', `The batch is damaged: ${error.message}`);
    throw error;
  }
  const actual = await sha256(strToU8(transferred.canonical));
  if (actual !== transferred.sha256) throw new BatchRefused('hashMismatch', 'The batch does not match its hash: it was changed on the way');
  return { ...parseCanonicalBatch(transferred.canonical), sha256: actual, canonical: transferred.canonical };
}

/** A USB export folder's `responses.json`, checked against the hash in its `manifest.json`. */
export async function openExportedBatch(responsesText: string, manifestText: string | null, sha256: Sha256): Promise<ReceivedBatch> {
  const actual = await sha256(strToU8(responsesText));
  const parsed = parseCanonicalBatch(responsesText);
  if (manifestText !== null) {
    let manifest;
    try {
      manifest = exportManifestSchema.parse(JSON.parse(manifestText));
    } catch {
      throw new BatchRefused('notABatch', 'manifest.json is not a Kerro export manifest');
    }
    if (manifest.batchHash !== actual) throw new BatchRefused('hashMismatch', 'responses.json does not match the hash in manifest.json');
    if (manifest.kioskId !== parsed.header.kioskId || manifest.batch !== parsed.header.number) {
      throw new BatchRefused('manifestMismatch', 'manifest.json belongs to another batch');
    }
  }
  return { ...parsed, sha256: actual, canonical: responsesText };
}

/**
 * Checks that text is a canonical batch (the layout of batch-canonical.ts, every part against
 * its schema and in canonical form, answers in rising sequence inside the header's range).
 */
export function parseCanonicalBatch(text: string): { header: BatchHeader; polls: PollSnapshot[]; answers: ExportAnswer[] } {
  const lines = text.split('\n');
  const opening = splitOpeningLine(lines[0] ?? '');
  if (opening === null) throw new BatchRefused('notABatch', 'This is not a Kerro batch');
  if (opening.schemaVersion > batchFormat.schemaVersion) {
    throw new BatchRefused('newerFormat', `This batch was made by a newer Kerro (batch format ${opening.schemaVersion}); update the receiver`);
  }
  const header = batchHeaderSchema.safeParse(opening.header);
  const polls = z.array(pollSnapshotSchema).safeParse(opening.polls);
  if (opening.schemaVersion !== batchFormat.schemaVersion || !header.success || !polls.success) {
    throw new BatchRefused('notABatch', 'The batch header is not valid');
  }
  if (batchOpeningLine(header.data, polls.data) !== `${lines[0] ?? ''}\n`) throw new BatchRefused('notABatch', 'The batch header is not canonical');
  if (lines.at(-1) !== '' || lines.at(-2) !== ']}') throw new BatchRefused('notABatch', 'The batch has no proper end (cut short?)');
  const answerLines = lines.slice(1, -2);
  const answers: ExportAnswer[] = [];
  let previousSeq = header.data.seqFrom - 1;
  for (const [index, line] of answerLines.entries()) {
    const isLast = index === answerLines.length - 1;
    const json = isLast ? line : line.slice(0, -1);
    if (!isLast && !line.endsWith(',')) throw new BatchRefused('notABatch', `Answer ${index + 1} is not followed by a comma`);
    let parsed;
    try {
      parsed = exportAnswerSchema.parse(JSON.parse(json));
    } catch {
      throw new BatchRefused('notABatch', `Answer ${index + 1} is not valid`);
    }
    // The answer writer's own key order: a test holds it equal to canonicalJson for every shape.
    if (canonicalAnswerJson(parsed) !== json) throw new BatchRefused('notABatch', `Answer ${index + 1} is not canonical`);
    if (parsed.seq <= previousSeq || parsed.seq > header.data.seqTo) throw new BatchRefused('notABatch', `Answer ${parsed.seq} is out of order`);
    previousSeq = parsed.seq;
    answers.push(parsed);
  }
  if (answers.length !== header.data.count) throw new BatchRefused('notABatch', `The header says ${header.data.count} answers, the batch has ${answers.length}`);
  return { header: header.data, polls: polls.data, answers };
}
