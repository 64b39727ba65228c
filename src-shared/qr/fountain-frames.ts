import { chooseFragments, crcOf, fountainEncodingOf, partBody, urMessageOf } from './bc-ur';
import { batchUrType } from './transfer-defaults';
import { frameSchedule } from './frame-schedule';

/**
 * The payload as BC-UR parts. Parts are made for chosen sequence numbers (see frame-schedule.ts)
 * rather than 1, 2, 3…, which any BC-UR decoder accepts. Upper case, so a QR code stores the
 * words in alphanumeric mode: 3–7 versions smaller than lower case in byte mode.
 */
export interface FountainFrames {
  /** One text per frame, in the order to show them; the order repeats. */
  frames: string[];
  /** Fragments the payload was cut into: no receiver can finish with fewer frames. */
  fragmentCount: number;
  fragmentLength: number;
  checksum: number;
}

export function fountainFrames(payload: Uint8Array, fragmentSize: number, frameCount?: number): FountainFrames {
  const message = urMessageOf(payload);
  const encoding = fountainEncodingOf(message, fragmentSize);
  const { fragmentCount } = encoding;
  const checksum = crcOf(message);
  const schedule = frameSchedule(fragmentCount, checksum, frameCount);
  const frames = schedule.map((seqNum) => {
    const fragment = encoding.mix(chooseFragments(seqNum, fragmentCount, checksum));
    const body = partBody({ seqNum, seqLength: fragmentCount, messageLength: message.length, checksum, fragment });
    return `ur:${batchUrType}/${seqNum}-${fragmentCount}/${body}`.toUpperCase();
  });
  return { frames, fragmentCount, fragmentLength: encoding.fragmentLength, checksum };
}
