import type { QrMatrix } from '../../src-shared/qr/qr-image';
import { contentShares, rowStartMs, type CameraTiming, type DisplayTiming, type Showing } from './display-timing';
import { addNoise, gaussianBlur, greyImage, jpegRoundTrip, type GreyImage } from './filters';
import { screenLevel, type KioskScreen } from './kiosk-screen';
import { invert, project, type Matrix3 } from './pose';

/** How the screen looks to the camera and what the camera does to it. */
export interface Optics {
  /** The screen's white as the camera exposes it, 0–255. */
  whiteLevel: number;
  /** Black's share below white: 1 is black on white, 0.6 a dim, glossy or angled panel. */
  contrast: number;
  /** Peak of a reflection added over part of the code, 0–255. */
  glare: number;
  /** Defocus, a Gaussian's σ in camera pixels. */
  blurSigma: number;
  /** Sensor noise, σ in grey levels. */
  noiseSigma: number;
  /** JPEG quality of the camera's frames, 1–100. */
  jpegQuality: number;
}

export interface CaptureScene {
  screen: KioskScreen;
  /** Camera pixel → screen pixel. */
  homography: Matrix3;
  width: number;
  height: number;
  optics: Optics;
  display: DisplayTiming;
  camera: CameraTiming;
  timeline: readonly Showing[];
  /** The code of each frame index the timeline names. */
  codeOf(content: number): QrMatrix;
}

/**
 * What the camera's exposure saw: one frame throughout the code, only blank, or a mix (straddled);
 * of a mix, the frame with the most light at the code's centre, which a decoder might still read.
 */
export type Seen = { kind: 'frame'; content: number } | { kind: 'blank' } | { kind: 'straddled'; dominant: number | 'blank' };

/** A grid over the code box (quiet zone included) at which the timing is checked. */
const probes = 7;

/**
 * Which content the capture starting at `captureMs` saw over the whole code. A capture is
 * straddled when any part of the code gathered light from two contents (a frame and the next,
 * or a frame and a blank), counting the panel's response; the grid of probes spans the code.
 */
export function seenAt(scene: CaptureScene, captureMs: number): Seen {
  const toCamera = invert(scene.homography);
  const { screen } = scene;
  const sharesOf = (column: number, row: number) => {
    const u = screen.boxLeft + (screen.boxSide * column) / (probes - 1);
    const v = screen.boxTop + (screen.boxSide * row) / (probes - 1);
    const [, y] = project(toCamera, u, v);
    return sharesAt(scene, u, v, Math.min(scene.height - 1, Math.max(0, y)), captureMs);
  };
  let seen: number | 'blank' | null = null;
  let isMixed = false;
  for (let row = 0; row < probes && !isMixed; row += 1) {
    for (let column = 0; column < probes && !isMixed; column += 1) {
      const shares = sharesOf(column, row);
      const [content] = shares.keys();
      if (shares.size !== 1 || content === undefined || (seen !== null && content !== seen)) isMixed = true;
      else seen = content;
    }
  }
  if (isMixed) {
    const middle = (probes - 1) / 2;
    const [dominant] = [...sharesOf(middle, middle)].sort(([, left], [, right]) => right - left)[0] ?? ['blank'];
    return { kind: 'straddled', dominant };
  }
  if (seen === null || seen === 'blank') return { kind: 'blank' };
  return { kind: 'frame', content: seen };
}

function sharesAt(scene: CaptureScene, u: number, v: number, cameraRow: number, captureMs: number): Map<number | 'blank', number> {
  const scanDelay = (scene.screen.scanPosition(u, v) * 1000) / scene.display.refreshHz;
  return contentShares(scene.timeline, scene.display, scanDelay, rowStartMs(scene.camera, captureMs, cameraRow, scene.height), scene.camera.exposureMs);
}

/** The part of the picture the code and its surroundings fall in, with room for the blur. */
function regionOfInterest(scene: CaptureScene): { left: number; top: number; right: number; bottom: number } {
  const toCamera = invert(scene.homography);
  const { screen } = scene;
  const margin = 40;
  const corners = [
    [screen.boxLeft - margin, screen.boxTop - margin],
    [screen.boxLeft + screen.boxSide + margin, screen.boxTop - margin],
    [screen.boxLeft - margin, screen.boxTop + screen.boxSide + margin],
    [screen.boxLeft + screen.boxSide + margin, screen.boxTop + screen.boxSide + margin],
  ].map(([u = 0, v = 0]) => project(toCamera, u, v));
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  // Whole 16-pixel blocks, so the JPEG of the region has the blocks of the JPEG of the picture.
  const left = Math.max(0, Math.floor(Math.min(...xs) / 16) * 16);
  const top = Math.max(0, Math.floor(Math.min(...ys) / 16) * 16);
  const right = Math.min(scene.width, Math.ceil(Math.max(...xs) / 16) * 16);
  const bottom = Math.min(scene.height, Math.ceil(Math.max(...ys) / 16) * 16);
  return { left, top, right, bottom };
}

/** Samples per camera pixel along each axis: a camera pixel gathers light over its area. */
const supersampling = 2;

/** The light reaching the sensor over a region of the picture, before the camera's own pipeline. */
export interface Exposure {
  picture: GreyImage;
  left: number;
  top: number;
}

