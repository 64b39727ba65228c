// Runs in its own process, so its memory is the kiosk's alone. Opens the kiosk over a stored
// history, asks for a month of live results, then records answers through responses.submit
// taking turns with the floor (append + fdatasync) and better-sqlite3 (WAL, synchronous=FULL).
// Prints one JSON line with the figures.
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../../src-main/core/api/dispatch';
import { openKiosk } from '../../src-main/core/kiosk';
import { silentLogger } from '../../src-main/core/logger';
import { percentile } from './machine.mjs';

const [dataDir = '', peerDir = '', samplesText = '300', monthFrom = '', monthTo = ''] = process.argv.slice(2);
const samples = Number(samplesText);
const megabytes = (bytes: number) => bytes / 2 ** 20;

const openStarted = performance.now();
const kiosk = await openKiosk({ dataDir, version: 'bench', logger: silentLogger, exportTargets: async () => [] });
const openMs = performance.now() - openStarted;
globalThis.gc?.();
const rssMb = megabytes(process.memoryUsage().rss);
const answersStored = kiosk.health().answersStored;

const resultsTimes: number[] = [];
let monthTotal = 0;
for (let index = 0; index < 5; index += 1) {
  const started = performance.now();
  const results = await kiosk.handlers['results.poll']({ pollId: 'council-feedback', from: monthFrom, to: monthTo, withoutFlagged: false }, { transport: 'http', staffToken: null });
  resultsTimes.push(performance.now() - started);
  monthTotal = results.total;
}

const submit = { pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: ['good'] }, language: 'fi' };
const line = Buffer.from(`${JSON.stringify({ v: 1, type: 'response', response: { id: crypto.randomUUID(), seq: 1, ...submit } })}\n`);
const floorFile = openSync(join(peerDir, 'floor.jsonl'), 'a');
const database = new Database(join(peerDir, 'answers.sqlite'));
database.pragma('journal_mode = WAL');
database.pragma('synchronous = FULL');
database.exec('CREATE TABLE IF NOT EXISTS answers (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)');
const insert = database.prepare('INSERT INTO answers (body) VALUES (?)');
const times = { kerro: [] as number[], floor: [] as number[], sqlite: [] as number[] };
const body = line.toString('utf8');
for (let index = 0; index < samples + 20; index += 1) {
  const isTimed = index >= 20;
  let started = performance.now();
  const result = await dispatch(kiosk, 'responses.submit', submit, { transport: 'http', staffToken: null });
  if (!result.ok) throw new Error(`submit failed: ${result.error.message}`);
  if (isTimed) times.kerro.push(performance.now() - started);
  started = performance.now();
  writeSync(floorFile, line);
  fdatasyncSync(floorFile);
  if (isTimed) times.floor.push(performance.now() - started);
  started = performance.now();
  insert.run(body);
  if (isTimed) times.sqlite.push(performance.now() - started);
}
closeSync(floorFile);
database.close();
await kiosk.close();
const p95 = (values: number[]) => percentile([...values].sort((left, right) => left - right), 0.95);
const median = (values: number[]) => percentile([...values].sort((left, right) => left - right), 0.5);
process.stdout.write(
  `${JSON.stringify({
    answersStored,
    openMs,
    rssMb,
    resultsMs: median(resultsTimes),
    monthTotal,
    kerroP95: p95(times.kerro),
    floorP95: p95(times.floor),
    sqliteP95: p95(times.sqlite),
    kerroP50: median(times.kerro),
    floorP50: median(times.floor),
    sqliteP50: median(times.sqlite),
  })}\n`,
);
