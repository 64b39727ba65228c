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
import { cpuMilliseconds, timeCpuSteps, timedFileSystem } from './submit-stages.mjs';

const [dataDir = '', peerDir = '', samplesText = '300', monthFrom = '', monthTo = ''] = process.argv.slice(2);
const samples = Number(samplesText);
const megabytes = (bytes: number) => bytes / 2 ** 20;

const disk = timedFileSystem();
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
const line = Buffer.from(`${JSON.stringify({ v: 1, type: 'response', response: { id: crypto.randomUUID(), seq: 1, ...submit } })}\n`);
const floorFile = openSync(join(peerDir, 'floor.jsonl'), 'a');
/**
 * On Node 24, better-sqlite3 12.9 aborts the process when the garbage collector or the runtime's
 * teardown finalises a statement: the one statement is held to the end.
 */
const sqlitePeer = openSqlitePeer(join(peerDir, 'answers.sqlite'));
const times = { kerro: [] as number[], floor: [] as number[], sqlite: [] as number[] };
const stageTimes = { whole: [] as number[], write: [] as number[], flush: [] as number[], rest: [] as number[], restCpu: [] as number[], floor: [] as number[] };
const body = line.toString('utf8');
const submitOnce = async () => {
  const result = await dispatch(kiosk, 'responses.submit', submit, { transport: 'http', staffToken: null });
  if (!result.ok) throw new Error(`submit failed: ${result.error.message}`);
};
const floorOnce = () => {
  writeSync(floorFile, line);
  fdatasyncSync(floorFile);
};
// The latency figures: plain calls, no timing inside the path.
for (let index = 0; index < samples + 20; index += 1) {
  const isTimed = index >= 20;
  let started = performance.now();
  await submitOnce();
  if (isTimed) times.kerro.push(performance.now() - started);
  started = performance.now();
  floorOnce();
  if (isTimed) times.floor.push(performance.now() - started);
  started = performance.now();
  sqlitePeer.insert.run(body);
  if (isTimed) times.sqlite.push(performance.now() - started);
}
// Where the time goes: as many answers again with the disk calls and the CPU timed inside the path, taking turns with the floor.
disk.timing(true);
for (let index = 0; index < samples; index += 1) {
  disk.take();
  const cpuBefore = cpuMilliseconds();
  let started = performance.now();
  await submitOnce();
  const whole = performance.now() - started;
  const cpuWhole = cpuMilliseconds() - cpuBefore;
  const { write, flush, cpu } = disk.take();
  stageTimes.whole.push(whole);
  stageTimes.write.push(write);
  stageTimes.flush.push(flush);
  stageTimes.rest.push(whole - write - flush);
  stageTimes.restCpu.push(cpuWhole - cpu);
  started = performance.now();
  floorOnce();
  stageTimes.floor.push(performance.now() - started);
}
disk.timing(false);
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
    stages: {
      whole: { p50: median(stageTimes.whole), p95: p95(stageTimes.whole) },
      write: { p50: median(stageTimes.write), p95: p95(stageTimes.write) },
      flush: { p50: median(stageTimes.flush), p95: p95(stageTimes.flush) },
      rest: { p50: median(stageTimes.rest), p95: p95(stageTimes.rest) },
      restCpu: { p50: median(stageTimes.restCpu), p95: p95(stageTimes.restCpu) },
      floor: { p50: median(stageTimes.floor), p95: p95(stageTimes.floor) },
      cpuSteps,
    },
  })}\ndone\n`,
);

function openSqlitePeer(path: string): { database: Database.Database; insert: Database.Statement } {
  const database = new Database(path);
  // exec, not pragma(): pragma() makes a statement that the garbage collector finalises (see above).
  database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS answers (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return { database, insert: database.prepare('INSERT INTO answers (body) VALUES (?)') };
}
