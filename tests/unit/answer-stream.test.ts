import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredResponse } from '../../src-shared/contract/responses';
import { ResponseBook } from '../../src-main/core/domain/response-book';
import { silentLogger } from '../../src-main/core/logger';
import { nodeFileSystem } from '../../src-main/core/store/file-system';
import { StoreContext } from '../../src-main/core/store/store-context';
import { standingDraft } from '../../scripts/fixtures/answer-draft';
import { makeTempDir } from '../support/temp-dir';

/** Tiny segments, so follow-ups land segments after their answers, as a busy morning spreads them. */
const segmentCapacity = 7;

async function streamed(book: ResponseBook, afterSeq: number, throughSeq: number): Promise<StoredResponse[]> {
  const found: StoredResponse[] = [];
  for await (const response of book.streamRange(afterSeq, throughSeq)) found.push(response);
  return found;
}

describe('answers streamed for sealing', () => {
  it('gives every answer of a range once, in order, with every follow-up, however far behind its follow-ups come', async () => {
    const dataDir = join(await makeTempDir(), 'data');
    const context = new StoreContext(dataDir, nodeFileSystem, () => new Date(), silentLogger);
    await context.prepare();
    const book = await ResponseBook.open(context, segmentCapacity);
    const ids: string[] = [];
    for (let index = 0; index < 60; index += 1) {
      const stored = await book.submit(standingDraft(`2026-01-05T10:${String(index).padStart(2, '0')}:00.000+02:00`));
      ids.push(stored.id);
      // A follow-up to an answer twelve back (two segments and more), and a later change to one five back.
      const far = ids[index - 12];
      if (far !== undefined) await book.followUp(far, [], `far ${index}`);
      const near = ids[index - 5];
      if (near !== undefined && index % 3 === 0) await book.followUp(near, [], index % 2 === 0 ? null : `near ${index}`);
    }
    const ranges: [number, number][] = [[0, 60], [10, 35], [20, 21], [47, 60], [0, 1]];
    for (const [afterSeq, throughSeq] of ranges) {
      const read = await book.readRange(afterSeq, throughSeq);
      expect(read.map((response) => response.seq)).toEqual(Array.from({ length: throughSeq - afterSeq }, (_, index) => afterSeq + index + 1));
      expect(await streamed(book, afterSeq, throughSeq)).toEqual(read);
    }
    // Changed after it was first given: the stream has the comment the journal ends with.
    expect((await streamed(book, 0, 60)).filter((response) => response.comment?.startsWith('far') === true)).not.toHaveLength(0);
    await book.close();
  });
});
