import type { ErrorCode } from '../../src-shared/contract/result';

/** An expected failure with a code from the contract; anything else is reported as `internal`. */
export class KerroError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KerroError';
  }
}
