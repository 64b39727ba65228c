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
