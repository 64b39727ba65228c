import { useCallback, useRef, type MouseEvent, type PointerEvent } from 'react';

/**
 * Acts when a finger or mouse button that went down on this button is lifted over it, without
 * waiting for the click the browser synthesises a frame later. Sliding off before lifting
 * cancels, as with any button. A keyboard or screen reader activation arrives as a click with
 * no pointer (detail 0) and acts too.
 */
export function useTap(onTap: () => void) {
  const pressedBy = useRef<number | null>(null);
  const onPointerDown = useCallback((event: PointerEvent<HTMLElement>) => {
    // Touch pointers are captured by the element they started on; release that so `pointerup`
    // is reported where the finger really is lifted.
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    pressedBy.current = event.button === 0 ? event.pointerId : null;
  }, []);
  const onPointerUp = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const wasPressedHere = pressedBy.current === event.pointerId;
      pressedBy.current = null;
      if (!wasPressedHere) return;
      const box = event.currentTarget.getBoundingClientRect();
      const isInside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (isInside) onTap();
    },
    [onTap],
  );
  const onPointerCancel = useCallback(() => {
    pressedBy.current = null;
  }, []);
  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.detail === 0) onTap();
    },
    [onTap],
  );
  return { onPointerDown, onPointerUp, onPointerCancel, onPointerLeave: onPointerCancel, onClick };
}
