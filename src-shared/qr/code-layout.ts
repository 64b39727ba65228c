/**
 * How large the kiosk draws the animated code, as shares of the viewport: the box is
 * min(heightShare × vh, widthShare × vw), a square. QrExportScreen.tsx hands these to its style sheet and
 * the bench's camera model (scripts/camera) draws the same box, so the size chosen on the model is
 * the size shipped. A larger box gives a phone more camera pixels per module at the same distance.
 */
export type ScreenOrientation = 'landscape' | 'portrait';

export interface CodeBoxShares {
  heightShare: number;
  widthShare: number;
}

export const codeBoxShares: Record<ScreenOrientation, CodeBoxShares> = {
  // Chosen on the camera model (docs/qr-transfer.md): as large as the header, the progress bar and the
  // buttons beside or below leave room for; today's min(70vh, 55vw) and min(88vw, 62vh) were smaller.
  landscape: { heightShare: 0.84, widthShare: 0.6 },
  portrait: { heightShare: 0.62, widthShare: 0.95 },
};

/** The viewports the kiosk is built for: a 1920 × 1080 panel, either way up. */
export const kioskViewports: Record<ScreenOrientation, { width: number; height: number }> = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
};

/** The box's side in CSS pixels on the kiosk's viewport. */
export function codeBoxPixels(orientation: ScreenOrientation, shares: CodeBoxShares = codeBoxShares[orientation]): number {
  const viewport = kioskViewports[orientation];
  return Math.floor(Math.min(viewport.height * shares.heightShare, viewport.width * shares.widthShare));
}

/** The CSS length of the box, for the canvas's width and height. */
export function codeBoxCss(shares: CodeBoxShares): string {
  return `min(${Math.round(shares.heightShare * 100)}vh, ${Math.round(shares.widthShare * 100)}vw)`;
}
