/**
 * What the receiver tells its user while no part comes in, from what the decoder saw in the last
 * camera frames: no code at all (point the camera at it and come closer), a code it found but
 * could not read because it is small in the picture (closer), seen at an angle (tilt less), or
 * neither (the picture is blurred or caught mid-change: hold still).
 */
export type ScanHint = 'aim' | 'closer' | 'tiltLess' | 'still';

/** A corner of a code the decoder found, in the camera picture's pixels. */
export interface Corner {
  x: number;
  y: number;
}

/** One camera frame as the decoder saw it. */
export type ScanLook =
  | { kind: 'read' }
  | { kind: 'none' }
  /** Found, not read: its corners (top-left, top-right, bottom-right, bottom-left) and, if known, its modules across. */
  | { kind: 'unread'; corners: readonly [Corner, Corner, Corner, Corner]; modules: number | null; pictureHeight: number };

/** Looks the hint is drawn from: about a second of reading on a phone. */
export const hintWindow = 10;

/** zxing reads a code from about 3 camera pixels per module; below 4 the phone should come closer. */
const closeEnoughPixels = 4;
/** Without the code's version: a code narrower than this share of the picture is small. */
const closeEnoughShare = 0.55;
/**
 * Opposite sides differing by more than this ratio, or a corner off square by this much: tilted.
 * The camera model's typical hand (up to 20°) stays under it; 30° and more at arm's length is over.
 */
const tiltedSides = 1.25;
const tiltedDegrees = 12;

/**
 * The hint for the newest looks (oldest first), or null while reading goes well or too few
 * frames have been looked at yet. One read among them is enough to keep quiet.
 */
export function scanHint(looks: readonly ScanLook[]): ScanHint | null {
  const recent = looks.slice(-hintWindow);
  if (recent.length < hintWindow || recent.some((look) => look.kind === 'read')) return null;
  // Found now and then is found: a code at the edge of what the detector sees is small or tilted.
  const newest = recent.filter((look) => look.kind === 'unread').at(-1);
  if (newest === undefined) return 'aim';
  // Some decoder errors come before the code's corners are known: nothing to say but hold still.
  if (!hasShape(newest.corners)) return 'still';
  // Tilt first: it also shrinks the code's sides, and coming closer does not straighten it.
  if (isTilted(newest.corners)) return 'tiltLess';
  if (isSmall(newest)) return 'closer';
  return 'still';
}

type Unread = Extract<ScanLook, { kind: 'unread' }>;

function isSmall(look: Unread): boolean {
  const [topLeft, topRight, bottomRight, bottomLeft] = look.corners;
  const side = (distance(topLeft, topRight) + distance(topRight, bottomRight) + distance(bottomRight, bottomLeft) + distance(bottomLeft, topLeft)) / 4;
  if (look.modules !== null && look.modules > 0) return side / look.modules < closeEnoughPixels;
  return side < closeEnoughShare * look.pictureHeight;
}

function isTilted(corners: Unread['corners']): boolean {
  const [topLeft, topRight, bottomRight, bottomLeft] = corners;
  const ratio = (one: number, other: number) => Math.max(one, other) / Math.max(1e-9, Math.min(one, other));
  if (ratio(distance(topLeft, topRight), distance(bottomLeft, bottomRight)) > tiltedSides) return true;
  if (ratio(distance(topLeft, bottomLeft), distance(topRight, bottomRight)) > tiltedSides) return true;
  const ordered = [topLeft, topRight, bottomRight, bottomLeft];
  return ordered.some((corner, index) => {
    const previous = ordered[(index + 3) % 4] ?? corner;
    const next = ordered[(index + 1) % 4] ?? corner;
    return Math.abs(angleAt(previous, corner, next) - 90) > tiltedDegrees;
  });
}

function hasShape(corners: Unread['corners']): boolean {
  const [topLeft, , bottomRight] = corners;
  return distance(topLeft, bottomRight) >= 8;
}

function distance(one: Corner, other: Corner): number {
  return Math.hypot(one.x - other.x, one.y - other.y);
}

function angleAt(previous: Corner, corner: Corner, next: Corner): number {
  const first = Math.atan2(previous.y - corner.y, previous.x - corner.x);
  const second = Math.atan2(next.y - corner.y, next.x - corner.x);
  const degrees = Math.abs(((second - first) * 180) / Math.PI) % 360;
  return degrees > 180 ? 360 - degrees : degrees;
}
