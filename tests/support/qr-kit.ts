import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { Raster } from '../../src-shared/qr/qr-image';

export const sha256Hex = async (bytes: Uint8Array): Promise<string> => createHash('sha256').update(bytes).digest('hex');

/** zxing-wasm with its .wasm read from node_modules: by default it would fetch it from a CDN. */
export async function prepareReader(): Promise<void> {
  const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const wasm = await readFile(path);
  await prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
    fireImmediately: true,
  });
}

/** The QR texts zxing finds in a picture. */
export async function readQrTexts(raster: Raster): Promise<string[]> {
  const image: ImageData = { ...raster, colorSpace: 'srgb' };
  const results = await readBarcodes(image, { formats: ['QRCode'], maxNumberOfSymbols: 1 });
  return results.filter((result) => result.isValid).map((result) => result.text);
}
