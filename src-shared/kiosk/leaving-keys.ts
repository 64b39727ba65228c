/** A key press as both shells see it: Electron's before-input-event and the page's keydown. */
export interface KeyPress {
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const leavingWithControl = new Set(['w', 'r', 'q', 'p', 'n', 't', 'o', 's', 'f', 'g', 'u', 'j', 'l', '+', '-', '=', '0']);
const leavingAlone = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh']);
const leavingWithControlShift = new Set(['i', 'j', 'c', 'delete']);

/**
 * Keys that close, reload, print, zoom, open the address bar or the developer tools: a kiosk
 * needs none of them. Electron refuses them before the page sees them; in a browser kiosk the
 * page refuses them itself, which Chromium honours for its own shortcuts only in kiosk
 * (full-screen) mode, the mode the browser kiosk runs in.
 */
export function isLeavingShortcut(press: KeyPress): boolean {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const command = press.control || press.meta;
  if (leavingAlone.has(key)) return true;
  if (press.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (command && press.shift && leavingWithControlShift.has(key.toLowerCase())) return true;
  if (command && leavingWithControl.has(key)) return true;
  return false;
}
