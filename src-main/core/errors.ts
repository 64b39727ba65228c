import type { ErrorCode, ErrorIssue } from '../../src-shared/contract/result';

/** An expected failure with a code from the contract; anything else is reported as `internal`. */
export class KerroError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field by field, for inputs that fit the schema but break a rule that needs the kiosk's state. */
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'KerroError';
  }
}

/**
 * Something the kiosk keeps on its own disk could not be written (full, read-only, failing): the
 * one fault `dispatch` tells staff and parents in the kiosk's language, whatever was being saved.
 */
export class DiskFault extends KerroError {
  constructor(what: string, cause: unknown) {
    super('storage_failed', `${what} could not be saved (${String(cause)})`);
    this.name = 'DiskFault';
  }
}
