import type { MethodInput, MethodName, MethodOutput } from './methods';
import { fail, isResult, type Result } from './result';

/** Carries one call to the main side and hands back whatever envelope came back, unchecked. */
export type Transport = <M extends MethodName>(method: M, input: MethodInput<M>, staffToken: string | null) => Promise<unknown>;

export interface Client {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** The open staff session, sent with every call until locked; kept in memory only. */
  setStaffToken(token: string | null): void;
}

/**
 * The main side validates every output against the contract before sending it, so the client
 * checks only the envelope's shape; that keeps zod out of the parents' screens.
 */
export function createClient(transport: Transport): Client {
  let staffToken: string | null = null;
  return {
    setStaffToken(token) {
      staffToken = token;
    },
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      let answer: unknown;
      try {
        answer = await transport(method, input, staffToken);
      } catch {
        return fail('internal', 'The kiosk service did not answer');
      }
      if (!isResult(answer)) return fail('internal', 'The kiosk service gave a malformed answer');
      // The shape was checked above and the value against the contract on the main side.
      return answer as Result<MethodOutput<M>>;
    },
  };
}
