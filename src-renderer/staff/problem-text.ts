import { isProblemKey } from '../../src-shared/contract/problems';
import type { Messages } from '../../src-shared/i18n/fi';

/** The contract names problems by key; anything else came from the main side in words already. */
export function problemText(texts: Messages, problem: string | undefined): string | null {
  if (problem === undefined) return null;
  return isProblemKey(problem) ? texts[problem] : problem;
}
