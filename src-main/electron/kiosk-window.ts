import { BrowserWindow, type WebContents } from 'electron';
import type { Logger } from '../core/logger';
import { appStartUrl, isAllowedNavigation, kioskWindowOptions, shouldBlockInput } from './security';

/** Applies the kiosk rules to every web contents the app ever creates. */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input)) event.preventDefault();
  });
  contents.on('context-menu', (event) => event.preventDefault());
}

/**
 * The parents' screen comes back on its own: a crashed renderer is reloaded at the start screen,
 * a hung one is crashed so that it can be. Only the kiosk window: a hidden print window that
 * fails is closed by its printer, and must not be turned into a second kiosk.
 */
function recoverFromFaults(contents: WebContents, logger: Logger): void {
  contents.on('render-process-gone', (_event, details) => {
    logger.error('renderer.gone', { reason: details.reason });
    if (!contents.isDestroyed()) void contents.loadURL(appStartUrl);
  });
  contents.on('unresponsive', () => {
    logger.error('renderer.unresponsive');
    if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
  });
}

export function createKioskWindow(preloadPath: string, isDevelopment: boolean, logger: Logger): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions(preloadPath, isDevelopment));
  recoverFromFaults(window.webContents, logger);
  window.removeMenu();
  // Pinch and ctrl-wheel zoom would leave the layout half off screen with no way back.
  void window.webContents.setVisualZoomLevelLimits(1, 1);
  window.webContents.on('zoom-changed', () => window.webContents.setZoomFactor(1));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appStartUrl);
  return window;
}
