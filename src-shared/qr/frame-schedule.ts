import { mixDegree } from './bc-ur';

/**
 * Which BC-UR parts to show, in which order. Parts 1…k are the plain fragments; every later
 * sequence number is a mix whose fragments bc-ur derives from the number and the checksum.
 *
 * First the k plain fragments, so a phone that sees every frame is done after k. Then mixes of
 * about half the fragments: to a receiver solving by elimination (fountain-solver.ts) such a mix
 * is new information almost surely, whichever frames it missed and wherever it started, so a
 * late or lossy phone still needs only about k + 2 frames it caught. The list then repeats.
 */
export function frameSchedule(fragmentCount: number, checksum: number, frameCount = defaultFrameCount(fragmentCount)): number[] {
  const schedule: number[] = [];
  for (let seqNum = 1; seqNum <= fragmentCount && schedule.length < frameCount; seqNum += 1) schedule.push(seqNum);
  if (fragmentCount === 1) return schedule;
  const wanted = fragmentCount / 2;
  let next = fragmentCount + 1;
  while (schedule.length < frameCount) {
    let best = next;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let seqNum = next; seqNum < next + candidatesPerMix; seqNum += 1) {
      const distance = Math.abs(mixDegree(seqNum, fragmentCount, checksum) - wanted);
      if (distance < bestDistance) {
        best = seqNum;
        bestDistance = distance;
      }
    }
    schedule.push(best);
    next = best + 1;
  }
  return schedule;
}

/** bc-ur's degrees fall off as 1/d; among this many numbers a mix of about k/2 is usually found. */
const candidatesPerMix = 48;

/** One round of plain fragments and two of mixes: a phone losing a third of the frames still finishes inside it. */
export function defaultFrameCount(fragmentCount: number): number {
  return fragmentCount === 1 ? 1 : fragmentCount * 3;
}
