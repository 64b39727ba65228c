import { canonicalJson } from '../../src-shared/contract/batch-canonical';
import { pollKey, type ExportAnswer, type PollSnapshot } from '../../src-shared/contract/batch-format';
import { CsvFormatter } from '../../src-shared/export/csv';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { BatchSummary } from '../../src-shared/qr/batch-summary';
import { mergeSummaries } from '../../src-shared/qr/summary-merge';
import { BatchReader } from './batch-answers';
import { allSummaries, eachBatch, type BatchKey, type StoredBatch } from './batch-store';
import { planShares } from './csv-plan';

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
 * Writes each intact batch's pieces, in the order of `keys`; a batch whose hash no longer
 * matches adds nothing. `isFirst` is true for the first answer written to the file.
 */
async function eachIntactBatch(
  database: IDBDatabase,
  keys: readonly BatchKey[],
  byKey: ReadonlyMap<string, BatchSummary>,
  into: BlobParts,
  write: (stored: StoredBatch, answer: ExportAnswer, pieces: BlobParts, isFirst: boolean) => void,
): Promise<void> {
  const reader = new BatchReader();
  let written = 0;
  await eachBatch(database, keys, async (stored) => {
    const summary = byKey.get(keyText([stored.kioskId, stored.number]));
    if (summary === undefined) return;
    const pieces = new BlobParts();
    let inBatch = 0;
    const isIntact = await reader.eachAnswer(stored, summary, (answer) => {
      write(stored, answer, pieces, written + inBatch === 0);
      inBatch += 1;
    });
    if (!isIntact) return;
    into.append(pieces);
    written += inBatch;
  });
}

const keyText = ([kioskId, number]: BatchKey) => `${kioskId}#${number}`;

interface Kept {
  summaries: BatchSummary[];
  byKey: Map<string, BatchSummary>;
  polls: Map<string, PollSnapshot>;
}

/** The summaries of the given batches (all kept ones when none are given), and the polls they describe. */
async function keptSummaries(database: IDBDatabase, keys: readonly BatchKey[] | null = null): Promise<Kept> {
  const wanted = keys === null ? null : new Set(keys.map(keyText));
  const summaries = (await allSummaries(database)).filter((summary) => wanted === null || wanted.has(keyText([summary.kioskId, summary.number])));
  const byKey = new Map(summaries.map((summary) => [keyText([summary.kioskId, summary.number]), summary]));
  const polls = new Map<string, PollSnapshot>();
  for (const summary of summaries) for (const poll of summary.polls) polls.set(pollKey(poll.id, poll.version), poll);
  return { summaries, byKey, polls };
}

/** The kept batches, in kiosk and number order, cut into runs (`planShares`); a batch kept after this is in none of them. */
export async function csvPlan(database: IDBDatabase, count: number): Promise<BatchKey[][]> {
  return planShares((await keptSummaries(database)).summaries, count);
}

/**
 * One run of the merged CSV (`plan[share]`; the first carries the header), in the Finnish Excel
 * dialect with texts in the chosen language. Every run takes its poll texts from the summaries of
 * the whole plan, so the runs together are the file one writer would have written. One batch at a
 * time, its rows handed to Blobs a few thousand at a time: the worker never holds the whole file,
 * nor a whole batch, as one string.
 */
export async function mergedCsvPart(database: IDBDatabase, language: LanguageCode, plan: readonly (readonly BatchKey[])[], share: number): Promise<Blob> {
  const { byKey, polls } = await keptSummaries(database, plan.flat());
  const formatter = new CsvFormatter('finnish-excel', language, polls);
  const rows = new BlobParts();
  if (share === 0) rows.add(formatter.header());
  await eachIntactBatch(database, plan[share] ?? [], byKey, rows, (stored, answer, pieces) => pieces.add(formatter.row(answer, stored.number, stored.kioskId)));
  rows.flush();
  return new Blob(rows.parts, { type: 'text/csv;charset=utf-8' });
}

/** Every answer merged as canonical JSON (`kerro-merged`), laid out as canonicalJson would. */
export async function mergedJsonFile(database: IDBDatabase): Promise<Blob> {
  const { summaries, byKey, polls } = await keptSummaries(database);
  const kiosks = mergeSummaries(summaries).kiosks.map(({ kioskId, site, batches, missing, chainBreaks }) => ({ kioskId, site, batches, missing, chainBreaks }));
  const keys = summaries.map((summary): BatchKey => [summary.kioskId, summary.number]);
  const text = new BlobParts();
  text.add('{"answers":[');
  await eachIntactBatch(database, keys, byKey, text, (stored, answer, pieces, isFirst) =>
    pieces.add(`${isFirst ? '' : ','}${canonicalJson({ ...answer, kioskId: stored.kioskId, batch: stored.number })}`),
  );
  text.add(`],"format":"kerro-merged","kiosks":${canonicalJson(kiosks)},"polls":${canonicalJson([...polls.values()])},"schemaVersion":1}\n`);
  text.flush();
  return new Blob(text.parts, { type: 'application/json' });
}
