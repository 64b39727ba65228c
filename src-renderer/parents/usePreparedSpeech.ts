import { useEffect, useRef } from 'react';
import { prepareSpeech } from './speech';

/**
 * Starts the bundled voice on a visitor's touch anywhere (the pointer going down, before any
 * button acts), so that words asked for then or later come without the engine's start-up wait;
 * the children's screens say their question on arrival, and the touch on "Lapsille" starts the
 * voice while their screen loads. Nothing is fetched before someone touches the screen.
 */
export function usePreparedSpeech(language: string, isActive: boolean): void {
  const current = useRef(language);
  current.current = language;
  useEffect(() => {
    if (!isActive) return undefined;
    const prepare = (event: PointerEvent) => {
      // Staff holding the hidden corner are on their way to the staff area, which never speaks.
      if (event.target instanceof Element && event.target.closest('[data-staff-corner]') !== null) return;
      prepareSpeech(current.current);
    };
    document.addEventListener('pointerdown', prepare, { capture: true, passive: true });
    return () => document.removeEventListener('pointerdown', prepare, { capture: true });
  }, [isActive]);
}
