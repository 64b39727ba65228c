import type { MethodName, MethodOutput, ParsedInput } from '../../../src-shared/contract/methods';
import type { Logger } from '../logger';
import type { LanguageCode } from '../../../src-shared/i18n/languages';

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
  /** The kiosk's main language, in which a full or read-only disk is told to staff. */
  readonly language: () => LanguageCode;
}

/** The handlers of one method namespace, e.g. `NamespaceHandlers<'polls'>` for every `polls.*` method. */
export type NamespaceHandlers<Namespace extends string> = Pick<Handlers, Extract<MethodName, `${Namespace}.${string}`>>;
