import { pollKey, type CsvDialect, type ExportAnswer, type PollSnapshot } from '../../src-shared/contract/batch-format';
import { audienceOf } from '../../src-shared/contract/children';
import { drawingFileName } from '../../src-shared/contract/drawing';
import { localize } from '../../src-shared/contract/localize';
import { csvColumns, type CsvColumn } from '../../src-shared/export/csv';
import type { LanguageCode } from '../../src-shared/i18n/languages';

/**
 * The CSV row writer as it was before it was made fast (commit 8bee176), kept word for word apart
 * from its name: the yardstick the fast one must equal byte for byte, since people's sheets and the
 * batches' hashes depend on every byte.
 */

interface DialectRules {
  delimiter: string;
  formatDate(year: string, month: string, day: string): string;
  decimalSeparator: string;
}

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

const scaleKinds = new Set<string>(['smiley', 'scale', 'child-faces', 'child-thumbs', 'child-weather']);
const byteOrderMark = '\uFEFF';
const lineEnd = '\r\n';
const localTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const formulaStart = /^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B\u2212])/u;

function guardFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

function splitLocalTime(value: string) {
  const match = localTimePattern.exec(value);
  if (match === null) return null;
  const [, year = '', month = '', day = '', hours = '', minutes = '', seconds = '', offset = ''] = match;
  return { year, month, day, time: `${hours}:${minutes}:${seconds}`, offset };
}

export class ReferenceCsvFormatter {
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

  number(value: number): string {
    return Number.isInteger(value) ? String(value) : String(value).replace('.', this.rules.decimalSeparator);
  }

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
