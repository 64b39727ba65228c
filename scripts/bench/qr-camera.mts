// The QR bench's camera part: the kiosk's frames through the camera model (scripts/camera), read
// by the receiver's decoder, and the transfer time a phone would see in each condition.
import { codeBoxPixels, codeBoxShares } from '../../src-shared/qr/code-layout';
import { qrMatrix, quietZone } from '../../src-shared/qr/qr-image';
import { fragmentSizes, transferDefaults } from '../../src-shared/qr/transfer-defaults';
import { conditionName, type Condition, type Quality } from '../camera/conditions';
import { kioskDisplay } from '../camera/display-timing';
import { measureDecoding, type ShownCode } from '../camera/measure';
import { referenceBoxPixels } from '../camera/pose';
import { phoneReadLoop, simulateTransfer } from '../camera/transfer-simulation';
import { runCount } from './repeated.mjs';
import type { BenchCheck, BenchTable } from './section.mjs';

/** Renders per condition: captures of one frame, and of frames caught mid-change. */
const frameCaptures = runCount('KERRO_BENCH_QR_CAPTURES', 4);
/** One straddled capture per condition swung medians between 5 and 12 s; four settle them. */
const straddledCaptures = runCount('KERRO_BENCH_QR_STRADDLED', 4);
const cameraTrials = runCount('KERRO_BENCH_QR_CAMERA_TRIALS', 100);
const coverages = [0.3, 0.4, 0.6, 0.8] as const;
/** Display rates tried against the phone's read rate, with each condition's rates as measured. */
const otherRates = [6, 8, 10, 12, 15] as const;
/** The larger code is for the far phone: typical conditions up to 60 %. */
const largerCoverages = [0.3, 0.4, 0.6] as const;

/** The issue's targets: median seconds for 1,000 answers per condition (coverage, quality). */
const targets: { quality: Quality; coverage: number; seconds: number }[] = [
  { quality: 'typical', coverage: 0.6, seconds: 5 },
  { quality: 'typical', coverage: 0.4, seconds: 8 },
  { quality: 'clean', coverage: 0.8, seconds: 3 },
];

export interface CameraPart {
  notes: string[];
  tables: BenchTable[];
  checks: BenchCheck[];
}

/** One code size's frames of the 1,000-answer batch. */
export interface CodeFrames {
  frames: readonly string[];
  fragmentCount: number;
}

const columns = ['kiosk', 'conditions', 'coverage', 'camera px / module', 'frames read', 'reads straddled', 'straddled read', 'median s', 'p90 s', 'completed', 'floor s'];

interface ConditionResult {
  condition: Condition;
  row: string[];
  median: number;
  completed: number;
  wrongTexts: number;
  wrongAccepted: number;
  rates: { frame: number; straddled: number };
}

