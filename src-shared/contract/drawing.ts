/**
 * A child's drawing, kept as the strokes the finger made rather than as pixels: small, exact, and
 * drawn again the same at any size. Points are whole numbers on a fixed canvas of
 * `drawingCanvas.width` × `drawingCanvas.height`, laid out flat (x, y, x, y, …), so the batch's
 * canonical JSON holds integers only.
 */
export const drawingCanvas = { width: 1000, height: 750 } as const;

/** A few big colours a child tells apart at a glance; the names are what is stored. */
export const drawingColorNames = ['black', 'red', 'blue', 'green', 'yellow'] as const;
export type DrawingColor = (typeof drawingColorNames)[number];
export const drawingColors: Record<DrawingColor, string> = {
  black: '#2b2320',
  red: '#e53935',
  blue: '#1e6fd9',
  green: '#2e9d3f',
  yellow: '#fbc02d',
};

/** Bounds that keep one answer under about 40 KB of JSON, whatever a finger or a forged request sends. */
export const drawingLimits = { strokes: 200, pointsPerStroke: 1000, points: 5000 } as const;

/** Drawn thick, as a finger draws: a child's line is never hairline. */
export const drawingStrokeWidth = 14;

/** One stroke: its colour and its points, x, y, x, y, … (one point, a dot, or more). */
export interface Stroke {
  color: DrawingColor;
  points: number[];
}

/** The strokes of one drawing, in the order drawn; `drawing-schema.ts` holds the rules they keep. */
export interface Drawing {
  strokes: Stroke[];
}

export function pointCount(drawing: { strokes: readonly { points: readonly number[] }[] }): number {
  return drawing.strokes.reduce((sum, stroke) => sum + stroke.points.length / 2, 0);
}

/** The drawing's file in an export folder, named by the answer's sequence number. */
export function drawingFileName(seq: number): string {
  return `drawing-${seq}.svg`;
}

export const drawingFilePattern = /^drawing-[1-9][0-9]{0,14}\.svg$/;

/** One stroke as SVG path data, the same on the kiosk's screen and in the exported file. */
export function strokePath(points: readonly number[]): string {
  let path = '';
  for (let index = 0; index + 1 < points.length; index += 2) path += `${index === 0 ? 'M' : ' L'}${points[index]} ${points[index + 1]}`;
  // A single touch leaves a dot: a zero-length line with round caps.
  return points.length === 2 ? `${path} l0 0` : path;
}

/**
 * The drawing as a standalone SVG file. Its bytes depend on the strokes alone, so the same
 * answer always gives the same file and the same hash, on the kiosk and in the receiver.
 */
export function drawingSvg(drawing: Drawing): string {
  const { width, height } = drawingCanvas;
  const paths = drawing.strokes
    .map((stroke) => `<path d="${strokePath(stroke.points)}" stroke="${drawingColors[stroke.color]}"/>`)
    .join('\n');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">\n` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>\n` +
    `<g fill="none" stroke-width="${drawingStrokeWidth}" stroke-linecap="round" stroke-linejoin="round">\n${paths}\n</g>\n</svg>\n`
  );
}

/** The drawing as an image address, for a page that may load nothing from outside (its CSP allows data: images). */
export function drawingDataUrl(drawing: Drawing): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawingSvg(drawing))}`;
}
