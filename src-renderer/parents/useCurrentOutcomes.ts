import { useEffect, useState } from 'react';
import type { Outcome } from '../../src-shared/contract/outcomes';
import { client } from '../api/transport';

export type CurrentOutcome = Pick<Outcome, 'id' | 'text'>;

/** A kiosk may stand idle on its start screen past midnight; the day's outcomes are asked for again this often. */
const refreshMs = 10 * 60_000;

/** The outcomes the kiosk shows today by its own clock; none when it cannot say. */
export function useCurrentOutcomes(): readonly CurrentOutcome[] {
  const [outcomes, setOutcomes] = useState<readonly CurrentOutcome[]>([]);
  useEffect(() => {
    let isCurrent = true;
    const load = async () => {
      const result = await client.call('outcomes.current', {});
      // A failed call keeps what was shown: the band is a courtesy, never a reason to show an error.
      if (isCurrent && result.ok) setOutcomes(result.value.outcomes);
    };
    void load();
    const timer = window.setInterval(() => void load(), refreshMs);
    return () => {
      isCurrent = false;
      window.clearInterval(timer);
    };
  }, []);
  return outcomes;
}
