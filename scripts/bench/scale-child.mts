// Runs in its own process, so its memory is the kiosk's alone. Opens the kiosk over a stored
// history, asks for a month of live results, then records answers through responses.submit
// taking turns with the floor (append + fdatasync) and better-sqlite3 (WAL, synchronous=FULL).
// Prints one JSON line with the figures.
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ParsedInput } from '../../src-shared/contract/methods';
import { dispatch } from '../../src-main/core/api/dispatch';
import { openKiosk } from '../../src-main/core/kiosk';
import { silentLogger } from '../../src-main/core/logger';
import { percentile } from './machine.mjs';
import { measurePhases, phasedFileSystem } from './submit-phases.mjs';
import { timeCpuSteps } from './submit-stages.mjs';

const [dataDir = '', peerDir = '', samplesText = '300', monthFrom = '', monthTo = ''] = process.argv.slice(2);
const samples = Number(samplesText);
/** Untimed answers before the settled pass. */
const settleAnswers = 2000;
const megabytes = (bytes: number) => bytes / 2 ** 20;

const disk = phasedFileSystem();
const openStarted = performance.now();
const kiosk = await openKiosk({ dataDir, version: 'bench', logger: silentLogger, exportTargets: async () => [], fileSystem: disk.fileSystem });
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

const submit = { pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: ['good'] }, language: 'fi' } satisfies ParsedInput<'responses.submit'>;
const submitOnce = async () => {
  const result = await dispatch(kiosk, 'responses.submit', submit, { transport: 'http', staffToken: null });
  if (!result.ok) throw new Error(`submit failed: ${result.error.message}`);
};
// The first of the untimed answers gives the line the floor and SQLite write: the very bytes the journal wrote.
await submitOnce();
const line = disk.lastLine();
if (line === null) throw new Error('The journal wrote no line');
const floorFile = openSync(join(peerDir, 'floor.jsonl'), 'a');
/**
 * On Node 24, better-sqlite3 12.9 aborts the process when the garbage collector or the runtime's
 * teardown finalises a statement: the one statement is held to the end.
 */
const sqlitePeer = openSqlitePeer(join(peerDir, 'answers.sqlite'));
const body = line.toString('utf8');
const floorOnce = () => {
  writeSync(floorFile, line);
  fdatasyncSync(floorFile);
};
/** Plain calls, no timing inside the path, one answer of each in turn; `warmUp` untimed first. */
const takeTurns = async (count: number, warmUp: number, withSqlite: boolean) => {
  const times = { kerro: [] as number[], floor: [] as number[], sqlite: [] as number[] };
  for (let index = 0; index < count + warmUp; index += 1) {
    const isTimed = index >= warmUp;
    let started = performance.now();
    await submitOnce();
    if (isTimed) times.kerro.push(performance.now() - started);
    started = performance.now();
    floorOnce();
    if (isTimed) times.floor.push(performance.now() - started);
    if (!withSqlite) continue;
    started = performance.now();
    sqlitePeer.insert.run(body);
    if (isTimed) times.sqlite.push(performance.now() - started);
  }
  return times;
};
// The latency figures: the answers after the first 20 of the process (one of them above).
const times = await takeTurns(samples, 19, true);
// Where the time goes: as many answers again with the disk calls marked inside the path.
const phases = await measurePhases(disk, samples, submitOnce, floorOnce);
// The same plain turns once the process has recorded 2,000 more answers: the cost of V8 still compiling the path above.
const settled = await takeTurns(samples, settleAnswers, false);
const scratch = openSync(join(peerDir, 'scratch.bin'), 'w');
const cpuSteps = timeCpuSteps(kiosk.pollShelf, kiosk.health().kioskId, submit, () => {
  writeSync(scratch, line);
  fdatasyncSync(scratch);
});
closeSync(scratch);
closeSync(floorFile);
sqlitePeer.database.close();
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
    phases,
    settled: { kerroP50: median(settled.kerro), kerroP95: p95(settled.kerro), floorP50: median(settled.floor), floorP95: p95(settled.floor), answersBefore: samples * 2 + 20 + settleAnswers },
    cpuSteps,
  })}\ndone\n`,
);

function openSqlitePeer(path: string): { database: Database.Database; insert: Database.Statement } {
  const database = new Database(path);
  // exec, not pragma(): pragma() makes a statement that the garbage collector finalises (see above).
  database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS answers (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return { database, insert: database.prepare('INSERT INTO answers (body) VALUES (?)') };
}
