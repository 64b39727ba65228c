import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestFileName, type CsvDialect } from '../../src-shared/contract/batch-format';
import type { PollPack, PollPackImport, PollPackPreview } from '../../src-shared/contract/poll-pack';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { CodeSize } from '../../src-shared/qr/transfer-defaults';
import { BatchBook } from './batches/batch-book';
import { openKiosk, type KioskOptions } from './kiosk';
import { silentLogger } from './logger';
import { importPollPack, previewPollPack } from './poll-pack/poll-pack';
import { readPollPack } from './poll-pack/read-pack';
import { qrTransferOf, type QrTransfer } from './qr/qr-transfer';
import { PurgeLedger } from './retention/purge-ledger';
import { TransferFailure } from './stick/export-failure';
import type { ExportRun } from './stick/export-service';
import { exportFolderPattern, incompleteSuffix } from './stick/folder-name';
import { verifyExportFolders, type VerifyReport } from './stick/verify';
import { nodeFileSystem } from './store/file-system';
import { StoreContext } from './store/store-context';

/*
 * The one door from the command line into the core. A command works on a kiosk's data folder
 * while the kiosk is stopped; it gets whole tasks here and never reaches the core's rooms, so the
 * rooms can change without the commands noticing. Failures a person can act on come back as
 * words, never as the core's error classes.
 */

export type Attempt<T> = { ok: true; value: T } | { ok: false; reason: string };

export type { ExportRun, QrTransfer, VerifyReport };

async function attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof TransferFailure) return { ok: false, reason: error.message };
    throw error;
  }
}

export interface OfflineKiosk {
  /** What opening had to repair, for the command to mention. */
  readonly recoveries: readonly { file: string; problem: string; action: string }[];
  exportTo(folder: string, dialect: CsvDialect): Promise<Attempt<ExportRun>>;
  reexportTo(folder: string, batchNumber: number): Promise<Attempt<ExportRun>>;
  previewPollPack(pack: PollPack, language: LanguageCode): PollPackPreview;
  importPollPack(pack: PollPack): Promise<Attempt<PollPackImport>>;
  close(): Promise<void>;
}

type OfflineOptions = Pick<KioskOptions, 'dataDir' | 'version' | 'receiverDir'>;

export async function openOfflineKiosk(options: OfflineOptions): Promise<OfflineKiosk> {
  const kiosk = await openKiosk({ ...options, logger: silentLogger, exportTargets: async () => [] });
  return {
    recoveries: kiosk.health().storage.recoveries,
    exportTo: (folder, dialect) => attempt(() => kiosk.exports.exportTo({ path: folder, name: folder }, dialect)),
    reexportTo: (folder, batchNumber) => attempt(() => kiosk.exports.reexportTo({ path: folder, name: folder }, batchNumber)),
    previewPollPack: (pack, language) => previewPollPack(pack, kiosk.pollShelf, language),
    importPollPack: (pack) => attempt(() => importPollPack(pack, kiosk.pollShelf, kiosk.outcomeShelf)),
    close: () => kiosk.close(),
  };
}

export function readPollPackFile(path: string): Promise<Attempt<PollPack>> {
  return attempt(() => readPollPack(nodeFileSystem, path));
}

export type QrFrames = Attempt<QrTransfer> | { ok: false; reason: 'noSuchBatch'; known: number[] };

/** The frames the kiosk shows for a sealed batch, read without opening the kiosk's journal. */
export async function qrFramesOfBatch(dataDir: string, batchNumber: number, codeSize: CodeSize = 'standard'): Promise<QrFrames> {
  const context = new StoreContext(dataDir, nodeFileSystem, () => new Date(), silentLogger);
  const book = await BatchBook.open(context);
  const record = book.find(batchNumber);
  if (record === undefined) return { ok: false, reason: 'noSuchBatch', known: book.batches.map((batch) => batch.number) };
  const purgedAt = (await PurgeLedger.open(context)).purgedAt(batchNumber);
  if (purgedAt !== null) {
    return { ok: false, reason: new TransferFailure('batchPurged', { number: batchNumber, date: purgedAt.slice(0, 10) }).message };
  }
  return { ok: true, value: await qrTransferOf(nodeFileSystem, book.pathOf(batchNumber), record.hash, record.language, codeSize) };
}

/** Checks export folders; a folder without a manifest but with export folders inside stands for all of them. */
export async function verifyFolders(paths: readonly string[]): Promise<VerifyReport> {
  const folders: string[] = [];
  for (const path of paths) folders.push(...(await exportFoldersAt(path)));
  return verifyExportFolders(folders);
}

async function exportFoldersAt(path: string): Promise<string[]> {
  const isFolder = await stat(path).then((stats) => stats.isDirectory(), () => false);
  if (!isFolder) return [path];
  const names = await readdir(path);
  if (names.includes(manifestFileName)) return [path];
  const batchOf = (name: string) => Number(exportFolderPattern.exec(name.replace(incompleteSuffix, ''))?.[3] ?? 0);
  const inside = names.filter((name) => exportFolderPattern.test(name.replace(incompleteSuffix, '')));
  if (inside.length === 0) return [path];
  return inside.sort((left, right) => batchOf(left) - batchOf(right)).map((name) => join(path, name));
}