/** zxing-wasm must be prepared. `standard` and `larger` are the 1,000-answer batch's frames, `summary` its one-frame text. */
export async function cameraPart(standard: CodeFrames, larger: CodeFrames, summary: string, progress: (message: string) => void): Promise<CameraPart> {
  const { framesPerSecond, errorCorrection } = transferDefaults;
  const display = { ...kioskDisplay, framesPerSecond };
  const checks: BenchCheck[] = [];
  let seed = 1;
  const measure = async (code: CodeFrames, condition: Condition, label: string): Promise<ConditionResult> => {
    progress(`qr camera: ${label}, ${conditionName(condition)}`);
    const shown: ShownCode = { texts: code.frames, errorCorrection, display };
    const modules = qrMatrix(code.frames[0] ?? '', errorCorrection).size + quietZone * 2;
    const tally = await measureDecoding(shown, condition, { frameCaptures, straddledCaptures }, (seed += 1));
    const rates = { frame: rateOf(tally.frameDecoded, tally.frameCaptures), straddled: rateOf(tally.straddledDecoded, tally.straddledCaptures) };
    const transfer = simulateTransfer(shown, condition, rates, { trials: cameraTrials, seed: seed * 31 });
    const median = transfer.seconds[Math.floor((transfer.seconds.length - 1) / 2)] ?? Number.POSITIVE_INFINITY;
    const p90 = transfer.seconds[Math.floor((transfer.seconds.length - 1) * 0.9)] ?? Number.POSITIVE_INFINITY;
    const completed = transfer.seconds.filter(Number.isFinite).length;
    if (transfer.payload === null && completed > 0) throw new Error(`${conditionName(condition)}: the receiver's own first trial did not rebuild the batch`);
    const { orientation, quality, coverage } = condition;
    const pixelsPerModule = (coverage * 720 * codeBoxPixels(orientation)) / referenceBoxPixels / modules;
    const row = [
      orientation,
      quality,
      `${Math.round(coverage * 100)} %`,
      pixelsPerModule.toFixed(2),
      `${tally.frameDecoded} / ${tally.frameCaptures}`,
      `${Math.round((transfer.straddledReads / Math.max(1, transfer.reads)) * 100)} %`,
      `${tally.straddledDecoded} / ${tally.straddledCaptures}`,
      seconds(median),
      seconds(p90),
      `${completed} / ${cameraTrials}`,
      (code.fragmentCount / framesPerSecond).toFixed(1),
    ];
    return { condition, row, median, completed, wrongTexts: tally.wrongTexts, wrongAccepted: tally.wrongAccepted, rates };
  };

  const standardResults: ConditionResult[] = [];
  const largerResults: ConditionResult[] = [];
  for (const orientation of ['landscape', 'portrait'] as const) {
    for (const quality of ['typical', 'clean'] as const) {
      for (const coverage of coverages) standardResults.push(await measure(standard, { quality, orientation, coverage }, 'standard code'));
    }
    for (const coverage of largerCoverages) largerResults.push(await measure(larger, { quality: 'typical', orientation, coverage }, 'larger code'));
  }
  for (const result of standardResults) {
    const { condition, median, completed } = result;
    const target = targets.find((candidate) => candidate.quality === condition.quality && candidate.coverage === condition.coverage);
    if (target !== undefined) {
      checks.push({ label: `${conditionName(condition)}: median ${seconds(median)} s (target ≤ ${target.seconds} s)`, isMet: median <= target.seconds, isRequired: false });
    }
    // Where the standard code does not always complete, the facilitator's larger code must.
    const fallback = largerResults.find((other) => sameCondition(other.condition, condition));
    // A code no whole frame of which was read completes only on lucky straddled captures: not counted.
    const isStandardWhole = completed === cameraTrials && result.rates.frame > 0;
    const isMet = isStandardWhole || fallback?.completed === cameraTrials;
    const by = isStandardWhole ? 'standard code' : `larger code, ${fallback === undefined ? 'not measured' : `median ${seconds(fallback.median)} s`}`;
    checks.push({ label: `${conditionName(condition)}: the transfer completes in every trial (${by})`, isMet, isRequired: false });
  }
  // A capture's read rate does not depend on how long a frame is held, and a straddle's share is
  // taken from each read's own timing, so other display rates are simulated on the same rates.
  const rateRows: string[][] = [];
  for (const result of standardResults.filter(({ condition }) => condition.coverage >= 0.4 && (condition.quality === 'typical' || condition.coverage === 0.8))) {
    const { orientation, quality, coverage } = result.condition;
    progress(`qr camera: display rates, ${conditionName(result.condition)}`);
    const medians = otherRates.map((rate) => {
      const shown: ShownCode = { texts: standard.frames, errorCorrection, display: { ...display, framesPerSecond: rate } };
      const transfer = simulateTransfer(shown, result.condition, result.rates, { trials: cameraTrials, seed: rate * 101 });
      return seconds(transfer.seconds[Math.floor((transfer.seconds.length - 1) / 2)] ?? Number.POSITIVE_INFINITY);
    });
    rateRows.push([orientation, quality, `${Math.round(coverage * 100)} %`, ...medians]);
  }
  const summaryRows: string[][] = [];
  const summaryCode: ShownCode = { texts: [summary], errorCorrection: 'M', display };
  let summaryWrong = 0;
  for (const orientation of ['landscape', 'portrait'] as const) {
    const condition: Condition = { quality: 'typical', orientation, coverage: 0.4 };
    progress(`qr camera: summary, ${conditionName(condition)}`);
    const tally = await measureDecoding(summaryCode, condition, { frameCaptures, straddledCaptures: 0 }, (seed += 1));
    summaryWrong += tally.wrongAccepted;
    summaryRows.push([orientation, 'typical', '40 %', String(qrMatrix(summary, 'M').size), `${tally.frameDecoded} / ${tally.frameCaptures}`]);
    checks.push({ label: `summary code, ${conditionName(condition)}: ${tally.frameDecoded} of ${tally.frameCaptures} captures read`, isMet: tally.frameDecoded === tally.frameCaptures, isRequired: false });
  }
  const all = [...standardResults, ...largerResults];
  const wrongTexts = all.reduce((sum, result) => sum + result.wrongTexts, 0);
  const wrongAccepted = all.reduce((sum, result) => sum + result.wrongAccepted, 0) + summaryWrong;
  checks.push({ label: `no wrong text reached the solver (${wrongTexts} wrong texts decoded, ${wrongAccepted} passed a part's CRC)`, isMet: wrongAccepted === 0, isRequired: true });
  return {
    notes: [
      `Camera model (scripts/camera): the kiosk's 1,000-answer frames as drawn on a 1920 × 1080 panel (code box ${codeBoxPixels('landscape')} px landscape, ${codeBoxPixels('portrait')} px portrait: ${describeShares()}), filmed by a 1280 × 720 camera (30 fps, 10 ms exposure, 25 ms rolling readout) against the panel's 60 Hz scan-out and 8 ms response; read by zxing-wasm with the receiver's options.`,
      `Coverage is distance: the share of the picture's height today's landscape box (${referenceBoxPixels} px) spans face-on; a larger box or a portrait kiosk spans more at the same distance (a hand-held phone keeps the turned, tilted code within 90 % of the picture, a steady one face-on within 95 %: the user steps back). Typical: 60 % contrast, glare, defocus σ 1.2 px, noise σ 4, JPEG 70, tilt 0–20°, roll ±8°. Clean: face-on, 95 % contrast, σ 0.5 px, noise 1.5, JPEG 90.`,
      `Per condition ${frameCaptures} captures of one frame and ${straddledCaptures} caught mid-change, each with its own pose (KERRO_BENCH_QR_CAPTURES, KERRO_BENCH_QR_STRADDLED); the transfer is ${cameraTrials} trials (KERRO_BENCH_QR_CAMERA_TRIALS) of a phone joining at a random moment, its receiver reading the newest camera frame every ${phoneReadLoop.minMs}–${phoneReadLoop.maxMs} ms, straddles from the timing of each read, decodes at the measured rates, parts into the receiver's solver. Floor: k fragments at ${framesPerSecond} fps, each caught once.`,
    ],
    tables: [
      { title: `Through the camera: 1,000 answers, standard code, ${fragmentSizes.standard} B, ${standard.fragmentCount} fragments, ECC ${errorCorrection}, ${framesPerSecond} fps`, columns, rows: standardResults.map((result) => result.row) },
      { title: `Through the camera: the larger code (the facilitator's choice), ${fragmentSizes.large} B, ${larger.fragmentCount} fragments, ECC ${errorCorrection}, ${framesPerSecond} fps`, columns, rows: largerResults.map((result) => result.row) },
      {
        title: `The standard code at other display rates: median s (rates read as measured above, ${cameraTrials} trials each)`,
        columns: ['kiosk', 'conditions', 'coverage', ...otherRates.map((rate) => `${rate} fps`)],
        rows: rateRows,
      },
      { title: 'The one-frame summary code (ECC M) through the camera', columns: ['kiosk', 'conditions', 'coverage', 'modules', 'read'], rows: summaryRows },
    ],
    checks,
  };
}

function sameCondition(one: Condition, other: Condition): boolean {
  return one.quality === other.quality && one.orientation === other.orientation && one.coverage === other.coverage;
}

function rateOf(read: number, of: number): number {
  return of === 0 ? 0 : read / of;
}

function seconds(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : 'never';
}

function describeShares(): string {
  const { landscape, portrait } = codeBoxShares;
  return `min(${landscape.heightShare * 100}vh, ${landscape.widthShare * 100}vw) and min(${portrait.widthShare * 100}vw, ${portrait.heightShare * 100}vh)`;
}
