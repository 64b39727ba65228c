import { seededRandom } from '../fixtures/sample-batch';
import { renderCapture, seenAt } from './capture';
import type { Condition } from './conditions';
import { greyImage, type GreyImage } from './filters';
import { matrixCache, sceneFor, type ShownCode } from './measure';
import { invert, project, referenceBoxPixels, type Pose } from './pose';
import { quietZone } from '../../src-shared/qr/qr-image';

/** What a phone held still in front of the kiosk filmed, one picture per camera frame. */
export interface Film {
  pictures: GreyImage[];
  framesPerSecond: number;
  /** Pictures that caught the screen mid-change (two frames mixed by the rolling shutter). */
  straddled: number;
  /** Camera pixels per module of the code, face-on (tilt makes some sides fewer). */
  pixelsPerModule: number;
}

/**
 * One round of the kiosk's frames as a 30 fps camera films them from `pose`, cropped to `crop`
 * (width × height) around the code. The pose stays put, so a picture of one whole frame is
 * rendered once per frame and used again; every picture caught mid-change is rendered by itself.
 * Cropping keeps the camera pixels per module (what decides a read) and makes the video small.
 */
export function filmKiosk(shown: ShownCode, condition: Condition, pose: Pose, crop: { width: number; height: number }, seed: number): Film {
  const random = seededRandom(seed);
  const codeOf = matrixCache(shown.texts, shown.errorCorrection);
  const scene = sceneFor(shown, condition, random, codeOf, pose);
  const cameraFrameMs = 1000 / scene.camera.framesPerSecond;
  const roundMs = (shown.texts.length / shown.display.framesPerSecond) * 1000;
  const pictureCount = Math.round(roundMs / cameraFrameMs);
  const [centreX, centreY] = project(invert(scene.homography), scene.screen.boxLeft + scene.screen.boxSide / 2, scene.screen.boxTop + scene.screen.boxSide / 2);
  const left = Math.max(0, Math.min(scene.width - crop.width, Math.round(centreX - crop.width / 2)));
  const top = Math.max(0, Math.min(scene.height - crop.height, Math.round(centreY - crop.height / 2)));
  const wholeFrames = new Map<number, GreyImage>();
  const pictures: GreyImage[] = [];
  let straddled = 0;
  // The kiosk's round starts after its first second, when the timeline is steady.
  for (let index = 0; index < pictureCount; index += 1) {
    const captureMs = 1000 + index * cameraFrameMs;
    const seen = seenAt(scene, captureMs);
    if (seen.kind === 'straddled') straddled += 1;
    const cached = seen.kind === 'frame' ? wholeFrames.get(seen.content) : undefined;
    const picture = cached ?? cropped(renderCapture(scene, captureMs, random), left, top, crop);
    if (seen.kind === 'frame') wholeFrames.set(seen.content, picture);
    pictures.push(picture);
  }
  const modules = codeOf(0).size + quietZone * 2;
  const pixelsPerModule = ((scene.screen.boxSide / modules) * pose.coverage * scene.height) / referenceBoxPixels;
  return { pictures, framesPerSecond: scene.camera.framesPerSecond, straddled, pixelsPerModule };
}

function cropped(picture: GreyImage, left: number, top: number, crop: { width: number; height: number }): GreyImage {
  const part = greyImage(crop.width, crop.height);
  for (let y = 0; y < crop.height; y += 1) {
    part.data.set(picture.data.subarray((top + y) * picture.width + left, (top + y) * picture.width + left + crop.width), y * crop.width);
  }
  return part;
}
