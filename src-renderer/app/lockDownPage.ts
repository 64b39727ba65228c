const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

/**
 * What a browser offers on a long press, a right click or a drag would lead a parent out of the
 * kiosk: a context menu, a selection handle, a dragged image, a dropped file opened in place.
 */
export function lockDownPage(target: Document): void {
  const prevent = (event: Event) => event.preventDefault();
  target.addEventListener('contextmenu', prevent);
  target.addEventListener('dragstart', prevent);
  target.addEventListener('dragover', prevent);
  target.addEventListener('drop', prevent);
  target.addEventListener('selectstart', (event) => {
    if (!isTextField(event.target)) event.preventDefault();
  });
  // A second finger would zoom the page off screen; Chromium only honours this with passive: false.
  target.addEventListener(
    'touchmove',
    (event) => {
      if (event.touches.length > 1) event.preventDefault();
    },
    { passive: false },
  );
}
