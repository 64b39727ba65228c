import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointName } from '../../src-main/core/domain/answer-checkpoint';
import { heldCommentsPerPoll } from '../../src-main/core/domain/comment-shelf';
import { ResponseBook } from '../../src-main/core/domain/response-book';
import { silentLogger } from '../../src-main/core/logger';
import { nodeFileSystem } from '../../src-main/core/store/file-system';
import { StoreContext } from '../../src-main/core/store/store-context';
import { standingDraft } from '../../scripts/fixtures/answer-draft';
import { makeTempDir } from '../support/temp-dir';

/** Small segments: the comments spread over many, as they do over months. */
const segmentCapacity = 40;
const answers = heldCommentsPerPoll + 150;

async function openBook(dataDir: string): Promise<{ book: ResponseBook; context: StoreContext }> {
  const context = new StoreContext(dataDir, nodeFileSystem, () => new Date(), silentLogger);
  await context.prepare();
  return { book: await ResponseBook.open(context, segmentCapacity), context };
}

/** Day n of January 2026, local time as the kiosk stores it. */
const dayOf = (index: number) => `2026-01-${String(1 + Math.floor(index / 15)).padStart(2, '0')}`;

async function newestFirst(book: ResponseBook, from: string | null, to: string | null, limit: number): Promise<string[]> {
  const found: string[] = [];
  for await (const response of book.commentedNewestFirst('council-feedback', from, to)) {
    found.push(`${response.seq}:${response.comment ?? ''}`);
    if (found.length >= limit) break;
  }
  return found;
}

describe('the newest comments kept in the answers’ state', () => {
  it('gives the same comments as the journal, from the state when it holds them and from disk beyond it, open after open', async () => {
    const dataDir = join(await makeTempDir(), 'data');
    const { book } = await openBook(dataDir);
    /** What the journal says, answer by answer: the comment each ends with, or null. */
    const expected: { seq: number; day: string; comment: string | null }[] = [];
    for (let index = 0; index < answers; index += 1) {
      const day = dayOf(index);
      const stored = await book.submit(standingDraft(`${day}T10:${String(index % 60).padStart(2, '0')}:00.000+02:00`));
      let comment: string | null = index % 4 === 3 ? null : `comment ${index}`;
      if (comment !== null) await book.followUp(stored.id, [], comment);
      // Now and then a parent takes the comment back, or changes it, within the visit.
      if (index % 25 === 5) {
        comment = index % 50 === 5 ? null : `changed ${index}`;
        await book.followUp(stored.id, [], comment);
      }
      expected.push({ seq: stored.seq, day, comment });
    }
    const wanted = (from: string | null, to: string | null, limit: number) =>
      expected
        .filter((entry) => entry.comment !== null && (from === null || entry.day >= from) && (to === null || entry.day <= to))
        .reverse()
        .slice(0, limit)
        .map((entry) => `${entry.seq}:${entry.comment ?? ''}`);
    const ranges: [string | null, string | null, number][] = [
      [null, null, 200],
      // More than the state holds: the rest comes from disk, after the state's oldest.
      [null, null, 1000],
      [dayOf(answers - 60), null, 1000],
      // Days older than anything the state holds.
      [dayOf(0), dayOf(40), 1000],
      [dayOf(30), dayOf(90), 100],
    ];
    const check = async (opened: ResponseBook) => {
      for (const [from, to, limit] of ranges) expect(await newestFirst(opened, from, to, limit)).toEqual(wanted(from, to, limit));
    };
    await check(book);
    await book.close();

    // From the checkpoint, then rebuilt from the journal alone.
    const reopened = await openBook(dataDir);
    await check(reopened.book);
    await reopened.book.close();
    await rm(join(dataDir, 'checkpoint', checkpointName));
    const rebuilt = await openBook(dataDir);
    await check(rebuilt.book);
    await rebuilt.book.close();
  });

  it('rebuilds the state once from a checkpoint in the older format, without calling it damage', async () => {
    const dataDir = join(await makeTempDir(), 'data');
    const { book } = await openBook(dataDir);
    await book.submit(standingDraft('2026-01-05T10:00:00.000+02:00'));
    await book.close();
    const path = join(dataDir, 'checkpoint', checkpointName);
    const older: unknown = JSON.parse(await readFile(path, 'utf8'));
    // The checkpoint as the first format had it: no comments, version 1.
    await writeFile(path, JSON.stringify(older, (key, value: unknown) => (key === 'comments' ? undefined : key === 'v' ? 1 : value)));

    const { book: reopened, context } = await openBook(dataDir);
    expect(reopened.count).toBe(1);
    expect(context.recoveries).toEqual([]);
    expect(context.quarantined).toBe(0);
    await reopened.close();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ v: 2, count: 1 });
  });
});
