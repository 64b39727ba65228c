import { describe, expect, it } from 'vitest';
import { printFailureSchema, type PrintFailureView } from '../../src-shared/contract/exports';
import { printPdf } from '../../src-main/core/documents/pdf-printer';
import { PrintFailure, printFailureOf } from '../../src-main/core/documents/print-failure';

async function failureOf(print: Promise<Uint8Array>): Promise<PrintFailureView | null> {
  return print.then(
    () => null,
    (error: unknown) => printFailureOf(error),
  );
}

const pdfBytes = new TextEncoder().encode('%PDF-1.4 a page');

describe('a failed print as a kind the staff screen can word', () => {
  it('names the core’s own time limit, with the seconds waited', async () => {
    const failure = await failureOf(printPdf(() => new Promise(() => undefined), '<p>hei</p>', 600));
    expect(failure).toEqual({ reason: 'timeout', seconds: 1, detail: 'no PDF after 1 s' });
  });

  it('names a result that is not a PDF', async () => {
    const failure = await failureOf(printPdf(async () => new TextEncoder().encode('<html>not a pdf</html>'), '<p>hei</p>'));
    expect(failure).toEqual({ reason: 'notPdf', detail: 'the printer gave something that is not a PDF' });
  });

  it('passes a PDF through, and a PrintFailure the printer threw keeps its kind', async () => {
    expect(await failureOf(printPdf(async () => pdfBytes, '<p>hei</p>'))).toBeNull();
    const thrown = new PrintFailure({ reason: 'tooLarge', kilobytes: 2100, detail: 'the page is too large to print (2100 KB)' });
    expect(await failureOf(printPdf(async () => Promise.reject(thrown), '<p>hei</p>'))).toEqual(thrown.failure);
    expect(thrown.message).toBe('the page is too large to print (2100 KB)');
  });

  it('makes any other error “other”, keeping its message as the detail, cut short when it is long', () => {
    expect(printFailureOf(new Error('printToPDF failed: -2'))).toEqual({ reason: 'other', detail: 'printToPDF failed: -2' });
    expect(printFailureOf('a thrown string')).toEqual({ reason: 'other', detail: 'a thrown string' });
    expect(printFailureOf(new Error('x'.repeat(5000))).detail).toHaveLength(500);
  });

  it('gives what the contract accepts, and the contract refuses a kind without its figure', () => {
    const timeout = new PrintFailure({ reason: 'timeout', seconds: 30, detail: 'the page did not print within 30 s' }).failure;
    expect(printFailureSchema.parse(timeout)).toEqual(timeout);
    expect(printFailureSchema.parse(printFailureOf(new Error('boom')))).toEqual({ reason: 'other', detail: 'boom' });
    expect(printFailureSchema.safeParse({ reason: 'timeout', detail: 'no PDF' }).success).toBe(false);
    expect(printFailureSchema.safeParse({ reason: 'jammed', detail: 'paper' }).success).toBe(false);
  });
});
