import { useEffect, useState } from 'react';
import type { KioskInfo } from '../../src-shared/contract/kiosk';
import type { Outcome } from '../../src-shared/contract/outcomes';
import { client } from '../api/transport';

export type CurrentOutcome = Pick<Outcome, 'id' | 'text'>;

/** A kiosk may stand idle on its start screen past midnight; the day's outcomes are asked for again this often. */
const refreshMs = 10 * 60_000;

/**
 * The outcomes the kiosk shows today by its own clock; none when it cannot say. Kept for the whole
 * session rather than by the start screen, which is built anew for every parent: asking on every
 * visit cost a request per answer and showed the band a moment late each time. They are asked
 * for again whenever the kiosk's settings are read again (as after the staff area, where outcomes
 * are edited) and on the timer.
 */
export function useCurrentOutcomes(kiosk: KioskInfo | null): readonly CurrentOutcome[] {
  const [outcomes, setOutcomes] = useState<readonly CurrentOutcome[]>([]);
  useEffect(() => {
    if (kiosk === null) return undefined;
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
  }, [kiosk]);
  return outcomes;
}
