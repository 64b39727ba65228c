import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCrashChild, runAndKill, storedAnswers, type Acknowledged } from '../../scripts/fixtures/crash-harness';
import { ResponseBook } from '../../src-main/core/domain/response-book';
import { silentLogger } from '../../src-main/core/logger';
import { nodeFileSystem } from '../../src-main/core/store/file-system';
import { StoreContext } from '../../src-main/core/store/store-context';
import { makeTempDir } from '../support/temp-dir';

const kills = 50;
/** Four answers a segment: the child writes a checkpoint after every few answers, so kills land inside those writes. */
const segmentCapacity = 4;

async function openBook(dataDir: string): Promise<{ book: ResponseBook; context: StoreContext }> {
  const context = new StoreContext(dataDir, nodeFileSystem, () => new Date(), silentLogger);
  await context.prepare();
  return { book: await ResponseBook.open(context, segmentCapacity), context };
}

describe('the answers’ checkpoint through crashes', () => {
  it(
    `is trusted only when it matches the journal, and rebuilt otherwise, through ${kills} SIGKILLs while checkpointing`,
    async () => {
      const dataDir = join(await makeTempDir(), 'data');
      const childPath = await buildCrashChild('checkpoint-crash', undefined, 'book-crash-child.ts');
      const acknowledged: Acknowledged[] = [];
      let cutWrites = 0;
      for (let round = 0; round < kills; round += 1) {
        acknowledged.push(...(await runAndKill(childPath, dataDir, Math.floor(Math.random() * 30), segmentCapacity)));
        const leftovers = (await readdir(join(dataDir, 'checkpoint')).catch(() => [])).filter((name) => name.endsWith('.tmp'));
        if (leftovers.length > 0) cutWrites += 1;
        // Every few rounds the state opened from the checkpoint is compared with the journal itself.
        if (round % 6 !== 5) continue;
        const stored = await storedAnswers(dataDir);
        const { book, context } = await openBook(dataDir);
        expect(book.count).toBe(stored.length);
        expect(book.newestSeq).toBe(stored.length);
        expect(book.tally.count('council-feedback', 1)).toBe(stored.length);
        expect((await book.readRange()).map((response) => response.id)).toEqual(stored.map((answer) => answer.responseId));
        expect(await book.countAfter(0)).toBe(stored.length);
        expect(context.recoveries.filter((recovery) => !recovery.problem.startsWith('torn last line'))).toEqual([]);
        await book.close();
      }
      expect(acknowledged.length).toBeGreaterThan(kills);
      // Some kills did cut a checkpoint write short: its temporary file was left behind.
      expect(cutWrites).toBeGreaterThan(0);

      const stored = await storedAnswers(dataDir);
      const storedIds = new Set(stored.map((answer) => answer.responseId));
      expect(storedIds.size).toBe(stored.length);
      for (const answer of acknowledged) expect(storedIds.has(answer.responseId)).toBe(true);
      expect(stored.map((answer) => answer.seq)).toEqual(stored.map((_, index) => index + 1));
    },
    240_000,
  );
});
