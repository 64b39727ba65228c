import type { MethodInput, MethodName, MethodOutput } from '../../src-shared/contract/methods';
import type { Result } from '../../src-shared/contract/result';

/** A staff screen's way to the main side; a lost session is handled once, by the staff area. */
export type StaffCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
