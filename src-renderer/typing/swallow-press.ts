const restOfPress = ['pointerup', 'touchend', 'mousedown', 'mouseup', 'click'] as const;

/** Longer than any press lasts; a press still going then is left alone. */
const longestPressMs = 1500;

/**
 * The keyboard's keys act when pressed down, so "Done" hides the keyboard while the finger is
 * still on the glass. What lay under the keyboard would then get the rest of that touch (the
 * browser's mouse events and click) and press itself: here the rest of the press is eaten
 * instead, until the next press begins.
 */
export function swallowRestOfPress(): void {
  const eat = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.type === 'click') end();
  };
  const end = () => {
    window.clearTimeout(timer);
    for (const type of restOfPress) window.removeEventListener(type, eat, { capture: true });
    window.removeEventListener('pointerdown', end, { capture: true });
  };
  for (const type of restOfPress) window.addEventListener(type, eat, { capture: true, passive: false });
  window.addEventListener('pointerdown', end, { capture: true });
  const timer = window.setTimeout(end, longestPressMs);
}
