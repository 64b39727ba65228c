import type { PrintFailureView } from '../../../src-shared/contract/exports';

/** A message longer than this is cut: it is for the log and support, and one error can carry a whole page. */
const detailLimit = 500;

/**
 * A print that failed in a way the staff screen can name (out of time, too large, stopped, not a
 * PDF). Thrown by the core's `printPdf` and by the shell's printer; its message is the raw detail.
 */
export class PrintFailure extends Error {
  constructor(readonly failure: PrintFailureView) {
    super(failure.detail);
    this.name = 'PrintFailure';
  }
}

/** Any error from printing as the kind the staff screen words; one that is not a `PrintFailure` is 'other'. */
export function printFailureOf(error: unknown): PrintFailureView {
  if (error instanceof PrintFailure) return error.failure;
  const detail = error instanceof Error ? error.message : String(error);
  return { reason: 'other', detail: detail.slice(0, detailLimit) };
}
