import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { receiverReaderOptions } from '../../src-shared/qr/reader-options';

let prepared: Promise<unknown> | null = null;

/**
 * zxing-wasm fetches its .wasm from a CDN unless told otherwise. The receiver's build inlines
 * the file from node_modules as a data: URL, which is decoded here and handed over as bytes:
 * the page then needs no network at all, also when opened from a USB stick (file://).
 */
export function prepareReader(): Promise<unknown> {
  prepared ??= (async () => {
    const wasmBinary = wasmUrl.startsWith('data:') ? decodeDataUrl(wasmUrl) : await (await fetch(wasmUrl)).arrayBuffer();
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  return prepared;
}

function decodeDataUrl(url: string): ArrayBuffer {
  const base64 = url.slice(url.indexOf(',') + 1);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  return bytes.buffer;
}

export async function readQrTexts(image: ImageData): Promise<string[]> {
  await prepareReader();
  const results = await readBarcodes(image, receiverReaderOptions());
  return results.filter((result) => result.isValid).map((result) => result.text);
}
