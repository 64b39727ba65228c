import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { receiverReaderOptions } from '../../src-shared/qr/reader-options';
import type { ScanLook } from '../../src-shared/qr/scan-hint';

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

/** The texts read from a camera frame, and what the frame showed for the receiver's hint. */
export async function readQrFrame(image: ImageData): Promise<{ texts: string[]; look: ScanLook }> {
  await prepareReader();
  const results = await readBarcodes(image, receiverReaderOptions());
  const texts = results.filter((result) => result.isValid).map((result) => result.text);
  if (texts.length > 0) return { texts, look: { kind: 'read' } };
  const found = results[0];
  if (found === undefined) return { texts, look: { kind: 'none' } };
  const { topLeft, topRight, bottomRight, bottomLeft } = found.position;
  const version = Number.parseInt(found.version, 10);
  const modules = Number.isInteger(version) && version >= 1 && version <= 40 ? 17 + 4 * version : null;
  return { texts, look: { kind: 'unread', corners: [topLeft, topRight, bottomRight, bottomLeft], modules, pictureHeight: image.height } };
}
