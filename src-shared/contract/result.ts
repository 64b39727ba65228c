/** Kept free of zod: the parents' screens load this file and must stay small. */
export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'not_active',
  'storage_failed',
  'unauthorized',
  'locked_out',
  'forbidden',
  'too_large',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, issues?: ErrorIssue[]): Result<T> {
  return issues === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, issues } };
}

/** A cheap structural check for the renderer, which does not load zod on the parents' screens. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}
