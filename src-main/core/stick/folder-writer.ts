import { join } from 'node:path';
import {
  exportManifestFormat,
  manifestFileName,
  receiverFileNames,
  type ExportManifest,
} from '../../../src-shared/contract/batch-format';
import { fsyncDirectory } from '../store/durable-file';
import { isNotFound, type FileSystem } from '../store/file-system';
import type { BatchRecord } from '../batches/batch-book';
import { failureFromError, TransferFailure } from './export-failure';
import { exportFolderName, incompleteSuffix } from './folder-name';
import { hashFile } from '../store/hashing-writer';
import { writeDataFromBatch, writeDataFromDraft, writeWhole } from './folder-data';
import type { FolderDraft } from './folder-draft';
import { makeFolderDocuments, pinnedReport, readPreviousBatch } from '../documents/folder-documents';
import type { PdfPrinter } from '../documents/pdf-printer';
import type { PrintFailureView } from '../../../src-shared/contract/exports';
import type { Logger } from '../logger';

export interface ExportProgress {
  batchNumber: number;
  step: 'writing' | 'checking';
  /** Work done and to do, in answers; checking counts as a second pass over them. */
  done: number;
  total: number;
}

export interface FolderWriteOptions {
  /** Reaches the stick; the tests put disk faults here. */
  targetFileSystem: FileSystem;
  /** Reaches the kiosk's own data folder, where the sealed batch file is. */
  dataFileSystem: FileSystem;
  targetDir: string;
  /** How the staff know the target, for messages. */
  targetName: string;
  batch: BatchRecord;
  batchFile: string;
  /** The sealed file of the batch before, for the report's comparison; absent for batch 1. */
  previousBatchFile?: string;
  /** Where the batch's council report is kept on the kiosk once made, so every export writes the same page. */
  reportFile: string;
  logger: Logger;
  appVersion: string;
  /** The built receiver page; its files are copied in beside the batch when it is there. */
  receiverDir?: string;
  /** Where the shell can print, summary.pdf and report.pdf are made too. */
  pdfPrinter?: PdfPrinter;
  onProgress?: (progress: ExportProgress) => void;
  /** The folder's content made as the batch was sealed, when it was sealed just before; used only if it is that very batch. */
  draft?: FolderDraft;
}

export interface WrittenFolder {
  folder: string;
  path: string;
  manifest: ExportManifest;
  /** Why the PDFs could not be made; the folder is whole and checked without them. */
  printFailure: PrintFailureView | null;
}

/**
 * Writes one batch as a folder on the stick. Everything goes into `<name>.incomplete` first,
 * each file flushed; only then is it renamed to its real name and the stick's folder flushed;
 * then every file is read back and its hash checked. On any failure the work folder is
 * removed, and a folder that failed its check is renamed back to `.incomplete`, so a folder
 * without that suffix is always complete and checked.
 */
export async function writeExportFolder(options: FolderWriteOptions): Promise<WrittenFolder> {
  const { targetFileSystem: fileSystem, targetDir, targetName, batch } = options;
  const folder = exportFolderName(batch.site, batch.createdAt, batch.number);
  const finalPath = join(targetDir, folder);
  const workPath = `${finalPath}${incompleteSuffix}`;
  await checkTarget(fileSystem, targetDir, targetName);
  if (await exists(fileSystem, finalPath, targetName)) throw new TransferFailure('nameClash', { folder, name: targetName });
  let isRenamed = false;
  try {
    // Left by an export that was cut short; it is ours and holds nothing that is not on the kiosk.
    await fileSystem.rm(workPath, { recursive: true, force: true });
    await fileSystem.mkdir(workPath);
    const { printFailure, ...manifest } = await writeFiles(options, workPath);
    await fsyncDirectory(fileSystem, workPath);
    await fileSystem.rename(workPath, finalPath);
    isRenamed = true;
    await fsyncDirectory(fileSystem, targetDir);
    await checkFiles(options, finalPath, manifest);
    return { folder, path: finalPath, manifest, printFailure };
  } catch (error) {
    if (isRenamed) await fileSystem.rename(finalPath, workPath).catch(() => undefined);
    await fileSystem.rm(workPath, { recursive: true, force: true }).catch(() => undefined);
    throw failureFromError(error, targetName);
  }
}

