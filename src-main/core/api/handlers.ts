import type { MethodName, MethodOutput, ParsedInput } from '../../../src-shared/contract/methods';
import type { Logger } from '../logger';

export interface CallContext {
  transport: 'ipc' | 'http';
  /** The staff session token the caller presented, if any. */
  staffToken: string | null;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** Decides whether a caller holds an open staff session; throws a KerroError when not. */
export interface StaffGate {
  verify(token: string | null): void;
}

/** What a transport needs from the core to serve calls. */
export interface KioskApi {
  readonly handlers: Handlers;
  readonly staffGate: StaffGate;
  readonly logger: Logger;
}

/** The handlers of one method namespace, e.g. `NamespaceHandlers<'polls'>` for every `polls.*` method. */
export type NamespaceHandlers<Namespace extends string> = Pick<Handlers, Extract<MethodName, `${Namespace}.${string}`>>;
