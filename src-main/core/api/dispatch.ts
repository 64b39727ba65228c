import type { z } from 'zod';
import { isMethodName, methods, type MethodName } from '../../../src-shared/contract/methods';
import { fail, ok, type ErrorIssue, type Result } from '../../../src-shared/contract/result';
import { translate } from '../../../src-shared/i18n/messages';
import { DiskFault, KerroError } from '../errors';
import type { CallContext, Handler, Handlers, KioskApi } from './handlers';

/**
 * The one door into the core for both transports: the method is looked up in the contract,
 * a staff method's session checked, its input parsed, the handler run, and its output checked,
 * so IPC and HTTP answer alike.
 */
export async function dispatch(api: KioskApi, method: string, input: unknown, context: CallContext): Promise<Result<unknown>> {
  const { handlers, logger } = api;
  if (!isMethodName(method)) return fail('unknown_method', `Unknown method: ${method.slice(0, 60)}`);
  const definition = methods[method];
  // Before the input is even parsed: a caller without a session learns nothing about staff inputs.
  if (definition.staff) {
    try {
      api.staffGate.verify(context.staffToken);
    } catch (error) {
      if (error instanceof KerroError) return fail(error.code, error.message);
      throw error;
    }
  }
  const parsed = definition.input.safeParse(input);
  if (!parsed.success) return fail('invalid_input', 'The input does not match the contract', toIssues(parsed.error));
  try {
    const value = await runHandler(handlers, method, parsed.data, context);
    return ok(definition.output.parse(value));
  } catch (error) {
    if (isDiskFault(error)) {
      logger.warn('api.storageFault', { method, message: String(error) });
      return fail('storage_failed', translate(api.language(), 'storage.failed'));
    }
    if (error instanceof KerroError) return fail(error.code, error.message, error.issues);
    logger.error('api.failed', { method, message: String(error), stack: error instanceof Error ? error.stack : undefined });
    return fail('internal', 'Something went wrong inside the kiosk');
  }
}

/**
 * A full or read-only data disk is one named fault in every write path (answer, PIN, settings,
 * polls, outcomes, sealing for an export), the same code and the same words in the kiosk's
 * language, never `internal`. A stick's own trouble is a TransferFailure, told apart and in its
 * own words before it gets here.
 */
const storageFaultCodes = new Set(['ENOSPC', 'EROFS', 'EDQUOT', 'EIO']);

function isDiskFault(error: unknown): boolean {
  if (error instanceof DiskFault) return true;
  return !(error instanceof KerroError) && typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && storageFaultCodes.has(error.code);
}

function runHandler<M extends MethodName>(handlers: Handlers, method: M, input: unknown, context: CallContext) {
  // `input` was parsed by this very method's schema just above.
  const handler = handlers[method] as Handler<M>;
  return handler(input as Parameters<Handler<M>>[0], context);
}

export function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
