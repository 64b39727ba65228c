import type { ScreenOrientation } from '../../src-shared/qr/code-layout';
import type { Optics } from './capture';
import { referenceBoxPixels, type Pose } from './pose';

/**
 * The conditions a facilitator's phone meets. "Typical": a phone held by hand at a kiosk under
 * room light (the field notes' simulation): a glossy panel at 60 % contrast with a reflection,
 * slight defocus (σ 1.2 px), sensor noise σ 4, the camera's JPEG at 70, tilted anywhere from 0
 * to 20° and turned up to 8°. "Clean": face-on, sharp, full contrast, little noise: the best a
 * steady hand gets.
 */
export type Quality = 'typical' | 'clean';

export interface Condition {
  quality: Quality;
  orientation: ScreenOrientation;
  /** Distance, as the share of the picture's height today's landscape code box spans (pose.ts). */
  coverage: number;
}

export const optics: Record<Quality, Optics> = {
  typical: { whiteLevel: 215, contrast: 0.6, glare: 40, blurSigma: 1.2, noiseSigma: 4, jpegQuality: 70 },
  clean: { whiteLevel: 235, contrast: 0.95, glare: 0, blurSigma: 0.5, noiseSigma: 1.5, jpegQuality: 90 },
};

/**
 * No phone user holds the code larger than this share of the picture's height: they step back.
 * A hand-held phone keeps the whole code, turned and tilted, inside 90 % of the picture (its
 * corners outside, no decoder can read it, and the user sees that); a steady one face-on, 95 %.
 */
const largestShare = { typical: 0.9, clean: 0.95 } as const satisfies Record<Quality, number>;

/** A pose for one capture in the condition, drawn from `random`. */
export function poseFor(condition: Condition, boxSide: number, random: () => number): Pose {
  const faceOnLimit = (largestShare.clean * referenceBoxPixels) / boxSide;
  if (condition.quality === 'clean') return { coverage: Math.min(condition.coverage, faceOnLimit), tiltDegrees: 0, tiltAxisDegrees: 0, rollDegrees: 0, offsetX: 0, offsetY: 0 };
  const tiltDegrees = 20 * random();
  const tiltAxisDegrees = 360 * random();
  const rollDegrees = 16 * random() - 8;
  // The turned square's height, and the near edge's growth under tilt (about half of sin(tilt) at arm's length).
  const roll = (rollDegrees * Math.PI) / 180;
  const spread = (Math.abs(Math.cos(roll)) + Math.abs(Math.sin(roll))) * (1 + 0.5 * Math.sin((tiltDegrees * Math.PI) / 180));
  const coverage = Math.min(condition.coverage, (largestShare.typical * referenceBoxPixels) / (boxSide * spread));
  // Off-centre by up to a tenth of the room left around the code.
  const codeHeight = (coverage * 720 * boxSide * spread) / referenceBoxPixels;
  const room = Math.max(0, 720 - codeHeight) / 2;
  return {
    coverage,
    tiltDegrees,
    tiltAxisDegrees,
    rollDegrees,
    offsetX: (random() * 2 - 1) * room * 0.5,
    offsetY: (random() * 2 - 1) * room * 0.5,
  };
}

export function conditionName(condition: Condition): string {
  return `${condition.quality} ${condition.orientation} ${Math.round(condition.coverage * 100)} %`;
}
