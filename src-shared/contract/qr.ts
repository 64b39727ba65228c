import { z } from 'zod';
import { codeSizes } from '../qr/transfer-defaults';
import { sha256Schema } from './batch-format';

/** Without a batch number: the answers not yet in a batch are sealed into one, which is shown; with none, the newest batch. */
/** codeSize "large": fewer bytes per frame, larger modules, for a phone that cannot read the standard code; standard by default. */
export const qrFramesInputSchema = z.object({ batchNumber: z.number().int().min(1).optional(), codeSize: z.enum(codeSizes).optional() }).strict();

/** One sealed batch as the staff screen shows it by QR: the animated code's texts and the summary's. */
export const qrFramesSchema = z.object({
  batchNumber: z.number().int().min(1),
  kioskId: z.string(),
  count: z.number().int().min(1),
  sha256: sha256Schema,
  /** In showing order; the screen shows them round and round. */
  frames: z.array(z.string().max(8000)).min(1),
  /** Fragments of the payload: no phone can finish with fewer frames. */
  fragmentCount: z.number().int().min(1),
  payloadBytes: z.number().int().min(1),
  framesPerSecond: z.number().min(1).max(30),
  errorCorrection: z.enum(['L', 'M', 'Q', 'H']),
  codeSize: z.enum(codeSizes),
  /** Plain text for the one-frame summary code any phone camera reads. */
  summary: z.string().max(2000),
});

export type QrFramesView = z.output<typeof qrFramesSchema>;
