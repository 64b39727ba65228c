import { strToU8 } from 'fflate';
import { splitOpeningLine } from '../../src-shared/contract/batch-canonical';
import { batchHeaderSchema, exportManifestSchema } from '../../src-shared/contract/batch-format';
import { BatchRefused, openExportedBatch, parseCanonicalBatch, type ReceivedBatch } from '../../src-shared/qr/batch-intake';
import { summarizeBatch, type SeqRange } from '../../src-shared/qr/batch-summary';
import { allSummaries, batchKeys, clearStore, findBatch, openStore, putBatch, putSummary } from './batch-store';
import type { FolderFiles } from './folder-files';
import { csvPlan, mergedCsvPart, mergedJsonFile } from './merged-files';
import { sha256Hex } from './sha256';
import type { IntakeOutcome, WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * The receiver's heavy work, off the page's main thread: reading, hashing, checking and
 * summarising batches as they arrive, and writing the merged CSV and JSON. Requests are taken
 * one at a time, in order, so two imports never race for the same batch number.
 */

const post = (reply: WorkerReply) => postMessage(reply, {});
const database = openStore();
/** Per kiosk, the sequence ranges its kept batches cover; read once, then kept up to date. */
let rangesByKiosk: Map<string, SeqRange[]> | null = null;

async function rangesOf(kioskId: string): Promise<SeqRange[]> {
  if (rangesByKiosk === null) {
    rangesByKiosk = new Map();
    for (const summary of await allSummaries(await database)) {
      rangesByKiosk.set(summary.kioskId, [...(rangesByKiosk.get(summary.kioskId) ?? []), [summary.seqFrom, summary.seqTo]]);
    }
  }
  return rangesByKiosk.get(kioskId) ?? [];
}

async function keep(batch: ReceivedBatch, source: 'qr' | 'usb'): Promise<IntakeOutcome> {
  const { kioskId, number, count } = batch.header;
  const existing = await findBatch(await database, kioskId, number);
  if (existing !== undefined) {
    return existing.sha256 === batch.sha256 ? { kind: 'duplicate', kioskId, number } : { kind: 'refused', reason: 'conflict' };
  }
  const earlier = await rangesOf(kioskId);
  const summary = summarizeBatch(batch, earlier);
  await putBatch(await database, { kioskId, number, sha256: batch.sha256, canonical: batch.canonical, receivedAt: new Date().toISOString(), source }, summary);
  rangesByKiosk?.set(kioskId, [...earlier, [batch.header.seqFrom, batch.header.seqTo]]);
  return { kind: 'received', kioskId, number, count };
}

/**
 * A folder already kept (same kiosk, number and hash) is known by its hash alone: bringing the
 * same stick again costs reading and hashing each file's bytes, not decoding and checking every
 * answer.
 */
async function alreadyKept(responses: File, manifest: string | null): Promise<IntakeOutcome | null> {
  const head = await responses.slice(0, 65_536).text();
  const opening = splitOpeningLine(head.slice(0, Math.max(0, head.indexOf('\n'))));
  const header = batchHeaderSchema.safeParse(opening?.header);
  if (!header.success) return null;
  const existing = await findBatch(await database, header.data.kioskId, header.data.number);
  if (existing === undefined) return null;
  const actual = await sha256Hex(new Uint8Array(await responses.arrayBuffer()));
  if (actual !== existing.sha256) return null;
  if (manifest !== null) {
    const parsed = exportManifestSchema.safeParse(JSON.parse(manifest));
    if (!parsed.success || parsed.data.batchHash !== actual || parsed.data.batch !== header.data.number || parsed.data.kioskId !== header.data.kioskId) return null;
  }
  return { kind: 'duplicate', kioskId: header.data.kioskId, number: header.data.number };
}

async function takeFolder(folder: FolderFiles): Promise<IntakeOutcome> {
  if (folder.responses === null) return { kind: 'refused', reason: 'noResponses' };
  try {
    const manifest = folder.manifest === null ? null : await folder.manifest.text();
    // A folder this check cannot place (no header, a manifest that is no JSON) takes the full check, which says why.
    const known = await alreadyKept(folder.responses, manifest).catch(() => null);
    if (known !== null) return known;
    return await keep(await openExportedBatch(await folder.responses.text(), manifest, sha256Hex), 'usb');
  } catch (error) {
    if (error instanceof BatchRefused) return { kind: 'refused', reason: error.reason };
    throw error;
  }
}

/** Batches kept before summaries existed, or whose summary was lost: checked and summarised once. */
async function summarizeMissing(): Promise<void> {
  const opened = await database;
  const summarized = new Set((await allSummaries(opened)).map((summary) => `${summary.kioskId}#${summary.number}`));
  for (const key of await batchKeys(opened)) {
    if (!Array.isArray(key)) continue;
    const [kioskId, number] = key;
    if (typeof kioskId !== 'string' || typeof number !== 'number' || summarized.has(`${kioskId}#${number}`)) continue;
    const stored = await findBatch(opened, kioskId, number);
    if (stored === undefined || (await sha256Hex(strToU8(stored.canonical))) !== stored.sha256) continue;
    try {
      const summary = summarizeBatch({ ...parseCanonicalBatch(stored.canonical), sha256: stored.sha256 }, await rangesOf(kioskId));
      await putSummary(opened, summary);
      rangesByKiosk?.set(kioskId, [...(rangesByKiosk.get(kioskId) ?? []), [summary.seqFrom, summary.seqTo]]);
    } catch (error) {
      // Storage edited into something that is no batch: it is left out of the merge, as before.
      if (!(error instanceof BatchRefused)) throw error;
    }
  }
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.kind) {
    case 'folders':
      for (const folder of request.folders) post({ kind: 'folder', id: request.id, report: { label: folder.label, outcome: await takeFolder(folder) } });
      break;
    case 'transferred':
      try {
        post({ kind: 'outcome', id: request.id, outcome: await keep({ ...parseCanonicalBatch(request.canonical), sha256: request.sha256, canonical: request.canonical }, 'qr') });
      } catch (error) {
        if (!(error instanceof BatchRefused)) throw error;
        post({ kind: 'outcome', id: request.id, outcome: { kind: 'refused', reason: error.reason } });
      }
      break;
    case 'summarizeMissing':
      await summarizeMissing();
      break;
    case 'csv': {
      // Made in this queue, after every import asked before it: the runs name the same batches whoever writes them.
      const plan = await csvPlan(await database, request.shares);
      post({ kind: 'plan', id: request.id, plan });
      post({ kind: 'file', id: request.id, file: await mergedCsvPart(await database, request.language, plan, 0) });
      break;
    }
    case 'csvPart':
      post({ kind: 'file', id: request.id, file: await mergedCsvPart(await database, request.language, request.plan, request.share) });
      break;
    case 'json':
      post({ kind: 'file', id: request.id, file: await mergedJsonFile(await database) });
      break;
    case 'clear':
      await clearStore(await database);
      rangesByKiosk = null;
      break;
  }
  post({ kind: 'done', id: request.id });
}

let queue = Promise.resolve();
addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  queue = queue.then(() => handle(request).catch((error: unknown) => post({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) })));
});
