import { useEffect, useRef } from 'react';

/**
 * Moves focus to a screen's heading when the screen appears. The button that led here is gone,
 * and focus left on nothing would send a screen reader or keyboard user back to the page's top.
 */
export function useFocusOnShow<Element extends HTMLElement>() {
  const target = useRef<Element>(null);
  useEffect(() => target.current?.focus({ preventScroll: true }), []);
  return target;
}
