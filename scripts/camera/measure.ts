import { readBarcodes } from 'zxing-wasm/reader';
import { codeBoxPixels, type CodeBoxShares } from '../../src-shared/qr/code-layout';
import { parsePart } from '../../src-shared/qr/frame-receiver';
import { qrMatrix, type ErrorCorrection, type QrMatrix } from '../../src-shared/qr/qr-image';
import { receiverReaderOptions } from '../../src-shared/qr/reader-options';
import { seededRandom } from '../fixtures/sample-batch';
import { renderCapture, seenAt, type CaptureScene } from './capture';
import { optics, poseFor, type Condition } from './conditions';
import { displayTimeline, phoneCamera, type DisplayTiming } from './display-timing';
import type { GreyImage } from './filters';
import { toRgba } from './filters';
import { kioskScreen } from './kiosk-screen';
import { cameraToScreen, phoneGeometry, type Pose } from './pose';

/** What the kiosk shows: its texts, their error correction, the box and the timing. */
export interface ShownCode {
  texts: readonly string[];
  errorCorrection: ErrorCorrection;
  boxShares?: CodeBoxShares;
  display: DisplayTiming;
}

export interface DecodeTally {
  /** Captures of one frame (not straddled), and how many of them the receiver's decoder read. */
  frameCaptures: number;
  frameDecoded: number;
  straddledCaptures: number;
  straddledDecoded: number;
  /** Texts that were not what the screen showed; and of those, any that passed the part's CRC. */
  wrongTexts: number;
  wrongAccepted: number;
}

/** A scene for one capture in the condition: a fresh pose (or the one given), the kiosk's timeline. */
export function sceneFor(shown: ShownCode, condition: Condition, random: () => number, codeOf: (content: number) => QrMatrix, fixedPose?: Pose): CaptureScene {
  const screen = kioskScreen(condition.orientation, codeBoxPixels(condition.orientation, shown.boxShares));
  const pose = fixedPose ?? poseFor(condition, screen.boxSide, random);
  const centre = screen.boxSide / 2;
  const durationMs = ((shown.texts.length + 4) / shown.display.framesPerSecond) * 1000 + 2000;
  return {
    screen,
    homography: cameraToScreen(pose, screen.boxLeft + centre, screen.boxTop + centre),
    width: phoneGeometry.width,
    height: phoneGeometry.height,
    optics: optics[condition.quality],
    display: shown.display,
    camera: phoneCamera,
    timeline: displayTimeline(shown.display, shown.texts.length, durationMs),
    codeOf,
  };
}

/** Every code drawn once, on first use. */
export function matrixCache(texts: readonly string[], errorCorrection: ErrorCorrection): (content: number) => QrMatrix {
  const cache = new Map<number, QrMatrix>();
  return (content) => {
    let matrix = cache.get(content);
    if (matrix === undefined) {
      matrix = qrMatrix(texts[content] ?? '', errorCorrection);
      cache.set(content, matrix);
    }
    return matrix;
  };
}

/** The receiver's reading of one capture: its texts, with the receiver's own zxing options. */
export async function decodeCapture(picture: GreyImage): Promise<string[]> {
  const image = { data: toRgba(picture), width: picture.width, height: picture.height, colorSpace: 'srgb' as const };
  const results = await readBarcodes(image, receiverReaderOptions());
  return results.filter((result) => result.isValid).map((result) => result.text);
}

/**
 * Renders `frameCaptures` captures of single frames and `straddledCaptures` of frames caught
 * mid-change in the condition, each with its own pose, and reads them as the receiver does.
 * zxing-wasm must be prepared first.
 */
export async function measureDecoding(
  shown: ShownCode,
  condition: Condition,
  counts: { frameCaptures: number; straddledCaptures: number },
  seed: number,
): Promise<DecodeTally> {
  const random = seededRandom(seed);
  const codeOf = matrixCache(shown.texts, shown.errorCorrection);
  const texts = new Set(shown.texts);
  const tally: DecodeTally = { frameCaptures: 0, frameDecoded: 0, straddledCaptures: 0, straddledDecoded: 0, wrongTexts: 0, wrongAccepted: 0 };
  const wanted: ('frame' | 'straddled')[] = [
    ...Array.from({ length: counts.frameCaptures }, () => 'frame' as const),
    ...Array.from({ length: counts.straddledCaptures }, () => 'straddled' as const),
  ];
  for (const kind of wanted) {
    const scene = sceneFor(shown, condition, random, codeOf);
    const captureMs = captureTimeOf(scene, kind, random);
    if (captureMs === null) continue;
    const decoded = await decodeCapture(renderCapture(scene, captureMs, random));
    const isRead = decoded.some((text) => texts.has(text));
    for (const text of decoded) {
      if (texts.has(text)) continue;
      tally.wrongTexts += 1;
      if (typeof parsePart(text) !== 'string') tally.wrongAccepted += 1;
    }
    if (kind === 'frame') {
      tally.frameCaptures += 1;
      if (isRead) tally.frameDecoded += 1;
    } else {
      tally.straddledCaptures += 1;
      if (isRead) tally.straddledDecoded += 1;
    }
  }
  return tally;
}

/** A capture time at which the camera sees one frame (or a straddle), past the first second. */
function captureTimeOf(scene: CaptureScene, kind: 'frame' | 'straddled', random: () => number): number | null {
  const last = scene.timeline.at(-1)?.startMs ?? 0;
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const captureMs = 1000 + random() * Math.max(1, last - 1500);
    const seen = seenAt(scene, captureMs);
    if (seen.kind === kind) return captureMs;
  }
  return null;
}
