/**
 * Where the phone is: a pinhole camera looking at the kiosk's screen. The result is a homography
 * from camera pixels to screen pixels, so every camera pixel can ask which screen pixel it sees.
 */
export type Matrix3 = readonly [number, number, number, number, number, number, number, number, number];

export const identity: Matrix3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

export function multiply(left: Matrix3, right: Matrix3): Matrix3 {
  const [a, b, c, d, e, f, g, h, i] = left;
  const [j, k, l, m, n, o, p, q, r] = right;
  return [
    a * j + b * m + c * p, a * k + b * n + c * q, a * l + b * o + c * r,
    d * j + e * m + f * p, d * k + e * n + f * q, d * l + e * o + f * r,
    g * j + h * m + i * p, g * k + h * n + i * q, g * l + h * o + i * r,
  ];
}

export function invert(matrix: Matrix3): Matrix3 {
  const [a, b, c, d, e, f, g, h, i] = matrix;
  const determinant = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  if (Math.abs(determinant) < 1e-12) throw new RangeError('The matrix has no inverse');
  const scale = 1 / determinant;
  return [
    (e * i - f * h) * scale, (c * h - b * i) * scale, (b * f - c * e) * scale,
    (f * g - d * i) * scale, (a * i - c * g) * scale, (c * d - a * f) * scale,
    (d * h - e * g) * scale, (b * g - a * h) * scale, (a * e - b * d) * scale,
  ];
}

/** The point (x, y) through a homography. */
export function project(matrix: Matrix3, x: number, y: number): [number, number] {
  const w = matrix[6] * x + matrix[7] * y + matrix[8];
  return [(matrix[0] * x + matrix[1] * y + matrix[2]) / w, (matrix[3] * x + matrix[4] * y + matrix[5]) / w];
}

/** A phone camera's picture: 1280 × 720, a 26 mm-equivalent lens (focal length in pixels). */
export interface CameraGeometry {
  width: number;
  height: number;
  focalPixels: number;
}

export const phoneGeometry: CameraGeometry = { width: 1280, height: 720, focalPixels: Math.round((1280 * 26) / 36) };

/**
 * The code box of today's landscape kiosk (min(70vh, 55vw) of 1920 × 1080 = 756 px) is the yardstick of
 * distance: at "coverage c" the phone is where that box would span c of the picture's height.
 * A larger box at the same distance spans more; a box in portrait too (the same panel, turned).
 */
export const referenceBoxPixels = 756;

export interface Pose {
  /** Distance, as the share of the picture's height the reference box would span face-on. */
  coverage: number;
  /** Angle between the screen's normal and the camera's axis, in degrees. */
  tiltDegrees: number;
  /** About which in-screen axis the tilt turns, in degrees (0: about the vertical). */
  tiltAxisDegrees: number;
  /** Rotation of the phone about its own axis, in degrees. */
  rollDegrees: number;
  /** Where the code's centre lands, in camera pixels from the picture's centre. */
  offsetX: number;
  offsetY: number;
}

export const faceOn: Pose = { coverage: 0.6, tiltDegrees: 0, tiltAxisDegrees: 0, rollDegrees: 0, offsetX: 0, offsetY: 0 };

/**
 * Camera pixel → screen pixel, for a camera at `pose` aimed at the screen point (centreU, centreV).
 * The screen plane is R·(a, b, 0) + (0, 0, D) in camera space, in screen-pixel units; a camera
 * ray d meets it where R^T·d, scaled to depth D, gives (a, b) linearly over (R^T·d)_z.
 */
export function cameraToScreen(pose: Pose, centreU: number, centreV: number, camera: CameraGeometry = phoneGeometry): Matrix3 {
  const distance = (camera.focalPixels * referenceBoxPixels) / (pose.coverage * camera.height);
  const rotation = multiply(rotationAboutZ(pose.rollDegrees), tiltRotation(pose.tiltDegrees, pose.tiltAxisDegrees));
  const transposed: Matrix3 = [rotation[0], rotation[3], rotation[6], rotation[1], rotation[4], rotation[7], rotation[2], rotation[5], rotation[8]];
  const f = camera.focalPixels;
  const rayOf: Matrix3 = [1 / f, 0, -(camera.width / 2 + pose.offsetX) / f, 0, 1 / f, -(camera.height / 2 + pose.offsetY) / f, 0, 0, 1];
  const r33 = rotation[8];
  const ontoPlane: Matrix3 = [distance * r33, 0, -distance * rotation[6], 0, distance * r33, -distance * rotation[7], 0, 0, 1];
  const toScreen: Matrix3 = [1, 0, centreU, 0, 1, centreV, 0, 0, 1];
  return multiply(toScreen, multiply(ontoPlane, multiply(transposed, rayOf)));
}

function rotationAboutZ(degrees: number): Matrix3 {
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [cos, -sin, 0, sin, cos, 0, 0, 0, 1];
}

/** Rodrigues' rotation by `degrees` about the in-plane axis (cos α, sin α, 0). */
function tiltRotation(degrees: number, axisDegrees: number): Matrix3 {
  const angle = (degrees * Math.PI) / 180;
  const axis = (axisDegrees * Math.PI) / 180 + Math.PI / 2;
  const x = Math.cos(axis);
  const y = Math.sin(axis);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const rest = 1 - cos;
  return [cos + x * x * rest, x * y * rest, y * sin, x * y * rest, cos + y * y * rest, -x * sin, -y * sin, x * sin, cos];
}
