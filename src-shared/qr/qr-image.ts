import QRCode from 'qrcode';

export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** The modules of one QR code, row by row, 1 for dark. */
export interface QrMatrix {
  size: number;
  dark: Uint8Array;
}

/** RGBA pixels, as a canvas's ImageData holds them. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/** The four-module quiet zone the QR standard asks for: a reader finds the code by it. */
export const quietZone = 4;

export function qrMatrix(text: string, errorCorrection: ErrorCorrection): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: errorCorrection });
  return { size: modules.size, dark: Uint8Array.from(modules.data) };
}

/** Draws a code with its quiet zone at `scale` pixels per module: what the kiosk shows, what the CLI saves. */
export function rasterize(matrix: QrMatrix, scale: number, target?: Raster): Raster {
  const width = (matrix.size + quietZone * 2) * scale;
  const raster = target ?? { width, height: width, data: new Uint8ClampedArray(width * width * 4) };
  if (raster.width !== width || raster.height !== width) throw new RangeError('The target has another size');
  raster.data.fill(255);
  for (let row = 0; row < matrix.size; row += 1) {
    for (let column = 0; column < matrix.size; column += 1) {
      if (matrix.dark[row * matrix.size + column] !== 1) continue;
      for (let y = 0; y < scale; y += 1) {
        const start = (((row + quietZone) * scale + y) * width + (column + quietZone) * scale) * 4;
        for (let x = 0; x < scale; x += 1) {
          const offset = start + x * 4;
          raster.data[offset] = 0;
          raster.data[offset + 1] = 0;
          raster.data[offset + 2] = 0;
        }
      }
    }
  }
  return raster;
}
