import { chooseFragments } from '../../src-shared/qr/bc-ur';
import type { FragmentChoice } from '../../src-shared/qr/fountain-solver';

/**
 * bc-ur's chooseFragments, each answer kept: a simulation runs hundreds of trials over the same
 * parts, and the generator (BigNumber arithmetic) was most of its time. The answers are the same.
 */
export function rememberedChoice(): FragmentChoice {
  const known = new Map<string, readonly number[]>();
  return (seqNum, seqLength, checksum) => {
    const key = `${seqNum}/${seqLength}/${checksum}`;
    let indexes = known.get(key);
    if (indexes === undefined) {
      indexes = chooseFragments(seqNum, seqLength, checksum);
      known.set(key, indexes);
    }
    return indexes;
  };
}
