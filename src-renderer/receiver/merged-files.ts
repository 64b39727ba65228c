import { strToU8 } from 'fflate';
import { canonicalJson } from '../../src-shared/contract/batch-canonical';
import { pollKey, type ExportAnswer, type PollSnapshot } from '../../src-shared/contract/batch-format';
import { CsvFormatter } from '../../src-shared/export/csv';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { isInRanges, type BatchSummary } from '../../src-shared/qr/batch-summary';
import { mergeSummaries } from '../../src-shared/qr/summary-merge';
import { allSummaries, eachBatch, type StoredBatch } from './batch-store';
import { sha256Hex } from './sha256';

/**
 * Hands over the answers of one kept batch, in order, without those an earlier batch of its kiosk
 * already brought, each as soon as its line is read, so no batch's answers are held all at once.
 * Storage in a browser can be edited by whoever holds the machine, so the batch's hash is checked
 * again: equal bytes are the bytes whose every answer was checked against its schema when the
 * batch arrived. The hash is worked out by the browser beside this thread while the lines are
 * read; the answer is whether the batch still matches, and what was handed over of one that does
 * not must be thrown away.
 */
async function eachAnswer(stored: StoredBatch, summary: BatchSummary, visit: (answer: ExportAnswer) => void): Promise<boolean> {
  const hashed = sha256Hex(strToU8(stored.canonical));
  try {
    // The canonical layout: the opening line, one answer a line (all but the last ending in a comma), the closing line.
    const lines = stored.canonical.split('\n');
    for (let index = 1; index < lines.length - 2; index += 1) {
      const line = lines[index] ?? '';
      const answer: ExportAnswer = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
      if (summary.overlaps.length === 0 || !isInRanges(answer.seq, summary.overlaps)) visit(answer);
    }
  } catch (error) {
    // Edited storage may be no JSON at all: such a batch is left out, as one whose hash differs.
    if ((await hashed) !== stored.sha256) return false;
    throw error;
  }
  return (await hashed) === stored.sha256;
}

/** Text handed to Blobs a part at a time: about 1 MB of CSV, so no string grows to a whole batch's size. */
class BlobParts {
  readonly parts: Blob[] = [];
  private text = '';
  private count = 0;

  add(piece: string): void {
    this.text += piece;
    this.count += 1;
    if (this.count === 4096) this.flush();
  }

  flush(): void {
    if (this.text !== '') this.parts.push(new Blob([this.text]));
    this.text = '';
    this.count = 0;
  }

  /** Takes another's parts after these, once they are known to belong. */
  append(other: BlobParts): void {
    this.flush();
    other.flush();
    this.parts.push(...other.parts);
  }
}

/**
 * Writes each intact batch's pieces, in batch order; a batch whose hash no longer matches adds
 * nothing. `isFirst` is true for the first answer written to the file.
 */
async function eachIntactBatch(
  database: IDBDatabase,
  byKey: ReadonlyMap<string, BatchSummary>,
  into: BlobParts,
  write: (stored: StoredBatch, answer: ExportAnswer, pieces: BlobParts, isFirst: boolean) => void,
): Promise<void> {
  let written = 0;
  await eachBatch(database, async (stored) => {
    const summary = byKey.get(`${stored.kioskId}#${stored.number}`);
    if (summary === undefined) return;
    const pieces = new BlobParts();
    let inBatch = 0;
    const isIntact = await eachAnswer(stored, summary, (answer) => {
      write(stored, answer, pieces, written + inBatch === 0);
      inBatch += 1;
    });
    if (!isIntact) return;
    into.append(pieces);
    written += inBatch;
  });
}

async function summariesByKey(database: IDBDatabase): Promise<{ summaries: BatchSummary[]; byKey: Map<string, BatchSummary>; polls: Map<string, PollSnapshot> }> {
  const summaries = await allSummaries(database);
  const byKey = new Map(summaries.map((summary) => [`${summary.kioskId}#${summary.number}`, summary]));
  const polls = new Map<string, PollSnapshot>();
  for (const summary of summaries) for (const poll of summary.polls) polls.set(pollKey(poll.id, poll.version), poll);
  return { summaries, byKey, polls };
}

/**
 * Every answer merged, as CSV in the Finnish Excel dialect with texts in the chosen language:
 * one batch at a time, its rows handed to Blobs a few thousand at a time, so the worker never
 * holds the whole file, nor a whole batch, as one string.
 */
export async function mergedCsvFile(database: IDBDatabase, language: LanguageCode): Promise<Blob> {
  const { byKey, polls } = await summariesByKey(database);
  const formatter = new CsvFormatter('finnish-excel', language, polls);
  const rows = new BlobParts();
  rows.add(formatter.header());
  await eachIntactBatch(database, byKey, rows, (stored, answer, pieces) => pieces.add(formatter.row(answer, stored.number, stored.kioskId)));
  rows.flush();
  return new Blob(rows.parts, { type: 'text/csv;charset=utf-8' });
}

/** Every answer merged as canonical JSON (`kerro-merged`), laid out as canonicalJson would. */
export async function mergedJsonFile(database: IDBDatabase): Promise<Blob> {
  const { summaries, byKey, polls } = await summariesByKey(database);
  const kiosks = mergeSummaries(summaries).kiosks.map(({ kioskId, site, batches, missing, chainBreaks }) => ({ kioskId, site, batches, missing, chainBreaks }));
  const text = new BlobParts();
  text.add('{"answers":[');
  await eachIntactBatch(database, byKey, text, (stored, answer, pieces, isFirst) =>
    pieces.add(`${isFirst ? '' : ','}${canonicalJson({ ...answer, kioskId: stored.kioskId, batch: stored.number })}`),
  );
  text.add(`],"format":"kerro-merged","kiosks":${canonicalJson(kiosks)},"polls":${canonicalJson([...polls.values()])},"schemaVersion":1}\n`);
  text.flush();
  return new Blob(text.parts, { type: 'application/json' });
}
