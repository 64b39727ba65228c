import { qrMatrix, rasterize, type ErrorCorrection } from '../../../src-shared/qr/qr-image';

/**
 * Draws each code once, at one pixel per module, into an ImageBitmap; showing a frame is then a
 * single scaled drawImage with nothing allocated. Drawing a code takes 4–12 ms in Chromium, so
 * it is done ahead, a few codes per task, and the screen stays responsive meanwhile.
 */
export async function prerenderCodes(
  texts: readonly string[],
  errorCorrection: ErrorCorrection,
  onReady: (bitmap: ImageBitmap, index: number) => void,
  isCancelled: () => boolean,
): Promise<void> {
  for (const [index, text] of texts.entries()) {
    if (isCancelled()) return;
    const raster = rasterize(qrMatrix(text, errorCorrection), 1);
    onReady(await createImageBitmap(new ImageData(raster.data, raster.width, raster.height)), index);
    // Yield to the page between codes, so a tap on Pause or Close is answered at once.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Paints a bitmap code onto a canvas with hard module edges; sizes the canvas to whole pixels per module. */
export function paintCode(canvas: HTMLCanvasElement, bitmap: ImageBitmap): void {
  const context = canvas.getContext('2d');
  if (context === null) return;
  const cssSize = canvas.clientWidth * window.devicePixelRatio;
  const scale = Math.max(1, Math.floor(cssSize / bitmap.width));
  const size = bitmap.width * scale;
  if (canvas.width !== size) {
    canvas.width = size;
    canvas.height = size;
  }
  context.imageSmoothingEnabled = false;
  context.drawImage(bitmap, 0, 0, size, size);
}
