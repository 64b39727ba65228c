import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvColumns } from '../../src-shared/export/csv';
import { mergedCsv } from '../../src-shared/qr/merged-csv';
import { mergeBatches, type KeptBatch } from '../../src-shared/qr/merge';
import { sampleBatch, samplePolls, type SampleBatch } from '../../scripts/fixtures/sample-batch';

const kept = (batch: SampleBatch): KeptBatch => ({
  header: batch.header,
  polls: samplePolls,
  answers: batch.answers,
  sha256: createHash('sha256').update(batch.canonical).digest('hex'),
});

describe('merging batches', () => {
  const first = kept(sampleBatch({ answers: 30, seed: 1, kioskId: 'K-A' }));
  const second = kept(sampleBatch({ answers: 20, seed: 2, kioskId: 'K-A', number: 2, seqFrom: 31, previousHash: first.sha256 }));
  const fourth = kept(sampleBatch({ answers: 5, seed: 3, kioskId: 'K-A', number: 4, seqFrom: 61, previousHash: 'a'.repeat(64) }));
  const otherFirst = kept(sampleBatch({ answers: 10, seed: 4, kioskId: 'K-B' }));
  const otherSecond = kept(sampleBatch({ answers: 10, seed: 5, kioskId: 'K-B', number: 2, seqFrom: 11, previousHash: 'b'.repeat(64) }));

  it('counts every answer once per kiosk and sequence number, whatever the order or repeats', () => {
    const merged = mergeBatches([second, first, otherFirst, first, second]);
    expect(merged.answers).toHaveLength(60);
    expect(merged.duplicateAnswers).toBe(50);
    expect(merged.kiosks.map((kiosk) => [kiosk.kioskId, kiosk.missing, kiosk.chainBreaks])).toEqual([
      ['K-A', [], []],
      ['K-B', [], []],
    ]);
  });

  it('names missing batch numbers and batches that do not follow the one before', () => {
    const merged = mergeBatches([first, fourth, otherFirst, otherSecond]);
    const [a, b] = merged.kiosks;
    expect(a?.missing).toEqual([2, 3]);
    expect(a?.chainBreaks).toEqual([]);
    expect(b?.chainBreaks).toEqual([2]);
    expect(mergeBatches([second]).kiosks[0]?.missing).toEqual([1]);
  });

  it('saves CSV in the Finnish Excel dialect that parses back to the answers', () => {
    const merged = mergeBatches([first, otherFirst]);
    const csv = mergedCsv(merged.answers, merged.polls, 'fi');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', newline: '\r\n' }).data.slice(0, -1);
    expect(rows[0]).toEqual([...csvColumns]);
    expect(rows).toHaveLength(41);
    const answer = merged.answers[0];
    const row = rows[1] ?? [];
    const cell = (column: string) => row[csvColumns.findIndex((name) => name === column)];
    expect(cell('kiosk_id')).toBe('K-A');
    expect(cell('response_id')).toBe(answer?.id);
    expect(cell('date')).toMatch(/^\d{1,2}\.\d{1,2}\.2026$/);
    expect(cell('comment')).toBe(answer?.comment ?? '');
  });
});
