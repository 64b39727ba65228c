import { useEffect } from 'react';

/** Marks the frame in which a screen was first painted, for the tap-to-thank-you benchmark. */
export function usePaintMark(name: string): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => performance.mark(name));
    return () => cancelAnimationFrame(frame);
  }, [name]);
}
