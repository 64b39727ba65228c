import { createHash } from 'node:crypto';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { parseCanonicalBatch } from '../../../src-shared/qr/batch-intake';
import { encodeCompactBatch } from '../../../src-shared/qr/compact-batch';
import { fountainFrames } from '../../../src-shared/qr/fountain-frames';
import { summaryText } from '../../../src-shared/qr/summary-text';
import { fragmentSizes, transferDefaults, type CodeSize } from '../../../src-shared/qr/transfer-defaults';
import type { FileSystem } from '../store/file-system';

/** Everything the staff screen and `kerro qr-frames` show for one batch. */
export interface QrTransfer {
  batchNumber: number;
  kioskId: string;
  count: number;
  sha256: string;
  /** The animated code's texts in showing order; the order repeats. */
  frames: string[];
  /** Fragments of the payload: the fewest frames any phone can finish with. */
  fragmentCount: number;
  payloadBytes: number;
  framesPerSecond: number;
  errorCorrection: 'L' | 'M' | 'Q' | 'H';
  codeSize: CodeSize;
  /** Plain text for the one-frame summary code. */
  summary: string;
}

export class QrBatchDamaged extends Error {
  constructor(readonly batchNumber: number) {
    super(`Batch ${batchNumber} stored on the kiosk does not match its hash`);
    this.name = 'QrBatchDamaged';
  }
}

/**
 * The QR transfer of a sealed batch, from its file in the data folder. The file's hash must be
 * the one recorded at sealing: a damaged batch is never sent as if it were whole.
 */
export async function qrTransferOf(
  fileSystem: FileSystem,
  batchFile: string,
  expectedSha256: string,
  language: LanguageCode,
  codeSize: CodeSize = 'standard',
): Promise<QrTransfer> {
  const bytes = await fileSystem.readFile(batchFile);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const canonical = bytes.toString('utf8');
  const batch = parseCanonicalBatch(canonical);
  if (sha256 !== expectedSha256) throw new QrBatchDamaged(batch.header.number);
  const payload = encodeCompactBatch(canonical, sha256);
  const { frames, fragmentCount } = fountainFrames(payload, fragmentSizes[codeSize]);
  return {
    batchNumber: batch.header.number,
    kioskId: batch.header.kioskId,
    count: batch.header.count,
    sha256,
    frames,
    fragmentCount,
    payloadBytes: payload.length,
    framesPerSecond: transferDefaults.framesPerSecond,
    errorCorrection: transferDefaults.errorCorrection,
    codeSize,
    summary: summaryText(batch, sha256, language),
  };
}
