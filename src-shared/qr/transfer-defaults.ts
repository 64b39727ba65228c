/**
 * The QR transfer's settings, chosen by `npm run bench` (scripts/bench/qr.mts; the table is in
 * docs/qr-transfer.md). A larger fragment means fewer frames but a denser code a phone must resolve:
 * TXQR's phones managed ~1,850 B per frame in byte mode at ECC L, which is ~1,300 B of payload
 * in BC-UR's two letters per byte.
 */
export const transferDefaults = {
  /** Bytes of payload per frame, before BC-UR's words. */
  fragmentSize: 1300,
  /** Low error correction: a screen has no dirt or folds, and L leaves the most room for data. */
  errorCorrection: 'L',
  framesPerSecond: 10,
} as const satisfies { fragmentSize: number; errorCorrection: 'L' | 'M' | 'Q' | 'H'; framesPerSecond: number };

/** The `ur:` type of a Kerro batch; a code of any other type is not ours and is ignored. */
export const batchUrType = 'kerro-batch';

/** Bounds a receiver applies before a part reaches the fountain decoder (a forged seqLen stalls it). */
export const transferLimits = {
  maxParts: 4000,
  maxMessageBytes: 4 * 1024 * 1024,
  maxFragmentBytes: 3000,
} as const;
