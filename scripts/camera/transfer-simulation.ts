import { FountainSolver } from '../../src-shared/qr/fountain-solver';
import { FrameReceiver, parsePart } from '../../src-shared/qr/frame-receiver';
import type { FountainPart } from '../../src-shared/qr/bc-ur';
import { seededRandom } from '../fixtures/sample-batch';
import { seenAt } from './capture';
import { rememberedChoice } from './fragment-choice';
import type { Condition } from './conditions';
import { sceneFor, matrixCache, type ShownCode } from './measure';

/**
 * How often the receiver page reads a camera frame: its loop decodes one frame (tens of
 * milliseconds on a phone for a 1280 × 720 picture with tryHarder), pauses 15 ms, and takes the
 * newest camera frame again. Drawn per read from this range, so reads drift against the display
 * as a real loop does.
 */
export interface ReadLoop {
  minMs: number;
  maxMs: number;
}

export const phoneReadLoop: ReadLoop = { minMs: 60, maxMs: 120 };

export interface TransferResult {
  /** Seconds to a complete batch per trial, sorted; Infinity where it never completed. */
  seconds: number[];
  /** Reads that caught one frame whole, and reads straddling a change, of all reads. */
  reads: number;
  straddledReads: number;
  /** The first trial went through the receiver's own FrameReceiver and rebuilt the payload. */
  payload: Uint8Array | null;
}

/** One memo for every simulation in the run: the same parts come back in every trial. */
const choose = rememberedChoice();

/** A trial that has not finished in this long is counted as never finishing. */
const giveUpMs = 120_000;

/**
 * Trials of a phone joining at a random moment: each read takes the newest camera frame, sees
 * what the display timing gives at that moment and pose (one frame, a blank, or a straddle), and
 * reads it with the condition's measured decode rate for that kind of capture. Parts go to the receiver's
 * solver (elimination over bc-ur's parts), so the fountain code's overhead is the real one.
 */
export function simulateTransfer(
  shown: ShownCode,
  condition: Condition,
  rates: { frame: number; straddled: number },
  options: { trials: number; seed: number; readLoop?: ReadLoop },
): TransferResult {
  const readLoop = options.readLoop ?? phoneReadLoop;
  const random = seededRandom(options.seed);
  const codeOf = matrixCache(shown.texts, shown.errorCorrection);
  const parts = shown.texts.map((text) => {
    const part = parsePart(text);
    if (typeof part === 'string') throw new Error(`A frame is not a part: ${part}`);
    return part;
  });
  const first = parts[0];
  if (first === undefined) throw new Error('No frames');
  const cycleMs = (shown.texts.length / shown.display.framesPerSecond) * 1000;
  const cameraFrameMs = 1000 / 30;
  const seconds: number[] = [];
  let reads = 0;
  let straddledReads = 0;
  let payload: Uint8Array | null = null;
  for (let trial = 0; trial < options.trials; trial += 1) {
    // The timeline of a scene is long enough for one cycle; read times wrap into it.
    const scene = sceneFor(shown, condition, random, codeOf);
    const startMs = 1000 + random() * cycleMs;
    const cameraPhase = random() * cameraFrameMs;
    const solver = new FountainSolver(first.seqLength, first.messageLength, first.checksum, first.fragment.length, choose);
    const receiver = trial === 0 ? new FrameReceiver() : null;
    let now = startMs;
    let lastCapture = Number.NaN;
    let done = false;
    while (!done && now - startMs < giveUpMs) {
      now += readLoop.minMs + random() * (readLoop.maxMs - readLoop.minMs);
      // The newest camera frame whose exposure and readout have ended.
      const captureMs = Math.floor((now - 35 - cameraPhase) / cameraFrameMs) * cameraFrameMs + cameraPhase;
      if (captureMs === lastCapture) continue;
      lastCapture = captureMs;
      reads += 1;
      const seen = seenAt(scene, 1000 + ((captureMs - 1000) % cycleMs));
      if (seen.kind === 'straddled') straddledReads += 1;
      // A mix that still reads gives the frame with the most light (the measured rate says how often).
      const content = seen.kind === 'frame' ? seen.content : seen.kind === 'straddled' ? seen.dominant : 'blank';
      const rate = seen.kind === 'frame' ? rates.frame : rates.straddled;
      if (content === 'blank' || random() >= rate) continue;
      const part: FountainPart | undefined = parts[content];
      if (part === undefined) continue;
      if (receiver !== null) {
        const outcome = receiver.receive(shown.texts[content] ?? '');
        if (outcome.kind === 'complete') {
          payload = outcome.payload;
          done = true;
        }
      } else {
        solver.add(part.seqNum, part.fragment);
        done = solver.isComplete;
      }
    }
    seconds.push(done ? (now - startMs) / 1000 : Number.POSITIVE_INFINITY);
  }
  return { seconds: seconds.sort((left, right) => left - right), reads, straddledReads, payload };
}
