import type { LanguageCode } from '../../../src-shared/i18n/languages';
import type { NamespaceHandlers } from '../api/handlers';
import type { BatchRecord } from '../batches/batch-book';
import { KerroError } from '../errors';
import { QrBatchDamaged, qrTransferOf } from '../qr/qr-transfer';
import { TransferFailure } from '../stick/export-failure';
import { summarize, type ExportRun, type ExportService } from '../stick/export-service';
import type { FileSystem } from '../store/file-system';
import { inKioskLanguage } from './in-kiosk-language';

export interface ExportDependencies {
  exports: ExportService;
  settings: () => { defaultLanguage: LanguageCode };
  /** The kiosk's own disk, where the sealed batches are read for QR frames. */
  fileSystem: FileSystem;
}

/** Batches out of the kiosk: to a stick (checked, then marked exported) or as QR frames. */
export function exportHandlers(dependencies: ExportDependencies): NamespaceHandlers<'exports'> {
  const { exports, settings, fileSystem } = dependencies;
  const inLanguage = <T>(work: () => Promise<T>) => inKioskLanguage(settings().defaultLanguage, work);
  return {
    'exports.targets': async () => ({ targets: await exports.targets() }),
    'exports.batches': async () => ({ batches: exports.batches(), unexported: exports.unexported, unsealed: await exports.unsealed() }),
    'exports.run': (input) =>
      inLanguage(async () => describeRun(await exports.exportTo(await exports.resolveTarget(input.targetId), input.csvDialect))),
    'exports.reexport': (input) =>
      inLanguage(async () => describeRun(await exports.reexportTo(await exports.resolveTarget(input.targetId), input.batchNumber))),
    'exports.progress': async () => exports.progress,
    // A batch as QR frames, made from its sealed file each time (a few hundred ms at most).
    'exports.qrFrames': async ({ batchNumber, codeSize }) => {
      const record = await qrBatch(exports, batchNumber);
      const purgedAt = exports.purgedAt(record.number);
      if (purgedAt !== null) throw new TransferFailure('batchPurged', { number: record.number, date: purgedAt.slice(0, 10) });
      try {
        return await qrTransferOf(fileSystem, exports.batchFileOf(record.number), record.hash, record.language, codeSize);
      } catch (error) {
        if (error instanceof QrBatchDamaged) throw new KerroError('conflict', error.message);
        throw error;
      }
    },
  };
}

/** The batch asked for, or without a number the answers not yet in a batch, sealed now. */
async function qrBatch(exports: ExportService, batchNumber: number | undefined): Promise<BatchRecord> {
  if (batchNumber !== undefined) {
    const record = exports.batchRecords().find((batch) => batch.number === batchNumber);
    if (record === undefined) throw new KerroError('not_found', `There is no batch ${batchNumber}`);
    return record;
  }
  // A USB export seals too; two sealings at once could put one answer in two batches.
  if (exports.progress.isRunning) throw new KerroError('conflict', 'A USB export is running; wait for it to finish');
  const record = (await exports.seal()) ?? exports.batchRecords().at(-1);
  if (record === undefined) throw new KerroError('not_found', 'There are no answers to send yet');
  return record;
}

function describeRun(run: ExportRun) {
  return {
    target: run.target,
    written: run.written.map((folder) => ({ batch: summarize(folder.batch), folder: folder.folder, files: folder.manifest.files, printFailure: folder.printFailure })),
  };
}
