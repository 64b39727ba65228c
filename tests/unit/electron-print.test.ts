import type { PrintToPDFOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintFailureView } from '../../src-shared/contract/exports';
import { printPdf } from '../../src-main/core/documents/pdf-printer';
import { printFailureOf } from '../../src-main/core/documents/print-failure';
import {
  isAllowedPrintRequest,
  pdfOptions,
  printHtmlToPdf,
  printPartition,
  printSource,
  printSourceLimit,
  printWindowOptions,
  type PrintSurface,
} from '../../src-main/electron/pdf-print';
import { launchChromium } from '../support/browser-shell';
import { pdfText } from '../support/pdf-reader';
import { makeTempDir } from '../support/temp-dir';

/** A stand-in for the hidden window that records what was done to it. */
function fakeSurface(behaviour: { load?: () => Promise<void>; print?: () => Promise<Uint8Array>; goneWith?: string }) {
  const log: string[] = [];
  const surface: PrintSurface = {
    load: async (url) => {
      log.push(`load ${url.slice(0, 30)}`);
      await (behaviour.load ?? (async () => undefined))();
    },
    print: async (options) => {
      log.push(`print ${JSON.stringify(options)}`);
      return (behaviour.print ?? (async () => new TextEncoder().encode('%PDF-1.4 fake')))();
    },
    onGone: (listener) => {
      const reason = behaviour.goneWith;
      if (reason !== undefined) setTimeout(() => listener(reason), 5);
    },
    close: () => log.push('close'),
  };
  return { surface, log };
}

/** How a print ended, as the export result would carry it; null when it printed. */
async function failureOf(print: Promise<Uint8Array>): Promise<PrintFailureView | null> {
  return print.then(
    () => null,
    (error: unknown) => printFailureOf(error),
  );
}

/** The `data:` URL's size in KB for `html`, worked out here rather than by the code under test. */
const sourceKilobytes = (html: string) => Math.round(('data:text/html;charset=utf-8;base64,'.length + Buffer.from(html, 'utf8').toString('base64').length) / 1024);

describe('the print window’s settings', () => {
  it('is hidden, sandboxed and isolated, runs no script, has no preload, and lives in a session of its own that is not kept on disk', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    const preferences = options.webPreferences;
    expect(preferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
      partition: printPartition,
    });
    expect(preferences?.preload).toBeUndefined();
    expect(printPartition.startsWith('persist:')).toBe(false);
  });

  it('prints A4 with backgrounds and the page’s own @page rule', () => {
    expect(pdfOptions).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true } satisfies PrintToPDFOptions);
  });

  it('loads the page from a data: URL and nothing else', () => {
    const html = '<!doctype html><p>Hyvää päivää – ääkköset</p>';
    const url = printSource(html);
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')).toBe(html);
    expect(() => printSource('x'.repeat(printSourceLimit))).toThrow('too large to print');
    expect(isAllowedPrintRequest(url)).toBe(true);
    for (const other of ['kerro://app/index.html', 'https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1:4730/api/kiosk.info']) {
      expect(isAllowedPrintRequest(other), other).toBe(false);
    }
  });
});

describe('printing a page in a hidden window', () => {
  it('loads, prints with the A4 options, and closes the window after', async () => {
    const { surface, log } = fakeSurface({});
    const pdf = await printHtmlToPdf(() => surface, '<p>hei</p>');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4 fake');
    expect(log).toEqual(['load data:text/html;charset=utf-8;b', `print ${JSON.stringify(pdfOptions)}`, 'close']);
  });

  it('closes the window when the print fails, when the page’s process dies, and when it takes too long, and names each kind', async () => {
    const failing = fakeSurface({ print: async () => Promise.reject(new Error('printing failed')) });
    expect(await failureOf(printHtmlToPdf(() => failing.surface, '<p>hei</p>'))).toEqual({ reason: 'other', detail: 'printing failed' });
    expect(failing.log.at(-1)).toBe('close');

    const gone = fakeSurface({ load: () => new Promise(() => undefined), goneWith: 'crashed' });
    expect(await failureOf(printHtmlToPdf(() => gone.surface, '<p>hei</p>'))).toEqual({ reason: 'stopped', detail: 'the print page stopped (crashed)' });
    expect(gone.log.at(-1)).toBe('close');

    const stuck = fakeSurface({ load: () => new Promise(() => undefined) });
    expect(await failureOf(printHtmlToPdf(() => stuck.surface, '<p>hei</p>', 600))).toEqual({
      reason: 'timeout',
      seconds: 1,
      detail: 'the page did not print within 1 s',
    });
    expect(stuck.log).toEqual(['load data:text/html;charset=utf-8;b', 'close']);
  });

  it('opens no window for a page too large to load, and says how large it was', async () => {
    let opened = 0;
    const html = 'x'.repeat(printSourceLimit);
    const failure = await failureOf(
      printHtmlToPdf(() => {
        opened += 1;
        return fakeSurface({}).surface;
      }, html),
    );
    const kilobytes = sourceKilobytes(html);
    expect(kilobytes).toBeGreaterThan(printSourceLimit / 1024);
    expect(failure).toEqual({ reason: 'tooLarge', kilobytes, detail: `the page is too large to print (${kilobytes} KB)` });
    expect(opened).toBe(0);
  });

  it('keeps the shell’s kind when the core’s printPdf passes the failure on, rather than making it “other”', async () => {
    const shellPrinter = (surface: PrintSurface) => (html: string) => printHtmlToPdf(() => surface, html, 600);
    const gone = fakeSurface({ load: () => new Promise(() => undefined), goneWith: 'oom' });
    expect(await failureOf(printPdf(shellPrinter(gone.surface), '<p>hei</p>'))).toEqual({ reason: 'stopped', detail: 'the print page stopped (oom)' });
    const stuck = fakeSurface({ load: () => new Promise(() => undefined) });
    expect(await failureOf(printPdf(shellPrinter(stuck.surface), '<p>hei</p>'))).toMatchObject({ reason: 'timeout', seconds: 1 });
    const html = 'x'.repeat(printSourceLimit);
    expect(await failureOf(printPdf(shellPrinter(fakeSurface({}).surface), html))).toMatchObject({ reason: 'tooLarge', kilobytes: sourceKilobytes(html) });
  });
});

describe('the same flow in a real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('prints the data: URL to an A4 PDF that reads back', async () => {
    let page: Page | null = null;
    let isClosed = false;
    const surface: PrintSurface = {
      load: async (url) => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        page = await context.newPage();
        await page.goto(url);
      },
      print: async (options) => {
        if (page === null) throw new Error('not loaded');
        return page.pdf({ format: options.pageSize === 'A4' ? 'A4' : 'Letter', printBackground: options.printBackground, preferCSSPageSize: options.preferCSSPageSize });
      },
      onGone: () => undefined,
      close: () => {
        isClosed = true;
        void page?.context().close();
      },
    };
    const pdf = await printHtmlToPdf(() => surface, '<!doctype html><html lang="fi"><meta charset="utf-8"><body><h1>Asiakasraadin raportti</h1><p>Vastauksia: 14</p></body></html>');
    const path = join(await makeTempDir(), 'page.pdf');
    await writeFile(path, pdf);
    expect(await pdfText(path)).toContain('Asiakasraadin raportti Vastauksia: 14');
    expect(isClosed).toBe(true);
  });
});
