import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * After one parent is thanked, the start screen ignores taps for a moment: the hand that just
 * tapped "back" or a child still drumming on the glass should not give the next answer.
 */
export function useCoolDown(durationMs: number): [isCoolingDown: boolean, start: () => void] {
  const [isCoolingDown, setIsCoolingDown] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const start = useCallback(() => {
    window.clearTimeout(timer.current);
    setIsCoolingDown(true);
    timer.current = window.setTimeout(() => setIsCoolingDown(false), durationMs);
  }, [durationMs]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return [isCoolingDown, start];
}
