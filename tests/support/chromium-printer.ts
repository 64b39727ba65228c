import type { Browser } from 'playwright-core';
import type { PdfPrinter } from '../../src-main/core/documents/pdf-printer';
import { launchChromium } from './browser-shell';

export interface ChromiumPrinter {
  /** Prints as the Electron shell does: A4, backgrounds, the page's own margins, no script. */
  print: PdfPrinter;
  /** How many pages it was asked to print. */
  readonly printed: number;
  close(): Promise<void>;
}

/**
 * A real printer for the tests: Debian's Chromium through playwright-core, each page in a fresh
 * context with JavaScript off, `setContent` then `page.pdf`, so a test reads back real PDFs.
 */
export async function openChromiumPrinter(): Promise<ChromiumPrinter> {
  const browser: Browser = await launchChromium();
  let printed = 0;
  return {
    print: async (html) => {
      printed += 1;
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.setContent(html);
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close();
      }
    },
    get printed() {
      return printed;
    },
    close: () => browser.close(),
  };
}
