import { pollKey, type CsvDialect, type ExportAnswer, type PollSnapshot } from '../contract/batch-format';
import { audienceOf } from '../contract/children';
import { drawingFileName } from '../contract/drawing';
import { localize } from '../contract/localize';
import type { LanguageCode } from '../i18n/languages';

interface DialectRules {
  delimiter: string;
  formatDate(year: string, month: string, day: string): string;
  decimalSeparator: string;
}

/**
 * Finnish Excel opens a file with a BOM, `;` between fields and d.m.yyyy dates without asking;
 * the comma dialect is for everything else (LibreOffice in English, R, pandas) with ISO dates.
 * Both use CRLF, which Excel expects, and keep LF inside quoted comments.
 */
const dialects: Record<CsvDialect, DialectRules> = {
  'finnish-excel': {
    delimiter: ';',
    formatDate: (year, month, day) => `${Number(day)}.${Number(month)}.${year}`,
    decimalSeparator: ',',
  },
  comma: {
    delimiter: ',',
    formatDate: (year, month, day) => `${year}-${month}-${day}`,
    decimalSeparator: '.',
  },
};

/** The columns, in order; documented in docs/export-format.md. Never reorder or rename: people's sheets depend on them. */
export const csvColumns = [
  'batch',
  'seq',
  'response_id',
  'kiosk_id',
  'date',
  'time',
  'utc_offset',
  'poll_id',
  'poll_version',
  'poll_kind',
  'question',
  'answer_ids',
  'answer',
  'value',
  'text',
  'topic_ids',
  'topics',
  'comment',
  'language',
  'flags',
  'masked',
  'audience',
  'drawing',
] as const;

export type CsvColumn = (typeof csvColumns)[number];

/** Kinds whose options run from worst to best, so an answer's place is a value. */
const scaleKinds = new Set<string>(['smiley', 'scale', 'child-faces', 'child-thumbs', 'child-weather']);

const byteOrderMark = '\uFEFF';
const lineEnd = '\r\n';
const localTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/**
 * A spreadsheet runs a cell starting with these as a formula; free text from a kiosk must never do
 * that. Spreadsheets skip leading spaces and invisible characters and some read the full-width and
 * small forms as the ASCII ones, so the first visible character is the one that counts.
 */
const formulaStart = /^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B\u2212])/u;

/** The cell as a spreadsheet shows it but never runs: a leading apostrophe makes it text. */
export function guardFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/**
 * One row per answer, the same for the kiosk's responses.csv and the receiver's merged file, so a
 * coordinator's sheets take either.
 */
export class CsvFormatter {
  private readonly rules: DialectRules;

  constructor(
    dialect: CsvDialect,
    private readonly language: LanguageCode,
    private readonly polls: ReadonlyMap<string, PollSnapshot>,
  ) {
    this.rules = dialects[dialect];
  }

  header(): string {
    return `${byteOrderMark}${csvColumns.join(this.rules.delimiter)}${lineEnd}`;
  }

  row(answer: ExportAnswer, batchNumber: number, kioskId: string): string {
    const poll = this.polls.get(pollKey(answer.pollId, answer.pollVersion));
    const label = (options: PollSnapshot['options'], id: string) => {
      const option = options.find((known) => known.id === id);
      return option === undefined ? id : localize(option.label, this.language).text;
    };
    const optionIds = 'optionIds' in answer.answer ? answer.answer.optionIds : [];
    const time = splitLocalTime(answer.answeredAt);
    const cells: Record<CsvColumn, string> = {
      batch: this.number(batchNumber),
      seq: this.number(answer.seq),
      response_id: answer.id,
      kiosk_id: kioskId,
      date: time === null ? '' : this.rules.formatDate(time.year, time.month, time.day),
      time: time?.time ?? '',
      // Written with its UTC prefix: a bare "+02:00" would be taken for a time of day.
      utc_offset: time === null ? '' : `UTC${time.offset === 'Z' ? '+00:00' : time.offset}`,
      poll_id: answer.pollId,
      poll_version: this.number(answer.pollVersion),
      poll_kind: poll?.kind ?? '',
      question: poll === undefined ? '' : localize(poll.question, this.language).text,
      answer_ids: optionIds.join('|'),
      answer: optionIds.map((id) => (poll === undefined ? id : label(poll.options, id))).join(', '),
      value: this.scaleValue(poll, optionIds),
      text: 'text' in answer.answer ? answer.answer.text : '',
      topic_ids: answer.topics.join('|'),
      topics: answer.topics.map((id) => (poll === undefined || poll.followUp === null ? id : label(poll.followUp.topics, id))).join(', '),
      comment: answer.comment ?? '',
      language: answer.language,
      flags: answer.flags.join('|'),
      masked: answer.masked.join('|'),
      audience: audienceOf(answer),
      drawing: 'drawing' in answer.answer ? drawingFileName(answer.seq) : '',
    };
    return `${csvColumns.map((column) => this.cell(cells[column])).join(this.rules.delimiter)}${lineEnd}`;
  }

  /** Integers as they are; a fraction with the dialect's decimal separator. */
  number(value: number): string {
    return Number.isInteger(value) ? String(value) : String(value).replace('.', this.rules.decimalSeparator);
  }

  /** A smiley or scale answer as its place on the scale, 1 for the first option: what a chart or an average needs. */
  private scaleValue(poll: PollSnapshot | undefined, optionIds: readonly string[]): string {
    if (poll === undefined || !scaleKinds.has(poll.kind)) return '';
    const [id] = optionIds;
    const index = poll.options.findIndex((option) => option.id === id);
    return index === -1 ? '' : this.number(index + 1);
  }

  private cell(value: string): string {
    const safe = guardFormula(value);
    const needsQuotes =
      safe.includes(this.rules.delimiter) || safe.includes('"') || safe.includes('\n') || safe.includes('\r') || safe !== safe.trim();
    return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
  }
}

interface LocalTime {
  year: string;
  month: string;
  day: string;
  time: string;
  offset: string;
}

/** The wall-clock date and time the parent saw, as stored; never converted to the exporting machine's zone. */
export function splitLocalTime(value: string): LocalTime | null {
  const match = localTimePattern.exec(value);
  if (match === null) return null;
  const [, year = '', month = '', day = '', hours = '', minutes = '', seconds = '', offset = ''] = match;
  return { year, month, day, time: `${hours}:${minutes}:${seconds}`, offset };
}