async function writeFiles(options: FolderWriteOptions, workPath: string): Promise<ExportManifest & { manifestSha256: string; printFailure: PrintFailureView | null }> {
  const { targetFileSystem: fileSystem, batch } = options;
  const sealed = options.draft?.sealedAs(batch.number, batch.hash) ?? null;
  const data = options.draft !== undefined && sealed !== null ? await writeDataFromDraft(options, workPath, options.draft, sealed) : await writeDataFromBatch(options, workPath);
  const { files, header, polls, summary, report } = data;
  const documents = await makeFolderDocuments({
    header,
    polls,
    hash: batch.hash,
    language: batch.language,
    summary,
    report: await pinnedReport(
      options.dataFileSystem,
      options.reportFile,
      {
        header,
        polls,
        language: batch.language,
        tally: report,
        readPrevious: () => readPreviousBatch(options.dataFileSystem, options.previousBatchFile, batch.previousHash, batch.language),
      },
      (error) => options.logger.warn('export.reportNotKept', { batch: batch.number, message: String(error) }),
    ),
    printer: options.pdfPrinter,
  });
  for (const document of documents.files) {
    files.push({ name: document.name, ...(await writeWhole(fileSystem, join(workPath, document.name), document.content)) });
  }
  for (const receiver of await receiverFiles(options)) {
    files.push({ name: receiver.name, ...(await writeWhole(fileSystem, join(workPath, receiver.name), receiver.content)) });
  }
  const manifest: ExportManifest = {
    format: exportManifestFormat.name,
    schemaVersion: exportManifestFormat.schemaVersion,
    kioskId: batch.kioskId,
    site: batch.site,
    batch: batch.number,
    seqFrom: batch.seqFrom,
    seqTo: batch.seqTo,
    counts: { answers: batch.count, comments: batch.comments, masked: batch.masked, burst: batch.burst },
    createdAt: batch.createdAt,
    batchHash: batch.hash,
    previousBatchHash: batch.previousHash,
    sealedBy: batch.sealedBy,
    appVersion: options.appVersion,
    language: batch.language,
    csvDialect: batch.csvDialect,
    files: files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
  };
  const written = await writeWhole(fileSystem, join(workPath, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, manifestSha256: written.sha256, printFailure: documents.printFailure };
}

/**
 * Reads every file back from the stick. The kernel may answer from its cache rather than the
 * stick itself; what this catches is a file the stick lost, cut or altered after the flush.
 */
async function checkFiles(options: FolderWriteOptions, folderPath: string, manifest: ExportManifest & { manifestSha256: string }): Promise<void> {
  const { targetFileSystem: fileSystem, batch } = options;
  const expected = [...manifest.files, { name: manifestFileName, bytes: -1, sha256: manifest.manifestSha256 }];
  for (const [index, file] of expected.entries()) {
    const found = await hashFile(fileSystem, join(folderPath, file.name));
    if (found.sha256 !== file.sha256 || (file.bytes !== -1 && found.bytes !== file.bytes)) {
      throw new TransferFailure('checkFailed', { name: options.targetName });
    }
    const done = batch.count + Math.round((batch.count * (index + 1)) / expected.length);
    options.onProgress?.({ batchNumber: batch.number, step: 'checking', done, total: batch.count * 2 });
  }
  const names = (await fileSystem.readdir(folderPath)).sort();
  const expectedNames = expected.map((file) => file.name).sort();
  if (names.join('/') !== expectedNames.join('/')) throw new TransferFailure('checkFailed', { name: options.targetName });
}

/** The receiver's page is `index.html` where it is built and `receiver.html` beside a batch; its own links are relative. */
async function receiverFiles(options: FolderWriteOptions): Promise<{ name: (typeof receiverFileNames)[number]; content: Buffer }[]> {
  const directory = options.receiverDir;
  if (directory === undefined) return [];
  const sources = { 'receiver.html': 'index.html', 'receiver.js': 'receiver.js', 'receiver.css': 'receiver.css' } as const;
  const files: { name: (typeof receiverFileNames)[number]; content: Buffer }[] = [];
  for (const name of receiverFileNames) {
    try {
      files.push({ name, content: await options.dataFileSystem.readFile(join(directory, sources[name])) });
    } catch (error) {
      // A development build without the receiver exports the batch alone; a half page is worse than none.
      if (isNotFound(error)) return [];
      throw error;
    }
  }
  return files;
}

async function checkTarget(fileSystem: FileSystem, targetDir: string, targetName: string): Promise<void> {
  try {
    const stats = await fileSystem.stat(targetDir);
    if (!stats.isDirectory()) throw new TransferFailure('targetMissing', { name: targetName });
  } catch (error) {
    if (error instanceof TransferFailure || isNotFound(error)) throw new TransferFailure('targetMissing', { name: targetName });
    throw failureFromError(error, targetName);
  }
}

async function exists(fileSystem: FileSystem, path: string, targetName: string): Promise<boolean> {
  try {
    await fileSystem.stat(path);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw failureFromError(error, targetName);
  }
}
