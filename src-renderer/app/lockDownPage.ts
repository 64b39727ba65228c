import { isLeavingShortcut } from '../../src-shared/kiosk/leaving-keys';

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

/**
 * What a browser offers on a long press, a right click or a drag would lead a parent out of the
 * kiosk: a context menu, a selection handle, a dragged image, a dropped file opened in place;
 * so would the browser's own shortcuts (close, reload, address bar, developer tools), which a
 * browser kiosk's Chromium lets the page refuse.
 */
export function lockDownPage(target: Document): void {
  const prevent = (event: Event) => event.preventDefault();
  target.addEventListener('contextmenu', prevent);
  target.addEventListener('dragstart', prevent);
  target.addEventListener(
    'keydown',
    (event) => {
      if (isLeavingShortcut({ key: event.key, control: event.ctrlKey, meta: event.metaKey, alt: event.altKey, shift: event.shiftKey })) event.preventDefault();
    },
    { capture: true },
  );
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
