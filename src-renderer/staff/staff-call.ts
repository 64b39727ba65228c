import type { MethodInput, MethodName, MethodOutput } from '../../src-shared/contract/methods';
import type { Result } from '../../src-shared/contract/result';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { Messages } from '../../src-shared/i18n/fi';

/** A staff screen's way to the main side; a lost session is handled once, by the staff area. */
export type StaffCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

/** What the staff area hands every screen behind the PIN: the staff's texts and language, and the one way to the main side. */
export interface StaffScreenProps {
  texts: Messages;
  language: LanguageCode;
  call: StaffCall;
}
