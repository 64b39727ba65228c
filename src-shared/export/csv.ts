import { pollKey, type CsvDialect, type ExportAnswer, type PollSnapshot } from '../contract/batch-format';
import { audienceOf } from '../contract/children';
import { drawingFileName } from '../contract/drawing';
import { localize } from '../contract/localize';
import type { LanguageCode } from '../i18n/languages';
import { hasOuterSpace, needsGuard, quotePatterns } from './csv-cells';
import { isLocalTime } from './local-time';

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
/** An option or a topic as a row writes it: its cells worked out once. */
interface Choice {
  idCell: string;
  label: string;
  labelCell: string;
  /** Its place on the scale, written ('' for kinds that are no scale). */
  scale: string;
}

/** What a row needs of a poll, worked out once per poll instead of once per answer. */
interface PreparedPoll {
  kindCell: string;
  questionCell: string;
  /** By id; the first option of an id wins, as a search would find it. */
  options: ReadonlyMap<string, Choice>;
  /** By id; null when the poll asks no follow-up, so topics stay as their ids. */
  topics: ReadonlyMap<string, Choice> | null;
}

/** A poll id's cell and what each of its versions needs (null for a version the file does not describe). */
interface PreparedPollId {
  idCell: string;
  versions: Map<number, PreparedPoll | null>;
}

/** Languages and audiences: a few words, each written once. */
const wordsKept = 64;

/**
 * One row per answer, the same for the kiosk's responses.csv and the receiver's merged file, so a
 * coordinator's sheets take either. A receiver writes hundreds of thousands of rows at a time, so
 * the cells that depend on the poll alone (question, labels, scale places) are written once per
 * poll, cells whose shape is known (numbers, dates, times) skip the checks, and the others are
 * looked at closely only when their first or last character could need a guard or quotes.
 */
export class CsvFormatter {
  private readonly rules: DialectRules;
  private readonly delimiter: string;
  private readonly quotePattern: RegExp;
  private readonly prepared = new Map<string, PreparedPollId>();
  private readonly words = new Map<string, string>();
  /** Answers come in time order, so most share the previous answer's day and offset, and a batch has one kiosk. */
  private lastDay = '';
  private lastDate = '';
  private lastOffset = '';
  private lastOffsetCell = '';
  private lastKiosk = '';
  private lastKioskCell = '';

  constructor(
    dialect: CsvDialect,
    private readonly language: LanguageCode,
    private readonly polls: ReadonlyMap<string, PollSnapshot>,
  ) {
    this.rules = dialects[dialect];
    this.delimiter = this.rules.delimiter;
    this.quotePattern = quotePatterns[dialect];
  }

  header(): string {
    return `${byteOrderMark}${csvColumns.join(this.rules.delimiter)}${lineEnd}`;
  }

  /** The cells in the order of `csvColumns`; tests/unit/csv-formatter.test.ts holds it to the header and to the plain writer byte for byte. */
  row(answer: ExportAnswer, batchNumber: number, kioskId: string): string {
    const pollId = this.pollIdOf(answer.pollId);
    const poll = this.pollOf(pollId, answer.pollId, answer.pollVersion);
    const given = answer.answer;
    const optionIds = 'optionIds' in given ? given.optionIds : noIds;
    const options = poll === null ? null : poll.options;
    const topics = poll === null ? null : poll.topics;
    const at = answer.answeredAt;
    const isTimeKnown = isLocalTime(at);
    return (
      [
        this.numberCell(batchNumber),
        this.numberCell(answer.seq),
        this.cell(answer.id),
        this.kioskCell(kioskId),
        // A date, a time and an offset in the shape `isLocalTime` checked need neither guard nor quotes.
        isTimeKnown ? this.dateOf(at) : '',
        isTimeKnown ? at.slice(11, 19) : '',
        // Written with its UTC prefix: a bare "+02:00" would be taken for a time of day.
        isTimeKnown ? this.offsetOf(at) : '',
        pollId.idCell,
        this.numberCell(answer.pollVersion),
        poll === null ? '' : poll.kindCell,
        poll === null ? '' : poll.questionCell,
        this.idsCell(optionIds, options),
        this.labelsCell(optionIds, options),
        optionIds.length === 0 ? '' : (options?.get(optionIds[0] ?? '')?.scale ?? ''),
        'text' in given ? this.cell(given.text) : '',
        this.idsCell(answer.topics, topics),
        this.labelsCell(answer.topics, topics),
        answer.comment === null ? '' : this.cell(answer.comment ?? ''),
        this.word(answer.language),
        answer.flags.length === 0 ? '' : this.cell(answer.flags.join('|')),
        answer.masked.length === 0 ? '' : this.cell(answer.masked.join('|')),
        this.word(audienceOf(answer)),
        'drawing' in given ? this.cell(drawingFileName(answer.seq)) : '',
      ].join(this.delimiter) + lineEnd
    );
  }

