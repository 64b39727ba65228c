import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerIdOf, answerIdRun } from '../../src-shared/contract/answer-id';
import { readAnswerIds, writeAnswerIds } from '../../src-shared/qr/answer-id-column';
import { ByteReader, CompactFormatError } from '../../src-shared/qr/byte-codec';
import { ResponseBook } from '../../src-main/core/domain/response-book';
import { standingDraft } from '../../scripts/fixtures/answer-draft';
import { silentLogger } from '../../src-main/core/logger';
import { StoreContext } from '../../src-main/core/store/store-context';
import { faultyFileSystem, type Fault } from '../support/faulty-file-system';
import { makeTempDir } from '../support/temp-dir';

const draft = standingDraft('2026-12-03T10:00:00.000+02:00', 'K-IDS');

async function openBook(dataDir: string, fault: Fault): Promise<ResponseBook> {
  const context = new StoreContext(dataDir, faultyFileSystem(fault), () => new Date(), silentLogger);
  await context.prepare();
  return ResponseBook.open(context);
}

const runOf = (id: string) => id.replaceAll('-', '').slice(0, 24);
const countOf = (id: string) => Number.parseInt(id.replaceAll('-', '').slice(24), 16);

describe('answer ids', () => {
  it('are version 8 UUIDs with 90 random bits of run and a 32-bit count', () => {
    const run = answerIdRun(new Uint8Array(12).fill(0xff));
    expect(answerIdOf(run, 0)).toBe('ffffffff-ffff-8fff-bfff-ffff00000000');
    expect(answerIdOf(answerIdRun(new Uint8Array(12)), 2 ** 32 - 1)).toBe('00000000-0000-8000-8000-0000ffffffff');
    expect(z.uuid().safeParse(answerIdOf(run, 7)).success).toBe(true);
    expect(() => answerIdOf(run, 2 ** 32)).toThrow(RangeError);
  });

  it('count up in one run per opening; a failed write uses its id up; a reopened book draws a new run and old ids read back as written', async () => {
    const dataDir = join(await makeTempDir(), 'data');
    const fault: Fault = { code: null, on: 'write' };
    const book = await openBook(dataDir, fault);
    const first = [await book.submit(draft), await book.submit(draft)];
    fault.code = 'EIO';
    await expect(book.submit(draft)).rejects.toThrow();
    fault.code = null;
    first.push(await book.submit(draft));
    expect(first.map((answer) => answer.seq)).toEqual([1, 2, 3]);
    expect(first.map((answer) => countOf(answer.id))).toEqual([0, 1, 3]);
    expect(new Set(first.map((answer) => runOf(answer.id))).size).toBe(1);
    // The book formats its run once: each id is still exactly the contract's id of its run and count.
    const runBytes = (id: string) => Uint8Array.from(runOf(id).match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
    for (const answer of first) expect(answerIdOf(runBytes(answer.id), countOf(answer.id))).toBe(answer.id);
    await book.close();

    const reopened = await openBook(dataDir, fault);
    const later = await reopened.submit(draft);
    expect(runOf(later.id)).not.toBe(runOf(first[0]?.id ?? ''));
    expect(countOf(later.id)).toBe(0);
    expect((await reopened.readRange()).map((answer) => answer.id)).toEqual([...first, later].map((answer) => answer.id));
    await reopened.close();
  });

  it('in the compact form: a forged step or place is refused, never turned into an id', () => {
    const run = answerIdRun(new Uint8Array(12).fill(9));
    const written = writeAnswerIds([answerIdOf(run, 0), answerIdOf(run, 1)], [answerIdOf(run, 0).replaceAll('-', '').slice(0, 24)]);
    expect(readAnswerIds(new ByteReader(written), 2, true)).toEqual([answerIdOf(run, 0), answerIdOf(run, 1)]);
    // Table of one run, places 1 and 1, steps 0 and then −2 (zigzag 3): the second count would be −1.
    const backwards = Uint8Array.from([...written.subarray(0, -1), 3]);
    expect(() => readAnswerIds(new ByteReader(backwards), 2, true)).toThrow(CompactFormatError);
    const nowhere = written.slice();
    nowhere[13] = 2;
    expect(() => readAnswerIds(new ByteReader(nowhere), 2, true)).toThrow(CompactFormatError);
  });
});
