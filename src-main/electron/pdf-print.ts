import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { PrintFailure } from '../core/documents/print-failure';

/**
 * An in-memory session of its own (no `persist:`): the app's `kerro://` handler, cookies and
 * cache are not in it, and nothing it loads is kept on disk.
 */
export const printPartition = 'kerro-print';

/** A page that has not printed by then is given up and its window closed. */
export const printWindowTimeoutMs = 30_000;

/** Chromium refuses a longer URL; a page this large is not one to print at a meeting either. */
export const printSourceLimit = 2 * 1024 * 1024;

/** A4 with the page's own margins and colours, as the HTML's `@page` rule lays it out. */
export const pdfOptions = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const satisfies PrintToPDFOptions;

/**
 * The hidden window a page is printed in. It shows our own HTML only, which needs nothing but
 * layout: no script runs, no preload is there to reach, and its session is a separate one.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    // A4 at 96 px per inch, so the layout is the printed one from the start.
    width: 794,
    height: 1123,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      partition: printPartition,
      // The page is ours and made of HTML and inline SVG; nothing in it needs to run.
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // No one clicks in a hidden window; kept off as in the kiosk window, so no link can open one.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      images: true,
      webgl: false,
      // A hidden window would otherwise be throttled and could take long to lay out.
      backgroundThrottling: false,
    },
  };
}

/** The page as a `data:` URL, so it is never written to disk; refused when Chromium could not load it. */
export function printSource(html: string): string {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  if (url.length > printSourceLimit) {
    const kilobytes = Math.round(url.length / 1024);
    throw new PrintFailure({ reason: 'tooLarge', kilobytes, detail: `the page is too large to print (${kilobytes} KB)` });
  }
  return url;
}

/** The print session loads the page's own `data:` URL and nothing else. */
export function isAllowedPrintRequest(url: string): boolean {
  return url.startsWith('data:');
}

/** What printing needs of a hidden window; the Electron shell gives a real one, the tests another. */
export interface PrintSurface {
  /** Resolves once the page has loaded. */
  load(url: string): Promise<void>;
  print(options: PrintToPDFOptions): Promise<Uint8Array>;
  /** Called if the page's process dies before the print is done. */
  onGone(listener: (reason: string) => void): void;
  close(): void;
}

/**
 * Prints one page in a fresh surface and closes it, whatever happens: printed, failed, its
 * process gone, or out of time.
 */
export async function printHtmlToPdf(openSurface: () => PrintSurface, html: string, timeoutMs = printWindowTimeoutMs): Promise<Uint8Array> {
  const url = printSource(html);
  const surface = openSurface();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopped = new Promise<never>((_resolve, reject) => {
    const seconds = Math.round(timeoutMs / 1000);
    timer = setTimeout(() => reject(new PrintFailure({ reason: 'timeout', seconds, detail: `the page did not print within ${seconds} s` })), timeoutMs);
    surface.onGone((reason) => reject(new PrintFailure({ reason: 'stopped', detail: `the print page stopped (${reason})` })));
  });
  // Settled after the print is over, it must not count as an unhandled rejection: the shell restarts on those.
  stopped.catch(() => undefined);
  try {
    await Promise.race([surface.load(url), stopped]);
    return await Promise.race([surface.print(pdfOptions), stopped]);
  } finally {
    clearTimeout(timer);
    surface.close();
  }
}
