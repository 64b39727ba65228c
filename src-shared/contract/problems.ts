import type { MessageKey } from '../i18n/fi';

/**
 * Why an input was refused, as message keys: the main side's zod issues carry them and the staff
 * screens run the very same schemas, so one rule gives one message, shown next to its field in
 * the staff member's language.
 */
export const problems = {
  required: 'problem.required',
  finnishMissing: 'problem.finnishMissing',
  tooLong: 'problem.tooLong',
  tooFewOptions: 'problem.tooFewOptions',
  tooManyOptions: 'problem.tooManyOptions',
  duplicateOption: 'problem.duplicateOption',
  optionsNotUsed: 'problem.optionsNotUsed',
  endBeforeStart: 'problem.endBeforeStart',
  endInPast: 'problem.endInPast',
  hoursOutOfRange: 'problem.hoursOutOfRange',
  pinFormat: 'problem.pinFormat',
  languageMissing: 'problem.languageMissing',
  defaultLanguageHidden: 'problem.defaultLanguageHidden',
  outOfRange: 'problem.outOfRange',
  controlCharacter: 'problem.controlCharacter',
  unknownPicture: 'problem.unknownPicture',
} as const satisfies Record<string, MessageKey>;

export type ProblemKey = (typeof problems)[keyof typeof problems];

const problemKeys = new Set<string>(Object.values(problems));

export function isProblemKey(value: string): value is ProblemKey {
  return problemKeys.has(value);
}
