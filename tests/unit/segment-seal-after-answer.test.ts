import { readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResponseBook } from '../../src-main/core/domain/response-book';
import { silentLogger } from '../../src-main/core/logger';
import { nodeFileSystem, type FileSystem } from '../../src-main/core/store/file-system';
import { StoreContext } from '../../src-main/core/store/store-context';
import { standingDraft } from '../../scripts/fixtures/answer-draft';
import { makeTempDir } from '../support/temp-dir';

/**
 * The file system, with each rename that seals a journal segment held: `reached()` resolves when
 * one is waiting, `release()` lets it through, `fail()` fails it.
 */
function heldSeal(): { fileSystem: FileSystem; reached(): Promise<void>; release(): void; fail(): void } {
  let waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let onReached = () => {};
  let isReached = false;
  const fileSystem: FileSystem = {
    ...nodeFileSystem,
    rename: async (from, to) => {
      if (String(from).endsWith('.open.jsonl')) {
        const held = new Promise<void>((resolve, reject) => (waiting = { resolve, reject }));
        isReached = true;
        onReached();
        await held;
      }
      return nodeFileSystem.rename(from, to);
    },
  };
  const settle = (action: (held: NonNullable<typeof waiting>) => void) => {
    if (waiting === null) throw new Error('No seal is waiting');
    action(waiting);
    waiting = null;
    isReached = false;
  };
  return {
    fileSystem,
    reached: () => (isReached ? Promise.resolve() : new Promise((resolve) => (onReached = resolve))),
    release: () => settle((held) => held.resolve()),
    fail: () => settle((held) => held.reject(Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' }))),
  };
}

/**
 * The file system, with the open segment's handle watched: once `holdReads()` is called, a read
 * through it waits for `releaseReads()`, and the seal's datasync waits until such a read has
 * begun; `synced()` resolves when that datasync is done, the moment the seal goes on to close
 * the handle.
 */
function heldRead(): { fileSystem: FileSystem; holdReads(): void; synced(): Promise<void>; releaseReads(): void } {
  let isHolding = false;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let readBegun = () => {};
  const begun = new Promise<void>((resolve) => (readBegun = resolve));
  let onSynced = () => {};
  const synced = new Promise<void>((resolve) => (onSynced = resolve));
  const watched = (handle: FileHandle): FileHandle =>
    new Proxy(handle, {
      get(target, key) {
        if (key === 'read' && isHolding) {
          return async (...args: Parameters<FileHandle['read']>) => {
            readBegun();
            await released;
            return target.read(...args);
          };
        }
        if (key === 'datasync' && isHolding) {
          return async () => {
            await begun;
            await target.datasync();
            onSynced();
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const fileSystem: FileSystem = {
    ...nodeFileSystem,
    open: async (path, flags, mode) => {
      const handle = await nodeFileSystem.open(path, flags, mode);
      return String(path).endsWith('.open.jsonl') ? watched(handle) : handle;
    },
  };
  return { fileSystem, holdReads: () => (isHolding = true), synced: () => synced, releaseReads: () => release() };
}

/**
 * The file system, with the open segment's first close reported as failed after the descriptor
 * was let go, as Linux's close does on EIO: the number is free again, whatever the caller thinks.
 */
function failingClose(): FileSystem {
  let hasFailed = false;
  const failing = (handle: FileHandle): FileHandle =>
    new Proxy(handle, {
      get(target, key) {
        if (key === 'close' && !hasFailed) {
          return async () => {
            hasFailed = true;
            await target.close();
            throw Object.assign(new Error('EIO: i/o error, close'), { code: 'EIO' });
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return {
    ...nodeFileSystem,
    open: async (path, flags, mode) => {
      const handle = await nodeFileSystem.open(path, flags, mode);
      return String(path).endsWith('.open.jsonl') ? failing(handle) : handle;
    },
  };
}

const answeredAt = (minute: number) => `2026-01-05T10:${String(minute).padStart(2, '0')}:00.000+02:00`;

async function openBook(fileSystem: FileSystem, dataDir: string): Promise<ResponseBook> {
  const context = new StoreContext(dataDir, fileSystem, () => new Date(), silentLogger);
  await context.prepare();
  return ResponseBook.open(context, 2);
}

describe('sealing a full journal segment', () => {
  it('acknowledges the answer that fills a segment before the seal, holds the next answer until the seal is done, and keeps all of them', async () => {
    const dataDir = join(await makeTempDir(), 'data');
    const seal = heldSeal();
    const book = await openBook(seal.fileSystem, dataDir);
    await book.submit(standingDraft(answeredAt(0)));
    // The second answer fills the segment: it is on disk and acknowledged while the seal still waits.
    const second = await book.submit(standingDraft(answeredAt(1)));
    expect(second.seq).toBe(2);
    await seal.reached();
    let isThirdStored = false;
    const third = book.submit(standingDraft(answeredAt(2))).then((stored) => {
      isThirdStored = true;
      return stored;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(isThirdStored).toBe(false);
    seal.release();
    expect((await third).seq).toBe(3);
    await book.close();
    expect((await readdir(join(dataDir, 'answers'))).sort()).toEqual(['000001.jsonl', '000002.open.jsonl']);
    const reopened = await openBook(nodeFileSystem, dataDir);
    expect((await reopened.readRange()).map((response) => response.seq)).toEqual([1, 2, 3]);
    await reopened.close();
  });

  it('keeps a segment whose seal failed open for the next answers and seals it after them', async () => {
    const dataDir = join(await makeTempDir(), 'data');
    const seal = heldSeal();
    const book = await openBook(seal.fileSystem, dataDir);
    await book.submit(standingDraft(answeredAt(0)));
    await book.submit(standingDraft(answeredAt(1)));
    await seal.reached();
    seal.fail();
    await book.whenIdle();
    expect((await readdir(join(dataDir, 'answers'))).sort()).toEqual(['000001.open.jsonl']);
    // Still open: the next two answers go into the same segment, and the second of them fills it again.
    expect((await book.submit(standingDraft(answeredAt(2)))).seq).toBe(3);
    expect((await book.submit(standingDraft(answeredAt(3)))).seq).toBe(4);
    await seal.reached();
    seal.release();
    await book.close();
    expect((await readdir(join(dataDir, 'answers'))).sort()).toEqual(['000001.jsonl']);
    const reopened = await openBook(nodeFileSystem, dataDir);
    expect((await reopened.readRange()).map((response) => response.seq)).toEqual([1, 2, 3, 4]);
    expect(reopened.count).toBe(4);
    await reopened.close();
  });

  it('stores the next answers through a handle opened anew when the seal could not close the old one', async () => {
    const dataDir = join(await makeTempDir(), 'data');
    const book = await openBook(failingClose(), dataDir);
    await book.submit(standingDraft(answeredAt(0)));
    await book.submit(standingDraft(answeredAt(1)));
    await book.whenIdle();
    // The seal stopped at the close: the segment keeps its open name and its two lines.
    expect((await readdir(join(dataDir, 'answers'))).sort()).toEqual(['000001.open.jsonl']);
    expect((await book.submit(standingDraft(answeredAt(2)))).seq).toBe(3);
    expect((await book.submit(standingDraft(answeredAt(3)))).seq).toBe(4);
    await book.close();
    const reopened = await openBook(nodeFileSystem, dataDir);
    expect((await reopened.readRange()).map((response) => response.seq)).toEqual([1, 2, 3, 4]);
    expect(reopened.count).toBe(4);
    await reopened.close();
  });

  it('lets a read of the segment that is being sealed finish before the seal closes it', async () => {
    const dataDir = join(await makeTempDir(), 'data');
    const watch = heldRead();
    const book = await openBook(watch.fileSystem, dataDir);
    await book.submit(standingDraft(answeredAt(0)));
    watch.holdReads();
    // The second answer fills the segment; reading it back begins while the seal is under way.
    await book.submit(standingDraft(answeredAt(1)));
    const reading = book.readRange();
    await watch.synced();
    await new Promise((resolve) => setImmediate(resolve));
    watch.releaseReads();
    expect((await reading).map((response) => response.seq)).toEqual([1, 2]);
    await book.whenIdle();
    expect((await readdir(join(dataDir, 'answers'))).sort()).toEqual(['000001.jsonl']);
    await book.close();
  });
});
