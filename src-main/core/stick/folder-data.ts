import { join } from 'node:path';
import type { BatchHeader, ExportAnswer, ExportManifest, PollSnapshot } from '../../../src-shared/contract/batch-format';
import { drawingFileName, drawingSvg } from '../../../src-shared/contract/drawing';
import { CsvFormatter } from '../../../src-shared/export/csv';
import { pollKey } from '../../../src-shared/contract/batch-format';
import type { BatchRecord } from '../batches/batch-book';
import { BatchFormatError, scanBatchFile, type ScannedBatch } from '../batches/batch-file';
import { batchReportTally } from '../documents/batch-report';
import type { ReportTally } from '../documents/report-tally';
import { SummaryTally } from '../documents/summary-tally';
import type { FileSystem } from '../store/file-system';
import { HashingWriter, type WrittenFile } from '../store/hashing-writer';
import { TransferFailure } from './export-failure';
import type { FolderDraft } from './folder-draft';

/** What the data files need of the folder writer's options. */
export interface DataFileOptions {
  targetFileSystem: FileSystem;
  dataFileSystem: FileSystem;
  batch: BatchRecord;
  batchFile: string;
  onProgress?: (progress: { batchNumber: number; step: 'writing'; done: number; total: number }) => void;
}

/** The batch's data files as written in the work folder, and what the pages are made from. */
export interface FolderData {
  files: ExportManifest['files'];
  header: BatchHeader;
  polls: readonly PollSnapshot[];
  summary: SummaryTally;
  report: ReportTally<ExportAnswer>;
}

const progressEvery = 2000;

/**
 * responses.json, responses.csv and the drawings, made from the sealed batch file: each answer
 * read back, its CSV row written and counted. A re-export always comes this way, so it gives the
 * bytes the first export gave, whatever happened to the journal since.
 */
export async function writeDataFromBatch(options: DataFileOptions, workPath: string): Promise<FolderData> {
  const { targetFileSystem: fileSystem, batch } = options;
  const total = batch.count * 2;
  const json = await HashingWriter.create(fileSystem, join(workPath, 'responses.json'));
  const csv = await HashingWriter.create(fileSystem, join(workPath, 'responses.csv')).catch(async (error: unknown) => {
    await json.abandon();
    throw error;
  });
  // Filled in by the opening line; an object, because the callbacks' assignments are invisible to narrowing.
  const state: { csv: CsvFormatter | null; tally: SummaryTally | null; report: ReportTally<ExportAnswer> | null } = { csv: null, tally: null, report: null };
  let done = 0;
  // Each drawing as its own SVG file, written as its answer streams past.
  const drawings: ExportManifest['files'] = [];
  let scanned: ScannedBatch;
  try {
    scanned = await scanBatchFile(options.dataFileSystem, options.batchFile, {
      onChunk: (bytes) => json.append(Buffer.from(bytes)),
      onOpening: async (header, polls) => {
        const byKey = new Map(polls.map((poll) => [pollKey(poll.id, poll.version), poll]));
        state.csv = new CsvFormatter(batch.csvDialect, batch.language, byKey);
        state.tally = new SummaryTally(polls);
        state.report = batchReportTally(batch.language);
        await csv.write(state.csv.header());
      },
      onAnswer: async (answer) => {
        if (state.csv === null || state.tally === null || state.report === null) throw new BatchFormatError('an answer before the opening', 0);
        await csv.write(state.csv.row(answer, batch.number, batch.kioskId));
        await json.flushIfFull();
        if ('drawing' in answer.answer) {
          const name = drawingFileName(answer.seq);
          drawings.push({ name, ...(await writeWhole(fileSystem, join(workPath, name), drawingSvg(answer.answer.drawing))) });
        }
        state.tally.add(answer);
        state.report.add(answer);
        done += 1;
        if (done % progressEvery === 0) options.onProgress?.({ batchNumber: batch.number, step: 'writing', done, total });
      },
    }, { isHashKnown: true });
  } catch (error) {
    await Promise.all([json.abandon(), csv.abandon()]);
    if (error instanceof BatchFormatError) throw new TransferFailure('batchDamaged', { number: batch.number });
    throw error;
  }
  const files = await finishBoth(json, csv, drawings);
  const { tally, report } = state;
  if (scanned.sha256 !== batch.hash || tally === null || report === null) throw new TransferFailure('batchDamaged', { number: batch.number });
  return { files, header: scanned.header, polls: scanned.polls, summary: tally, report };
}

