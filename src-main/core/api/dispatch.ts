import type { z } from 'zod';
import { isMethodName, methods, type MethodName } from '../../../src-shared/contract/methods';
import { fail, ok, type ErrorIssue, type Result } from '../../../src-shared/contract/result';
import { KerroError } from '../errors';
import type { Logger } from '../logger';
import type { CallContext, Handler, Handlers } from './handlers';

/**
 * The one door into the core for both transports: the method is looked up in the contract,
 * its input parsed, the handler run, and its output checked, so IPC and HTTP answer alike.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  input: unknown,
  context: CallContext,
  logger: Logger,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) return fail('unknown_method', `Unknown method: ${method.slice(0, 60)}`);
  const definition = methods[method];
  const parsed = definition.input.safeParse(input);
  if (!parsed.success) return fail('invalid_input', 'The input does not match the contract', toIssues(parsed.error));
  try {
    const value = await runHandler(handlers, method, parsed.data, context);
    return ok(definition.output.parse(value));
  } catch (error) {
    if (error instanceof KerroError) return fail(error.code, error.message);
    logger.error('api.failed', { method, message: String(error), stack: error instanceof Error ? error.stack : undefined });
    return fail('internal', 'Something went wrong inside the kiosk');
  }
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
