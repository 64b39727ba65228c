import { beforeAll, describe, expect, it } from 'vitest';
import { exposeScreen, renderCapture, seenAt, type CaptureScene } from '../../scripts/camera/capture';
import { optics } from '../../scripts/camera/conditions';
import { contentShares, displayTimeline, kioskDisplay, phoneCamera } from '../../scripts/camera/display-timing';
import { gaussianBlur, greyImage, jpegRoundTrip } from '../../scripts/camera/filters';
import { kioskScreen, screenLevel } from '../../scripts/camera/kiosk-screen';
import { decodeCapture } from '../../scripts/camera/measure';
import { cameraToScreen, faceOn, invert, phoneGeometry, project, referenceBoxPixels, type Matrix3 } from '../../scripts/camera/pose';
import { seededRandom } from '../../scripts/fixtures/sample-batch';
import { qrMatrix, type QrMatrix } from '../../src-shared/qr/qr-image';
import { prepareReader } from '../support/qr-kit';

const texts = ['UR:KERRO-BATCH/1-3/' + 'AE'.repeat(120), 'UR:KERRO-BATCH/2-3/' + 'BD'.repeat(120), 'UR:KERRO-BATCH/3-3/' + 'CK'.repeat(120)];
const matrices = texts.map((text) => qrMatrix(text, 'L'));
const codeOf = (content: number): QrMatrix => matrices[content % matrices.length] ?? matrices[0] ?? qrMatrix('x', 'L');

function sceneAt(homography: Matrix3, quality: 'clean' | 'typical' = 'clean'): CaptureScene {
  return {
    screen: kioskScreen('landscape'),
    homography,
    width: phoneGeometry.width,
    height: phoneGeometry.height,
    optics: optics[quality],
    display: kioskDisplay,
    camera: phoneCamera,
    timeline: displayTimeline(kioskDisplay, texts.length, 5000),
    codeOf,
  };
}

function faceOnScene(coverage: number): CaptureScene {
  const screen = kioskScreen('landscape');
  const centre = screen.boxSide / 2;
  return sceneAt(cameraToScreen({ ...faceOn, coverage }, screen.boxLeft + centre, screen.boxTop + centre));
}

/** A moment in the middle of frame `frame`'s time on screen, when nothing changes. */
const midFrame = (frame: number) => frame * 100 + 70;

beforeAll(async () => {
  await prepareReader();
});

