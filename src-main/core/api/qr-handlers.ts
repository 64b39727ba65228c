import type { BatchRecord } from '../export/batch-book';
import { KerroError } from '../errors';
import { QrBatchDamaged, qrTransferOf } from '../qr/qr-transfer';
import type { FileSystem } from '../store/file-system';
import type { Handlers } from './handlers';

/** The sealed batches, as the export service knows them. */
export interface SealedBatches {
  batchRecords(): readonly BatchRecord[];
  batchFileOf(number: number): string;
}

/** `exports.qrFrames`: a sealed batch as QR frames, made from its file each time (a few hundred ms at most). */
export function createQrHandlers(batches: SealedBatches, fileSystem: FileSystem): Pick<Handlers, 'exports.qrFrames'> {
  return {
    'exports.qrFrames': async ({ batchNumber }) => {
      const record = batches.batchRecords().find((batch) => batch.number === batchNumber);
      if (record === undefined) throw new KerroError('not_found', `There is no batch ${batchNumber}`);
      try {
        return await qrTransferOf(fileSystem, batches.batchFileOf(batchNumber), record.hash, record.language);
      } catch (error) {
        if (error instanceof QrBatchDamaged) throw new KerroError('conflict', error.message);
        throw error;
      }
    },
  };
}
