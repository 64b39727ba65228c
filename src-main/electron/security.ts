import type { BrowserWindowConstructorOptions, Input } from 'electron';
import { isLeavingShortcut } from '../../src-shared/kiosk/leaving-keys';

/** The screens are served from this origin by our own protocol handler, never from file:// or the web. */
export const appScheme = 'kerro';
export const appOrigin = `${appScheme}://app`;
export const appStartUrl = `${appOrigin}/index.html`;

/**
 * Every security choice for the kiosk window, in one place. `isDevelopment` only opens the
 * developer tools; nothing else loosens.
 */
export function kioskWindowOptions(preloadPath: string, isDevelopment: boolean): BrowserWindowConstructorOptions {
  return {
    // A kiosk fills the screen and offers no window frame, menu or title bar to escape through.
    kiosk: !isDevelopment,
    fullscreen: !isDevelopment,
    autoHideMenuBar: true,
    // Shown only once painted, so a parent never sees a white flash or a half-built screen.
    show: false,
    backgroundColor: '#fff8ee',
    webPreferences: {
      preload: preloadPath,
      // The preload runs in its own world; the page cannot reach Electron or Node through it.
      contextIsolation: true,
      // The renderer is an ordinary sandboxed Chromium process.
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would open links in new windows, which are refused anyway.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: isDevelopment,
      safeDialogs: true,
    },
  };
}

/** Only our own pages may be shown; a reload of the start page is the one navigation there is. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === appOrigin;
  } catch {
    return false;
  }
}

export interface SenderFrame {
  url: string;
  isTopFrame: boolean;
}

/** An IPC call is served only when it comes from our own page in the top frame. */
export function isTrustedSender(frame: SenderFrame | null): boolean {
  return frame !== null && frame.isTopFrame && isAllowedNavigation(frame.url);
}

type KeyInput = Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>;

/** Keys that close, reload, print, zoom or open tools; a kiosk needs none of them. */
export function shouldBlockInput(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  return isLeavingShortcut(input);
}