describe('the camera model', () => {
  it('an identity warp keeps the screen’s pixels: a camera pixel sees exactly the screen pixel under it', () => {
    const scene = sceneAt([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const { screen } = scene;
    const region = { left: screen.boxLeft - 12, top: screen.boxTop - 12, right: screen.boxLeft + 200, bottom: screen.boxTop + 200 };
    const { picture } = exposeScreen(scene, midFrame(1), region);
    for (let y = 0; y < picture.height; y += 1) {
      for (let x = 0; x < picture.width; x += 1) {
        expect(picture.data[y * picture.width + x]).toBeCloseTo(screenLevel(screen, codeOf(1), region.left + x, region.top + y), 6);
      }
    }
    // The code's own finder pattern: dark from the quiet zone's end for seven modules.
    const modulePixels = screen.boxSide / (matrices[1]?.size ?? 1 + 8);
    const finderStart = Math.ceil(4 * modulePixels) + 1;
    expect(picture.data[(12 + finderStart) * picture.width + 12 + finderStart]).toBe(0);
    expect(picture.data[2 * picture.width + 2]).toBeCloseTo(0.92, 6);
  });

  it('a face-on pose scales the screen by coverage × 720 / 756 about the code’s centre; a tilt foreshortens the far side', () => {
    const screen = kioskScreen('landscape');
    const centreU = screen.boxLeft + screen.boxSide / 2;
    const centreV = screen.boxTop + screen.boxSide / 2;
    const homography = cameraToScreen({ ...faceOn, coverage: 0.4 }, centreU, centreV);
    const [u, v] = project(homography, 640, 360);
    expect(u).toBeCloseTo(centreU, 6);
    expect(v).toBeCloseTo(centreV, 6);
    const [farU] = project(homography, 640 + 288, 360);
    expect(farU - centreU).toBeCloseTo(referenceBoxPixels, 6);

    const tilted = invert(cameraToScreen({ ...faceOn, coverage: 0.4, tiltDegrees: 20 }, centreU, centreV));
    const edge = (offsetU: number) => {
      const [, top] = project(tilted, centreU + offsetU, screen.boxTop);
      const [, bottom] = project(tilted, centreU + offsetU, screen.boxTop + screen.boxSide);
      return bottom - top;
    };
    const left = edge(-screen.boxSide / 2);
    const right = edge(screen.boxSide / 2);
    expect(Math.abs(left - right) / Math.max(left, right)).toBeGreaterThan(0.05);
  });

  it('a Gaussian blur of a step edge follows the normal distribution’s curve', () => {
    const sigma = 2;
    const image = greyImage(100, 1);
    for (let x = 50; x < 100; x += 1) image.data[x] = 255;
    const blurred = gaussianBlur(image, sigma);
    for (let x = 40; x < 60; x += 1) expect(Math.abs((blurred.data[x] ?? 0) - 255 * normalCdf((x - 49.5) / sigma))).toBeLessThan(2.5);
    expect(blurred.data[0]).toBeCloseTo(0, 6);
    expect(blurred.data[99]).toBeCloseTo(255, 3);
  });

  it('a JPEG round trip keeps a QR pattern within a few grey levels, and less so at low quality', () => {
    const scene = faceOnScene(0.6);
    const { picture } = exposeScreen(scene, midFrame(0), { left: 320, top: 64, right: 960, bottom: 656 });
    for (let index = 0; index < picture.data.length; index += 1) picture.data[index] = 30 + 200 * (picture.data[index] ?? 0);
    const meanError = (quality: number) => {
      const back = jpegRoundTrip(picture, quality);
      let sum = 0;
      for (let index = 0; index < picture.data.length; index += 1) sum += Math.abs((back.data[index] ?? 0) - Math.round(picture.data[index] ?? 0));
      return sum / picture.data.length;
    };
    const fine = meanError(90);
    const coarse = meanError(30);
    expect(fine).toBeLessThan(6);
    expect(coarse).toBeGreaterThan(fine);
  });

  it('the display timing: one frame whole mid-way, two frames across a change, shares summing to one', () => {
    const timeline = displayTimeline(kioskDisplay, 3, 2000);
    expect(timeline.slice(0, 4).map((showing) => [Math.round(showing.startMs), showing.content])).toEqual([[0, 0], [100, 1], [200, 2], [300, 0]]);
    expect([...contentShares(timeline, kioskDisplay, 0, 140, 10)]).toEqual([[1, 1]]);
    const across = contentShares(timeline, kioskDisplay, 0, 195, 10);
    expect([...across.keys()]).toEqual([1, 2]);
    expect([...across.values()].reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 9);
    // Lower on the panel the same moment is earlier in the scan-out: still the old frame.
    expect([...contentShares(timeline, kioskDisplay, 12, 195, 10)]).toEqual([[1, 1]]);
    const blanking = { ...kioskDisplay, blankRefreshes: 1 };
    expect(displayTimeline(blanking, 3, 300).map((showing) => showing.content)).toEqual([0, 'blank', 1, 'blank', 2]);
  });

  it('the same seed gives the same capture, another seed other noise', () => {
    const scene = { ...faceOnScene(0.3), optics: optics.typical };
    const first = renderCapture(scene, midFrame(2), seededRandom(1));
    expect(renderCapture(scene, midFrame(2), seededRandom(1)).data.every((level, index) => level === first.data[index])).toBe(true);
    expect(renderCapture(scene, midFrame(2), seededRandom(2)).data.some((level, index) => level !== first.data[index])).toBe(true);
  });

  it('the receiver’s decoder reads a capture of one frame, and reads nothing of a capture that straddles a change', async () => {
    const scene = faceOnScene(0.6);
    expect(seenAt(scene, midFrame(1))).toEqual({ kind: 'frame', content: 1 });
    expect(await decodeCapture(renderCapture(scene, midFrame(1), seededRandom(3)))).toEqual([texts[1]]);
    // The code's middle rows expose while the panel there is half-way from frame 0 to frame 1.
    const straddle = 94;
    expect(seenAt(scene, straddle)).toMatchObject({ kind: 'straddled' });
    expect(await decodeCapture(renderCapture(scene, straddle, seededRandom(3)))).toEqual([]);
  });
});

/** Φ(x), by the Abramowitz–Stegun approximation of erf (error under 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
