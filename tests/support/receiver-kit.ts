import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExportManifest } from '../../src-shared/contract/batch-format';
import type { SampleBatch } from '../../scripts/fixtures/sample-batch';

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What the kiosk's export writes beside responses.json, for the receiver's USB import. */
export function manifestOf(batch: SampleBatch, hash = sha256(batch.canonical)): ExportManifest {
  const { header } = batch;
  return {
    format: 'kerro-export',
    schemaVersion: 1,
    kioskId: header.kioskId,
    site: header.site,
    batch: header.number,
    seqFrom: header.seqFrom,
    seqTo: header.seqTo,
    counts: { answers: header.count, comments: 0, masked: 0, burst: 0 },
    createdAt: header.createdAt,
    batchHash: hash,
    previousBatchHash: header.previousHash,
    sealedBy: header.sealedBy,
    appVersion: '0.1.0',
    language: 'fi',
    csvDialect: 'finnish-excel',
    files: [{ name: 'responses.json', bytes: Buffer.byteLength(batch.canonical), sha256: hash }],
  };
}

/** Writes an export folder as the kiosk names it, inside `parent`; returns its two files. */
export async function writeExportFolder(
  parent: string,
  batch: SampleBatch,
  responses = batch.canonical,
  manifest: ExportManifest | null = manifestOf(batch),
): Promise<string[]> {
  const folder = join(parent, `Kerro_${batch.header.kioskId}_2026-11-30_batch${batch.header.number}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'responses.json'), responses);
  await writeFile(join(folder, 'responses.csv'), '\uFEFFnot read by the receiver\r\n');
  if (manifest === null) return [join(folder, 'responses.json')];
  await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return [join(folder, 'responses.json'), join(folder, 'manifest.json')];
}

/** Waits for the import that `bringIn` starts to finish; returns each folder's line of the report. */
export async function importReport(page: Page, bringIn: () => Promise<void>): Promise<string[]> {
  const round = await page.evaluate(() => Number(document.querySelector('.import-report')?.getAttribute('data-round') ?? '0'));
  await bringIn();
  await expect.poll(() => page.locator(`.import-report[data-round="${round + 1}"][data-done="true"]`).count(), { timeout: 30_000 }).toBe(1);
  return page.getByTestId('import-report').locator('li').allTextContents();
}
