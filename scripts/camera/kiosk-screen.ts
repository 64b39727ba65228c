import { codeBoxPixels, type ScreenOrientation } from '../../src-shared/qr/code-layout';
import { quietZone, type QrMatrix } from '../../src-shared/qr/qr-image';

/**
 * The kiosk's screen as the QR screen draws it: a code of `size + 8` modules (its quiet zone)
 * stretched over the box with nearest-pixel scaling (image-rendering: pixelated), on a white
 * card with 8 px of padding, on the page's light background. Screen pixels are whole: a module
 * is 5 or 6 pixels wide when the box is not a multiple of the modules.
 */
export interface KioskScreen {
  orientation: ScreenOrientation;
  width: number;
  height: number;
  /** The code box's top-left corner and side, in screen pixels. */
  boxLeft: number;
  boxTop: number;
  boxSide: number;
  /**
   * Where a screen pixel lies in the panel's scan-out, 0 (first line) to 1: a landscape panel
   * scans its rows; a portrait kiosk is the same panel turned, so it scans the columns.
   */
  scanPosition(u: number, v: number): number;
}

const cardPadding = 8;
/** The staff screens' padding and header: the code box starts about this far from the top. */
const boxTopMargin = 110;
/** The page's background (a light warm grey) as a share of white. */
export const pageLevel = 0.92;

export function kioskScreen(orientation: ScreenOrientation, boxSide = codeBoxPixels(orientation)): KioskScreen {
  const width = orientation === 'landscape' ? 1920 : 1080;
  const height = orientation === 'landscape' ? 1080 : 1920;
  const boxLeft = orientation === 'landscape' ? 16 + cardPadding : Math.round((width - boxSide) / 2);
  return {
    orientation,
    width,
    height,
    boxLeft,
    boxTop: boxTopMargin,
    boxSide,
    scanPosition: orientation === 'landscape' ? (_u, v) => v / height : (u) => u / width,
  };
}

/**
 * The light of screen pixel (u, v) showing `matrix` (null: a blank white code area), 1 for white.
 * Screen coordinates are continuous; the pixel is the one they fall in.
 */
export function screenLevel(screen: KioskScreen, matrix: QrMatrix | null, u: number, v: number): number {
  const x = Math.floor(u) - screen.boxLeft;
  const y = Math.floor(v) - screen.boxTop;
  if (x < -cardPadding || y < -cardPadding || x >= screen.boxSide + cardPadding || y >= screen.boxSide + cardPadding) {
    if (u < 0 || v < 0 || u >= screen.width || v >= screen.height) return bezelLevel;
    return pageLevel;
  }
  if (matrix === null || x < 0 || y < 0 || x >= screen.boxSide || y >= screen.boxSide) return 1;
  const modules = matrix.size + quietZone * 2;
  const column = Math.floor((x * modules) / screen.boxSide) - quietZone;
  const row = Math.floor((y * modules) / screen.boxSide) - quietZone;
  if (column < 0 || row < 0 || column >= matrix.size || row >= matrix.size) return 1;
  return matrix.dark[row * matrix.size + column] === 1 ? 0 : 1;
}

/** The dark frame around the panel. */
const bezelLevel = 0.08;