/**
 * One camera frame: each camera pixel averages the screen over its area (through the
 * homography), mixing contents as the rolling shutter saw them, then glare, defocus, noise and
 * JPEG. `random` drives the glare's place and the noise, so a seed repeats the picture.
 */
export function renderCapture(scene: CaptureScene, captureMs: number, random: () => number): GreyImage {
  const { optics } = scene;
  const exposure = exposeScreen(scene, captureMs, regionOfInterest(scene));
  const black = optics.whiteLevel * (1 - optics.contrast);
  const span = optics.whiteLevel - black;
  let picture = exposure.picture;
  for (let index = 0; index < picture.data.length; index += 1) picture.data[index] = black + span * (picture.data[index] ?? 0);
  addGlare(picture, optics.glare, random);
  picture = gaussianBlur(picture, optics.blurSigma);
  addNoise(picture, optics.noiseSigma, random);
  if (picture.width > 0 && picture.height > 0) picture = jpegRoundTrip(picture, optics.jpegQuality);
  const whole = greyImage(scene.width, scene.height, black + span * 0.5);
  for (let y = 0; y < picture.height; y += 1) {
    whole.data.set(picture.data.subarray(y * picture.width, (y + 1) * picture.width), (exposure.top + y) * scene.width + exposure.left);
  }
  return whole;
}

/**
 * The screen's light (0 black – 1 white) as each camera pixel of `region` gathers it: the mean of
 * a grid of points over the pixel's area, each taken through the homography to the screen pixel
 * it falls in, mixed over time as the rolling shutter saw it.
 */
export function exposeScreen(scene: CaptureScene, captureMs: number, region: { left: number; top: number; right: number; bottom: number }): Exposure {
  const h = scene.homography;
  const regionWidth = region.right - region.left;
  const regionHeight = region.bottom - region.top;
  const picture = greyImage(regionWidth, regionHeight);
  const seen = seenAt(scene, captureMs);
  const step = 1 / supersampling;
  const samples = supersampling * supersampling;
  for (let y = 0; y < regionHeight; y += 1) {
    const levelOf = levelFunction(scene, seen, region.top + y, captureMs);
    for (let x = 0; x < regionWidth; x += 1) {
      let sum = 0;
      for (let sy = 0; sy < supersampling; sy += 1) {
        const cameraY = region.top + y + (sy + 0.5) * step;
        for (let sx = 0; sx < supersampling; sx += 1) {
          const cameraX = region.left + x + (sx + 0.5) * step;
          const w = h[6] * cameraX + h[7] * cameraY + h[8];
          sum += levelOf((h[0] * cameraX + h[1] * cameraY + h[2]) / w, (h[3] * cameraX + h[4] * cameraY + h[5]) / w);
        }
      }
      picture.data[y * regionWidth + x] = sum / samples;
    }
  }
  return { picture, left: region.left, top: region.top };
}

/** Steps of the panel's scan-out at which a straddled row's mix is worked out (about 2 screen lines). */
const scanSteps = 512;

/**
 * The light at a screen point for one camera row. A straddled row mixes contents by where the
 * point is in the scan-out; the mix is worked out once per scan step and row.
 */
function levelFunction(scene: CaptureScene, seen: Seen, cameraRow: number, captureMs: number): (u: number, v: number) => number {
  const { screen } = scene;
  if (seen.kind === 'frame') {
    const matrix = scene.codeOf(seen.content);
    return (u, v) => screenLevel(screen, matrix, u, v);
  }
  if (seen.kind === 'blank') return (u, v) => screenLevel(screen, null, u, v);
  const windowStart = rowStartMs(scene.camera, captureMs, cameraRow, scene.height);
  const mixes = new Array<[QrMatrix | null, number][] | undefined>(scanSteps + 1);
  return (u, v) => {
    const step = Math.min(scanSteps, Math.max(0, Math.round(screen.scanPosition(u, v) * scanSteps)));
    let mix = mixes[step];
    if (mix === undefined) {
      const shares = contentShares(scene.timeline, scene.display, ((step / scanSteps) * 1000) / scene.display.refreshHz, windowStart, scene.camera.exposureMs);
      mix = [...shares].map(([content, share]) => [content === 'blank' ? null : scene.codeOf(content), share]);
      mixes[step] = mix;
    }
    let level = 0;
    for (const [matrix, share] of mix) level += share * screenLevel(screen, matrix, u, v);
    return level;
  };
}

/** A reflection: a broad bright patch somewhere over the picture, brightest at a random point. */
function addGlare(picture: GreyImage, peak: number, random: () => number): void {
  if (peak <= 0) return;
  const centreX = picture.width * (0.2 + 0.6 * random());
  const centreY = picture.height * (0.2 + 0.6 * random());
  const sigma = 0.25 * Math.min(picture.width, picture.height);
  for (let y = 0; y < picture.height; y += 1) {
    for (let x = 0; x < picture.width; x += 1) {
      const distance = (x - centreX) ** 2 + (y - centreY) ** 2;
      const index = y * picture.width + x;
      picture.data[index] = (picture.data[index] ?? 0) + peak * Math.exp(-distance / (2 * sigma * sigma));
    }
  }
}