/**
 * The same files from a draft made in the seal's pass: the sealed batch copied as it is (its
 * hash checked against the index, as above) and the CSV rows copied from where the seal parked
 * them, so no answer is read back and parsed.
 */
export async function writeDataFromDraft(
  options: DataFileOptions,
  workPath: string,
  draft: FolderDraft,
  sealed: { header: BatchHeader; polls: readonly PollSnapshot[] },
): Promise<FolderData> {
  const { targetFileSystem: fileSystem, batch } = options;
  const json = await HashingWriter.create(fileSystem, join(workPath, 'responses.json'));
  const csv = await HashingWriter.create(fileSystem, join(workPath, 'responses.csv')).catch(async (error: unknown) => {
    await json.abandon();
    throw error;
  });
  const drawings: ExportManifest['files'] = [];
  try {
    const handle = await options.dataFileSystem.open(options.batchFile, 'r');
    let progress: (bytes: number) => void;
    try {
      progress = byteProgress(options, (await handle.stat()).size + draft.csvByteCount);
      for (;;) {
        // A new chunk each time, handed on without a copy: the writer may keep it until its next flush.
        const chunk = Buffer.allocUnsafe(256 * 1024);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        await json.write(chunk.subarray(0, bytesRead));
        progress(bytesRead);
      }
    } finally {
      await handle.close();
    }
    for await (const bytes of draft.csvBytes()) {
      await csv.write(bytes);
      progress(bytes.length);
    }
    for (const { seq, drawing } of draft.drawings) {
      const name = drawingFileName(seq);
      drawings.push({ name, ...(await writeWhole(fileSystem, join(workPath, name), drawingSvg(drawing))) });
    }
  } catch (error) {
    await Promise.all([json.abandon(), csv.abandon()]);
    throw error;
  }
  const files = await finishBoth(json, csv, drawings);
  // The copy's hash is the sealed file's: the bytes are the same, hashed once as they are written.
  if (files[0]?.sha256 !== batch.hash) throw new TransferFailure('batchDamaged', { number: batch.number });
  options.onProgress?.({ batchNumber: batch.number, step: 'writing', done: batch.count, total: batch.count * 2 });
  return { files, header: sealed.header, polls: sealed.polls, summary: draft.summary, report: draft.report };
}

/** Bytes between two progress reports: a slow stick takes about a second for this many. */
const progressBytes = 4 * 2 ** 20;

/**
 * The writing step's progress, counted in bytes written of `totalBytes` and told as answers: a
 * copy has no answers to count, and a slow stick takes seconds over the two big files. The
 * whole batch is told by the writer once the copy's hash is checked.
 */
function byteProgress(options: DataFileOptions, totalBytes: number): (bytes: number) => void {
  const { batch } = options;
  let written = 0;
  let told = 0;
  return (bytes) => {
    written += bytes;
    if (written - told < progressBytes) return;
    told = written;
    const done = Math.min(batch.count, Math.round((batch.count * written) / Math.max(1, totalBytes)));
    options.onProgress?.({ batchNumber: batch.number, step: 'writing', done, total: batch.count * 2 });
  };
}

async function finishBoth(json: HashingWriter, csv: HashingWriter, drawings: ExportManifest['files']): Promise<ExportManifest['files']> {
  try {
    return [{ name: 'responses.json', ...(await json.finish()) }, { name: 'responses.csv', ...(await csv.finish()) }, ...drawings];
  } catch (error) {
    // `finish` closes its own file even when it fails; the other may still be open.
    await Promise.all([json.abandon(), csv.abandon()]);
    throw error;
  }
}

export async function writeWhole(fileSystem: FileSystem, path: string, text: string | Uint8Array): Promise<WrittenFile> {
  const writer = await HashingWriter.create(fileSystem, path);
  try {
    await writer.write(typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength));
  } catch (error) {
    await writer.abandon();
    throw error;
  }
  return writer.finish();
}
