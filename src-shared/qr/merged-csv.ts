import type { PollSnapshot } from '../contract/batch-format';
import { localize } from '../contract/localize';
import type { LanguageCode } from '../i18n/languages';
import type { MergedAnswer } from './merge';

/**
 * The merged answers as CSV in the Finnish Excel dialect: UTF-8 with a BOM, `;` between fields,
 * CRLF, dates as d.m.yyyy, decimal comma. The columns are those of the kiosk's own
 * responses.csv (src-main/core/export/csv.ts), so a coordinator's sheets take either file.
 */
export const mergedCsvColumns = [
  'batch', 'seq', 'response_id', 'kiosk_id', 'date', 'time', 'utc_offset', 'poll_id', 'poll_version', 'poll_kind', 'question',
  'answer_ids', 'answer', 'value', 'text', 'topic_ids', 'topics', 'comment', 'language', 'flags', 'masked',
] as const;

type Column = (typeof mergedCsvColumns)[number];

const localTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
// A spreadsheet runs a cell starting with these as a formula; free text from a kiosk must never do that.
const formulaStart = /^[=+\-@\t\r]/;

export function mergedCsv(answers: readonly MergedAnswer[], polls: readonly PollSnapshot[], language: LanguageCode): string {
  const byKey = new Map(polls.map((poll) => [`${poll.id}@${poll.version}`, poll]));
  const lines = [mergedCsvColumns.join(';')];
  for (const answer of answers) {
    const poll = byKey.get(`${answer.pollId}@${answer.pollVersion}`);
    const label = (options: PollSnapshot['options'], id: string) => {
      const option = options.find((known) => known.id === id);
      return option === undefined ? id : localize(option.label, language).text;
    };
    const optionIds = 'optionIds' in answer.answer ? answer.answer.optionIds : [];
    const time = localTimePattern.exec(answer.answeredAt);
    const [, year = '', month = '', day = '', hours = '', minutes = '', seconds = '', offset = ''] = time ?? [];
    const scaleIndex = poll !== undefined && (poll.kind === 'smiley' || poll.kind === 'scale') ? poll.options.findIndex((option) => option.id === optionIds[0]) : -1;
    const cells: Record<Column, string> = {
      batch: String(answer.batch),
      seq: String(answer.seq),
      response_id: answer.id,
      kiosk_id: answer.kioskId,
      date: time === null ? '' : `${Number(day)}.${Number(month)}.${year}`,
      time: time === null ? '' : `${hours}:${minutes}:${seconds}`,
      utc_offset: time === null ? '' : `UTC${offset === 'Z' ? '+00:00' : offset}`,
      poll_id: answer.pollId,
      poll_version: String(answer.pollVersion),
      poll_kind: poll?.kind ?? '',
      question: poll === undefined ? '' : localize(poll.question, language).text,
      answer_ids: optionIds.join('|'),
      answer: optionIds.map((id) => (poll === undefined ? id : label(poll.options, id))).join(', '),
      value: scaleIndex === -1 ? '' : String(scaleIndex + 1),
      text: 'text' in answer.answer ? answer.answer.text : '',
      topic_ids: answer.topics.join('|'),
      topics: answer.topics.map((id) => (poll === undefined || poll.followUp === null ? id : label(poll.followUp.topics, id))).join(', '),
      comment: answer.comment ?? '',
      language: answer.language,
      flags: answer.flags.join('|'),
      masked: answer.masked.join('|'),
    };
    lines.push(mergedCsvColumns.map((column) => cell(cells[column])).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A share as Finnish Excel reads it: `42,5`. */
export function finnishDecimal(value: number, digits = 1): string {
  return value.toFixed(digits).replace('.', ',');
}

function cell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  const needsQuotes = safe.includes(';') || safe.includes('"') || safe.includes('\n') || safe.includes('\r') || safe !== safe.trim();
  return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}
