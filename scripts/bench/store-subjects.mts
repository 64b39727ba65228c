// The stores the storage bench compares. Each one is given a history of answers first, then
// records one answer per call, durably where the store can, the way the kiosk would.
import { randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, fstatSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { StoredResponse } from '../../src-shared/contract/responses';
import { silentLogger } from '../../src-main/core/logger';
import { defaultSegmentCapacity, ResponseBook, type ResponseDraft } from '../../src-main/core/domain/response-book';
import { reserveBytes, sealedName } from '../../src-main/core/store/journal';
import { nodeFileSystem } from '../../src-main/core/store/file-system';
import { StoreContext } from '../../src-main/core/store/store-context';
import { systemClock, toLocalIsoString } from '../../src-main/core/time';
import { call, openTestKiosk, standingAnswer } from '../fixtures/kiosk';

export interface Subject {
  /** Records one more answer; returns once the store says it is kept. */
  record(): Promise<void>;
  close(): Promise<void>;
}

export interface SubjectKind {
  key: 'kerro' | 'book' | 'lowdb' | 'sqlite' | 'floor' | 'floorThreadPool' | 'floorReserve';
  label: string;
  /** Makes the store in an empty folder with `stored` answers already in it. */
  prepare(directory: string, stored: number): Promise<Subject>;
}

const historyStart = Date.parse('2026-01-05T08:00:00Z');

/** An answer as the kiosk is handed it: the standing question, one face, in Finnish. */
function answerDraft(kioskId: string, answeredAt: Date): ResponseDraft {
  return {
    kioskId,
    pollId: 'council-feedback',
    pollVersion: 1,
    answer: { optionIds: ['good'] },
    language: 'fi',
    answeredAt: toLocalIsoString(answeredAt),
    flags: [],
  };
}

/** The same answer as the kiosk stores it. */
export function answerRecord(seq: number, kioskId: string): StoredResponse {
  return { id: randomUUID(), ...answerDraft(kioskId, new Date(historyStart + seq * 90_000)), seq, topics: [], comment: null };
}

/** The bytes Kerro's journal writes for one answer, so the floor appends exactly as much. */
export function journalLine(response: StoredResponse): string {
  return `${JSON.stringify({ v: 1, type: 'response', response })}\n`;
}

/**
 * A history in the journal's own format, sealed segments of the journal's own size, written
 * straight to disk: going through the book would take minutes for 100,000 answers and
 * measure nothing. The book then opens and checks every line of it like any other history.
 */
async function writeJournalHistory(dataDir: string, kioskId: string, stored: number): Promise<void> {
  const answers = join(dataDir, 'answers');
  await mkdir(answers, { recursive: true });
  let seq = 1;
  for (let segment = 1; seq <= stored; segment += 1) {
    const lines: string[] = [];
    for (let line = 0; line < defaultSegmentCapacity && seq <= stored; line += 1, seq += 1) {
      lines.push(journalLine(answerRecord(seq, kioskId)));
    }
    await writeFile(join(answers, sealedName(segment)), lines.join(''));
  }
}

function checkOpened(label: string, found: number, expected: number, recoveries: number): void {
  if (found !== expected || recoveries !== 0) {
    throw new Error(`${label}: opened ${found} of ${expected} answers with ${recoveries} recoveries; the history is not in the journal's format`);
  }
}

const kerro: SubjectKind = {
  key: 'kerro',
  label: 'Kerro: responses.submit, whole core path (validation, poll checks, journal)',
  async prepare(directory, stored) {
    const dataDir = join(directory, 'kerro');
    const first = await openTestKiosk(dataDir);
    const kioskId = first.health().kioskId;
    await first.close();
    await writeJournalHistory(dataDir, kioskId, stored);
    const kiosk = await openTestKiosk(dataDir);
    const { answersStored, storage } = kiosk.health();
    checkOpened('Kerro', answersStored, stored, storage.recoveries.length);
    return {
      async record() {
        const result = await call(kiosk, 'responses.submit', standingAnswer());
        if (!result.ok) throw new Error(`Kerro refused an answer: ${result.error.message}`);
      },
      close: () => kiosk.close(),
    };
  },
};

const book: SubjectKind = {
  key: 'book',
  label: 'Kerro: ResponseBook.submit alone (the journal)',
  async prepare(directory, stored) {
    const dataDir = join(directory, 'book');
    const kioskId = randomUUID();
    await writeJournalHistory(dataDir, kioskId, stored);
    const context = new StoreContext(dataDir, nodeFileSystem, systemClock, silentLogger);
    await context.prepare();
    const responses = await ResponseBook.open(context);
    checkOpened('ResponseBook', responses.count, stored, context.recoveries.length);
    return {
      async record() {
        await responses.submit(answerDraft(kioskId, new Date()));
      },
      close: () => responses.close(),
    };
  },
};

interface LowdbData {
  responses: StoredResponse[];
}

const lowdb: SubjectKind = {
  key: 'lowdb',
  label: 'lowdb 7 JSONFile, everything in one file, one db.write per answer (stock: no fsync)',
  async prepare(directory, stored) {
    const kioskId = randomUUID();
    const db = new Low<LowdbData>(new JSONFile<LowdbData>(join(directory, 'lowdb.json')), { responses: [] });
    db.data.responses = Array.from({ length: stored }, (_, index) => answerRecord(index + 1, kioskId));
    await db.write();
    let seq = stored;
    return {
      async record() {
        seq += 1;
        db.data.responses.push(answerRecord(seq, kioskId));
        await db.write();
      },
      close: async () => undefined,
    };
  },
};

const sqlite: SubjectKind = {
  key: 'sqlite',
  label: 'better-sqlite3 12, WAL, synchronous=FULL, one INSERT per answer',
  async prepare(directory, stored) {
    const kioskId = randomUUID();
    const db = new Database(join(directory, 'answers.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE answers (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, body TEXT NOT NULL)');
    const insert = db.prepare<[number, string, string]>('INSERT INTO answers (seq, id, body) VALUES (?, ?, ?)');
    const add = (seq: number) => {
      const response = answerRecord(seq, kioskId);
      insert.run(seq, response.id, JSON.stringify(response));
    };
    db.transaction(() => {
      for (let seq = 1; seq <= stored; seq += 1) add(seq);
    })();
    // The history sits in the main file, as it would after the kiosk had run a while.
    db.pragma('wal_checkpoint(TRUNCATE)');
    let seq = stored;
    return {
      async record() {
        seq += 1;
        add(seq);
      },
      close: async () => {
        db.close();
      },
    };
  },
};

/** A file holding the same history as Kerro's journal, as bytes. */
async function floorFile(directory: string, name: string, stored: number): Promise<{ path: string; kioskId: string }> {
  const kioskId = randomUUID();
  const path = join(directory, name);
  const lines: string[] = [];
  for (let seq = 1; seq <= stored; seq += 1) lines.push(journalLine(answerRecord(seq, kioskId)));
  await writeFile(path, lines.join(''));
  return { path, kioskId };
}

const floor: SubjectKind = {
  key: 'floor',
  label: 'floor: append the same line + fdatasync (blocking calls)',
  async prepare(directory, stored) {
    const { path, kioskId } = await floorFile(directory, 'floor.jsonl', stored);
    const descriptor = openSync(path, 'a');
    let seq = stored;
    return {
      async record() {
        seq += 1;
        writeSync(descriptor, journalLine(answerRecord(seq, kioskId)));
        fdatasyncSync(descriptor);
      },
      close: async () => closeSync(descriptor),
    };
  },
};

const floorThreadPool: SubjectKind = {
  key: 'floorThreadPool',
  label: 'for reference: the same append + fdatasync through fs/promises (thread pool)',
  async prepare(directory, stored) {
    const { path, kioskId } = await floorFile(directory, 'floor-thread-pool.jsonl', stored);
    const handle: FileHandle = await open(path, 'a');
    let seq = stored;
    return {
      async record() {
        seq += 1;
        const bytes = Buffer.from(journalLine(answerRecord(seq, kioskId)), 'utf8');
        await handle.write(bytes, 0, bytes.length);
        await handle.datasync();
      },
      close: () => handle.close(),
    };
  },
};

const floorReserve: SubjectKind = {
  key: 'floorReserve',
  label: "for reference: the same line written over spaces written ahead + fdatasync (blocking), Kerro's way",
  async prepare(directory, stored) {
    const { path, kioskId } = await floorFile(directory, 'floor-reserve.jsonl', stored);
    const descriptor = openSync(path, 'r+');
    let position = fstatSync(descriptor).size;
    let reservedEnd = position;
    let seq = stored;
    return {
      async record() {
        seq += 1;
        const bytes = Buffer.from(journalLine(answerRecord(seq, kioskId)), 'utf8');
        if (position + bytes.length > reservedEnd) {
          const reserve = Buffer.alloc(reserveBytes, 0x20);
          writeSync(descriptor, reserve, 0, reserve.length, reservedEnd);
          reservedEnd += reserve.length;
        }
        writeSync(descriptor, bytes, 0, bytes.length, position);
        position += bytes.length;
        fdatasyncSync(descriptor);
      },
      close: async () => closeSync(descriptor),
    };
  },
};

export const subjectKinds: readonly SubjectKind[] = [kerro, book, lowdb, sqlite, floor, floorThreadPool, floorReserve];
