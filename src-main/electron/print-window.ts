import { BrowserWindow, session } from 'electron';
import type { PdfPrinter } from '../core/documents/pdf-printer';
import { isAllowedPrintRequest, printHtmlToPdf, printPartition, printWindowOptions, type PrintSurface } from './pdf-print';

/** The Electron shell's printer for exports: each page in a hidden window of its own, closed after. */
export function createWindowPrinter(): PdfPrinter {
  let isPrepared = false;
  return (html) => {
    if (!isPrepared) {
      prepareSession();
      isPrepared = true;
    }
    return printHtmlToPdf(openWindowSurface, html);
  };
}

function prepareSession(): void {
  const printSession = session.fromPartition(printPartition);
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.setPermissionCheckHandler(() => false);
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPrintRequest(details.url) }));
}

function openWindowSurface(): PrintSurface {
  const window = new BrowserWindow(printWindowOptions());
  const contents = window.webContents;
  // The page has nowhere to go: not by a link, a refresh or a redirect, nor into a new window.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  return {
    load: (url) => window.loadURL(url),
    print: (options) => contents.printToPDF(options),
    onGone: (listener) => contents.once('render-process-gone', (_event, details) => listener(details.reason)),
    close: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}
