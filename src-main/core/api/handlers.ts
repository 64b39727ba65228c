import type { MethodName, MethodOutput, ParsedInput } from '../../../src-shared/contract/methods';

export interface CallContext {
  transport: 'ipc' | 'http';
  /** The staff session token the caller presented, if any. */
  staffToken: string | null;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