  /** Integers as they are; a fraction with the dialect's decimal separator. */
  number(value: number): string {
    return Number.isInteger(value) ? String(value) : String(value).replace('.', this.rules.decimalSeparator);
  }

  /** Digits, a separator that is not the delimiter, perhaps an exponent: only a minus sign can ask for the guard. */
  private numberCell(value: number): string {
    return value >= 0 ? this.number(value) : this.cell(this.number(value));
  }

  private kioskCell(kioskId: string): string {
    if (kioskId !== this.lastKiosk || this.lastKioskCell === '') {
      this.lastKiosk = kioskId;
      this.lastKioskCell = this.cell(kioskId);
    }
    return this.lastKioskCell;
  }

  private word(value: string): string {
    let written = this.words.get(value);
    if (written === undefined) {
      written = this.cell(value);
      if (this.words.size < wordsKept) this.words.set(value, written);
    }
    return written;
  }

  /** The ids, joined by `|`. */
  private idsCell(ids: readonly string[], choices: ReadonlyMap<string, Choice> | null): string {
    if (ids.length === 0) return '';
    if (ids.length > 1) return this.cell(ids.join('|'));
    const [id = ''] = ids;
    return choices?.get(id)?.idCell ?? this.cell(id);
  }

  /** The ids' labels in the file's language, joined by `, `; an id with no label stays as it is. */
  private labelsCell(ids: readonly string[], choices: ReadonlyMap<string, Choice> | null): string {
    if (ids.length === 0) return '';
    if (ids.length > 1) return this.cell(ids.map((id) => choices?.get(id)?.label ?? id).join(', '));
    const [id = ''] = ids;
    return choices?.get(id)?.labelCell ?? this.cell(id);
  }

  private pollIdOf(id: string): PreparedPollId {
    let known = this.prepared.get(id);
    if (known === undefined) {
      known = { idCell: this.cell(id), versions: new Map() };
      this.prepared.set(id, known);
    }
    return known;
  }

  private pollOf(known: PreparedPollId, id: string, version: number): PreparedPoll | null {
    let poll = known.versions.get(version);
    if (poll === undefined) {
      poll = this.prepare(this.polls.get(pollKey(id, version)));
      known.versions.set(version, poll);
    }
    return poll;
  }

  private prepare(poll: PollSnapshot | undefined): PreparedPoll | null {
    if (poll === undefined) return null;
    const isScale = scaleKinds.has(poll.kind);
    const choices = (list: PollSnapshot['options'], isPlaced: boolean) => {
      const byId = new Map<string, Choice>();
      for (const [index, choice] of list.entries()) {
        if (byId.has(choice.id)) continue;
        const label = localize(choice.label, this.language).text;
        byId.set(choice.id, { idCell: this.cell(choice.id), label, labelCell: this.cell(label), scale: isPlaced ? this.number(index + 1) : '' });
      }
      return byId;
    };
    return {
      kindCell: this.cell(poll.kind),
      questionCell: this.cell(localize(poll.question, this.language).text),
      options: choices(poll.options, isScale),
      topics: poll.followUp === null ? null : choices(poll.followUp.topics, false),
    };
  }

  /** The day as the dialect writes it, from a value `isLocalTime` accepted. */
  private dateOf(at: string): string {
    if (this.lastDay === '' || !at.startsWith(this.lastDay)) {
      this.lastDay = at.slice(0, 10);
      this.lastDate = this.rules.formatDate(at.slice(0, 4), at.slice(5, 7), at.slice(8, 10));
    }
    return this.lastDate;
  }

  /** `UTC+02:00` from a value `isLocalTime` accepted; `Z` is written as +00:00. */
  private offsetOf(at: string): string {
    if (this.lastOffset === '' || !at.endsWith(this.lastOffset)) {
      const offset = at.endsWith('Z') ? 'Z' : at.slice(-6);
      this.lastOffset = offset;
      this.lastOffsetCell = `UTC${offset === 'Z' ? '+00:00' : offset}`;
    }
    return this.lastOffsetCell;
  }

  private cell(value: string): string {
    if (value === '') return value;
    const safe = needsGuard(value) ? `'${value}` : value;
    return this.quotePattern.test(safe) || hasOuterSpace(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  }
}

const noIds: readonly string[] = [];
