/**
 * The QR transfer's settings, chosen on the bench's camera model (scripts/camera, the QR section
 * of `npm run bench`; the choice and its table are in docs/qr-transfer.md). A larger fragment
 * means fewer frames but a denser code: zxing-wasm reads a frame when the phone sees about 3 or
 * more camera pixels per module, and 1,300 B (QR version 31) gave that only with the code filling
 * most of the picture. 600 B is QR version 20 (97 modules): read at 40 % coverage in typical
 * conditions on the kiosk's larger box (code-layout.ts).
 */
export const transferDefaults = {
  /** Bytes of payload per frame, before BC-UR's words. */
  fragmentSize: 600,
  /** Low error correction: a screen has no dirt or folds, and L leaves the most room for data. */
  errorCorrection: 'L',
  framesPerSecond: 10,
} as const satisfies { fragmentSize: number; errorCorrection: 'L' | 'M' | 'Q' | 'H'; framesPerSecond: number };

/**
 * The facilitator's choice on the QR screen. "Larger": 300 B fragments, QR version 14 (73 modules
 * instead of 97), so each module is a third larger on the same box: the camera model reads it at
 * 30 % coverage in typical conditions, where the standard code never completes, at the price of
 * about twice the frames.
 */
export const codeSizes = ['standard', 'large'] as const;
export type CodeSize = (typeof codeSizes)[number];

export const fragmentSizes = { standard: transferDefaults.fragmentSize, large: 300 } as const satisfies Record<CodeSize, number>;

/** The `ur:` type of a Kerro batch; a code of any other type is not ours and is ignored. */
export const batchUrType = 'kerro-batch';

/** Bounds a receiver applies before a part reaches the fountain decoder (a forged seqLen stalls it). */
export const transferLimits = {
  maxParts: 4000,
  maxMessageBytes: 4 * 1024 * 1024,
  maxFragmentBytes: 3000,
} as const;
