import type { BatchRecord } from '../export/batch-book';
import { KerroError } from '../errors';
import { TransferFailure } from '../export/export-failure';
import { QrBatchDamaged, qrTransferOf } from '../qr/qr-transfer';
import type { FileSystem } from '../store/file-system';
import type { Handlers } from './handlers';

/** The sealed batches, as the export service knows them. */
export interface SealedBatches {
  batchRecords(): readonly BatchRecord[];
  batchFileOf(number: number): string;
  /** Null while the batch's content is on the kiosk; the date it was purged otherwise. */
  purgedAt(number: number): string | null;
  /** Seals the answers not yet in a batch; null when there are none. */
  seal(): Promise<BatchRecord | null>;
  readonly progress: { isRunning: boolean };
}

/** `exports.qrFrames`: a batch as QR frames, made from its sealed file each time (a few hundred ms at most). */
export function createQrHandlers(batches: SealedBatches, fileSystem: FileSystem): Pick<Handlers, 'exports.qrFrames'> {
  return {
    'exports.qrFrames': async ({ batchNumber }) => {
      let record: BatchRecord | undefined;
      if (batchNumber === undefined) {
        // A USB export seals too; two sealings at once could put one answer in two batches.
        if (batches.progress.isRunning) throw new KerroError('conflict', 'A USB export is running; wait for it to finish');
        record = (await batches.seal()) ?? batches.batchRecords().at(-1);
        if (record === undefined) throw new KerroError('not_found', 'There are no answers to send yet');
      } else {
        record = batches.batchRecords().find((batch) => batch.number === batchNumber);
        if (record === undefined) throw new KerroError('not_found', `There is no batch ${batchNumber}`);
      }
      const purgedAt = batches.purgedAt(record.number);
      if (purgedAt !== null) throw new TransferFailure('batchPurged', { number: record.number, date: purgedAt.slice(0, 10) });
      const { number } = record;
      try {
        return await qrTransferOf(fileSystem, batches.batchFileOf(number), record.hash, record.language);
      } catch (error) {
        if (error instanceof QrBatchDamaged) throw new KerroError('conflict', error.message);
        throw error;
      }
    },
  };
}
