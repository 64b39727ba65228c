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
 * The answers of one kept batch, in order, without those an earlier batch of its kiosk already
 * brought. Storage in a browser can be edited by whoever holds the machine, so the batch's hash
 * is checked again first: equal bytes are the bytes whose every answer was checked against its
 * schema when the batch arrived, and a batch that no longer matches is left out.
 */
async function answersOf(stored: StoredBatch, summary: BatchSummary): Promise<ExportAnswer[]> {
  if ((await sha256Hex(strToU8(stored.canonical))) !== stored.sha256) return [];
  const lines = stored.canonical.split('\n');
  const answers: ExportAnswer[] = [];
  for (let index = 1; index < lines.length - 2; index += 1) {
    const line = lines[index] ?? '';
    const answer: ExportAnswer = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
    if (summary.overlaps.length === 0 || !isInRanges(answer.seq, summary.overlaps)) answers.push(answer);
  }
  return answers;
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
 * one batch at a time, each batch's rows handed to a Blob at once, so the worker never holds
 * the whole file as one string.
 */
export async function mergedCsvFile(database: IDBDatabase, language: LanguageCode): Promise<Blob> {
  const { byKey, polls } = await summariesByKey(database);
  const formatter = new CsvFormatter('finnish-excel', language, polls);
  const parts: Blob[] = [new Blob([formatter.header()])];
  await eachBatch(database, async (stored) => {
    const summary = byKey.get(`${stored.kioskId}#${stored.number}`);
    if (summary === undefined) return;
    let rows = '';
    for (const answer of await answersOf(stored, summary)) rows += formatter.row(answer, stored.number, stored.kioskId);
    parts.push(new Blob([rows]));
  });
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

/** Every answer merged as canonical JSON (`kerro-merged`), laid out as canonicalJson would. */
export async function mergedJsonFile(database: IDBDatabase): Promise<Blob> {
  const { summaries, byKey, polls } = await summariesByKey(database);
  const kiosks = mergeSummaries(summaries).kiosks.map(({ kioskId, site, batches, missing, chainBreaks }) => ({ kioskId, site, batches, missing, chainBreaks }));
  const parts: Blob[] = [new Blob(['{"answers":['])];
  let isFirst = true;
  await eachBatch(database, async (stored) => {
    const summary = byKey.get(`${stored.kioskId}#${stored.number}`);
    if (summary === undefined) return;
    let text = '';
    for (const answer of await answersOf(stored, summary)) {
      text += `${isFirst ? '' : ','}${canonicalJson({ ...answer, kioskId: stored.kioskId, batch: stored.number })}`;
      isFirst = false;
    }
    parts.push(new Blob([text]));
  });
  parts.push(new Blob([`],"format":"kerro-merged","kiosks":${canonicalJson(kiosks)},"polls":${canonicalJson([...polls.values()])},"schemaVersion":1}\n`]));
  return new Blob(parts, { type: 'application/json' });
}
