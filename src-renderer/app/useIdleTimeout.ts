import { useEffect, useRef } from 'react';

const activityEvents = ['pointerdown', 'keydown', 'wheel'] as const;

/** Calls `onIdle` once no one has touched the screen for `seconds`; any touch starts the wait again. */
export function useIdleTimeout(isEnabled: boolean, seconds: number, onIdle: () => void): void {
  const latestOnIdle = useRef(onIdle);
  latestOnIdle.current = onIdle;
  useEffect(() => {
    if (!isEnabled) return undefined;
    let timer = window.setTimeout(() => latestOnIdle.current(), seconds * 1000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latestOnIdle.current(), seconds * 1000);
    };
    for (const name of activityEvents) window.addEventListener(name, restart, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, restart);
    };
  }, [isEnabled, seconds]);
}
