import { type FountainPart, partOfBody, payloadOfUrMessage } from './bc-ur';
import { FountainSolver } from './fountain-solver';
import { batchUrType, transferLimits } from './transfer-defaults';

export type IgnoredReason = 'notOurs' | 'damaged' | 'tooLarge' | 'duplicate';

export type FrameOutcome =
  | { kind: 'ignored'; reason: IgnoredReason }
  /** `known` of `needed` fragments recovered for the batch this frame belongs to. */
  | { kind: 'progress'; checksum: number; known: number; needed: number }
  | { kind: 'complete'; checksum: number; payload: Uint8Array };

/** A phone may see codes of two kiosks in a row; past this many batches at once the stalest goes. */
const maxBatchesAtOnce = 3;

const sequencePattern = /^(\d{1,9})-(\d{1,9})$/;

/**
 * Collects BC-UR parts of Kerro batches from scanned texts, in any order, with any part missed.
 * Every text is checked before bc-ur sees it: our `ur:` type, a sane part count and size (a
 * forged count stalls bc-ur's decoder), the body's CRC. Parts of different batches (told apart
 * by the checksum every part carries) go to separate solvers, so a stray code from another
 * kiosk cannot spoil the batch being read.
 */
export class FrameReceiver {
  private readonly solvers = new Map<number, { solver: FountainSolver; lastSeen: number }>();
  private readonly finished = new Set<number>();
  private clock = 0;

  receive(text: string): FrameOutcome {
    const part = parsePart(text);
    if (typeof part === 'string') return { kind: 'ignored', reason: part };
    if (this.finished.has(part.checksum)) return { kind: 'ignored', reason: 'duplicate' };
    this.clock += 1;
    const entry = this.solverFor(part);
    const { solver } = entry;
    // Same checksum, other shape: a forged or garbled part, never the batch being read.
    if (solver.seqLength !== part.seqLength || solver.messageLength !== part.messageLength || solver.fragmentLength !== part.fragment.length) {
      return { kind: 'ignored', reason: 'damaged' };
    }
    entry.lastSeen = this.clock;
    solver.add(part.seqNum, part.fragment);
    if (!solver.isComplete) return { kind: 'progress', checksum: part.checksum, known: solver.rank, needed: solver.seqLength };
    this.solvers.delete(part.checksum);
    const message = solver.message();
    let payload: Uint8Array | null = null;
    try {
      // A message whose CRC32 fails was made of forged or mixed-up parts: start over.
      if (message !== null) payload = payloadOfUrMessage(message, batchUrType);
    } catch {
      payload = null;
    }
    if (payload === null) return { kind: 'ignored', reason: 'damaged' };
    this.finished.add(part.checksum);
    return { kind: 'complete', checksum: part.checksum, payload };
  }

  /** Forgets a batch, e.g. after the receiver refused it, so it can be read again. */
  forget(checksum: number): void {
    this.finished.delete(checksum);
    this.solvers.delete(checksum);
  }

  private solverFor(part: FountainPart): { solver: FountainSolver; lastSeen: number } {
    let entry = this.solvers.get(part.checksum);
    if (entry === undefined) {
      if (this.solvers.size >= maxBatchesAtOnce) {
        const stalest = [...this.solvers.entries()].sort(([, left], [, right]) => left.lastSeen - right.lastSeen)[0];
        if (stalest !== undefined) this.solvers.delete(stalest[0]);
      }
      entry = { solver: new FountainSolver(part.seqLength, part.messageLength, part.checksum, part.fragment.length), lastSeen: this.clock };
      this.solvers.set(part.checksum, entry);
    }
    return entry;
  }
}

/** The part in a scanned text, or why it is not one of ours. */
export function parsePart(text: string): FountainPart | IgnoredReason {
  const lower = text.trim().toLowerCase();
  const prefix = `ur:${batchUrType}/`;
  if (!lower.startsWith(prefix)) return 'notOurs';
  const components = lower.slice(prefix.length).split('/');
  const [sequence, body] = components;
  if (components.length !== 2 || sequence === undefined || body === undefined) return 'damaged';
  const match = sequencePattern.exec(sequence);
  if (match === null) return 'damaged';
  const seqNum = Number(match[1]);
  const seqLength = Number(match[2]);
  if (seqNum < 1 || seqLength < 1) return 'damaged';
  if (seqLength > transferLimits.maxParts) return 'tooLarge';
  // Two letters per byte, before the CRC check makes bc-ur walk it.
  if (body.length > (transferLimits.maxFragmentBytes + 64) * 2) return 'tooLarge';
  let part: FountainPart;
  try {
    part = partOfBody(body);
  } catch {
    return 'damaged';
  }
  if (part.seqNum !== seqNum || part.seqLength !== seqLength) return 'damaged';
  if (part.messageLength > transferLimits.maxMessageBytes || part.fragment.length > transferLimits.maxFragmentBytes) return 'tooLarge';
  // bc-ur cuts the message into seqLength fragments of one length, the last padded.
  const fragmentLength = part.fragment.length;
  if (fragmentLength === 0 || part.messageLength > seqLength * fragmentLength || part.messageLength <= (seqLength - 1) * fragmentLength) {
    return 'damaged';
  }
  return part;
}
