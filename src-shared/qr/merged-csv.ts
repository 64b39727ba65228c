import { pollKey, type PollSnapshot } from '../contract/batch-format';
import { CsvFormatter } from '../export/csv';
import type { LanguageCode } from '../i18n/languages';
import type { MergedAnswer } from './merge';

/**
 * The merged answers as CSV in the Finnish Excel dialect, row for row what each kiosk's own
 * responses.csv holds, so a coordinator's sheets take either file.
 */
export function mergedCsv(answers: readonly MergedAnswer[], polls: readonly PollSnapshot[], language: LanguageCode): string {
  const formatter = new CsvFormatter('finnish-excel', language, new Map(polls.map((poll) => [pollKey(poll.id, poll.version), poll])));
  return formatter.header() + answers.map((answer) => formatter.row(answer, answer.batch, answer.kioskId)).join('');
}

/** A share as Finnish Excel reads it: `42,5`. */
export function finnishDecimal(value: number, digits = 1): string {
  return value.toFixed(digits).replace('.', ',');
}
