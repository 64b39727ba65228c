// The storage bench's crash test: the unit test's harness (50 kills on every `npm test`) with three
// times the kills. It was 500: those runs never lost or doubled an answer, and took two and a half
// minutes of a bench that must end within ten; KERRO_BENCH_KILLS=500 still runs them.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchCheck, BenchContext, BenchTable } from './section.mjs';
import { buildCrashChild, runAndKill, storedAnswers, type Acknowledged } from '../fixtures/crash-harness';
import { openTestKiosk } from '../fixtures/kiosk';

const kills = Number(process.env.KERRO_BENCH_KILLS ?? 150);
/**
 * Stores killed side by side. Most of a round is a new Node process starting and reading the
 * store, so lanes keep the whole bench within a few minutes; each store is checked on its own.
 */
const lanes = 4;

interface LaneResult {
  acknowledged: Acknowledged[];
  stored: Acknowledged[];
  lost: number;
  duplicated: number;
  reused: number;
  gaps: number;
  outOfOrder: number;
  torn: number;
  opensWhole: boolean;
}

async function runLane(childPath: string, dataDir: string, laneKills: number, onKill: () => void): Promise<LaneResult> {
  const acknowledged: Acknowledged[] = [];
  for (let kill = 0; kill < laneKills; kill += 1) {
    // Random moments: sometimes before the first answer lands, sometimes deep into a run.
    acknowledged.push(...(await runAndKill(childPath, dataDir, Math.floor(Math.random() * 40))));
    onKill();
  }
  const stored = await storedAnswers(dataDir);
  const storedIds = new Set(stored.map((answer) => answer.responseId));
  const storedSeqs = new Set(stored.map((answer) => answer.seq));
  const highest = stored.reduce((most, answer) => Math.max(most, answer.seq), 0);
  const quarantine = await readdir(join(dataDir, 'quarantine'));
  const kiosk = await openTestKiosk(dataDir, { segmentCapacity: 25 });
  const health = kiosk.health();
  await kiosk.close();
  const problems = health.storage.recoveries.filter((recovery) => !recovery.problem.startsWith('torn last line'));
  return {
    acknowledged,
    stored,
    lost: acknowledged.filter((answer) => !storedIds.has(answer.responseId)).length,
    duplicated: stored.length - storedIds.size,
    reused: stored.length - storedSeqs.size,
    gaps: highest - storedSeqs.size,
    outOfOrder: stored.filter((answer, index) => answer.seq !== index + 1).length,
    torn: quarantine.filter((name) => name.endsWith('.torn')).length,
    opensWhole: health.answersStored === stored.length && problems.length === 0,
  };
}

export async function crashTest(root: string, context: BenchContext): Promise<{ table: BenchTable; checks: BenchCheck[]; note: string }> {
  context.progress(`store: crash test, ${kills} SIGKILLs in ${lanes} stores`);
  const childPath = await buildCrashChild('crash-bench', context.projectRoot);
  await mkdir(root, { recursive: true });
  let done = 0;
  const onKill = () => {
    done += 1;
    if (done % 100 === 0) context.progress(`store: ${done} kills`);
  };
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: lanes }, (_, lane) => {
      const laneKills = Math.floor(kills / lanes) + (lane < kills % lanes ? 1 : 0);
      return runLane(childPath, join(root, `store-${lane + 1}`), laneKills, onKill);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = (pick: (result: LaneResult) => number) => results.reduce((sum, result) => sum + pick(result), 0);
  const acknowledged = total((result) => result.acknowledged.length);
  const lost = total((result) => result.lost);
  const duplicated = total((result) => result.duplicated + result.reused);
  const gaps = total((result) => result.gaps);
  const outOfOrder = total((result) => result.outOfOrder);
  const opensWhole = results.every((result) => result.opensWhole);

  const rows = [
    ['kills (SIGKILL at a random moment, 0–40 ms after the store opened)', `${kills}, in ${lanes} stores side by side`],
    ['time', `${seconds.toFixed(0)} s`],
    ['answers acknowledged to the killer', String(acknowledged)],
    ['answers stored', String(total((result) => result.stored.length))],
    ['acknowledged but lost', String(lost)],
    ['stored twice or sequence number reused', String(duplicated)],
    ['sequence numbers missing (gaps)', String(gaps)],
    ['stored out of order', String(outOfOrder)],
    ['torn tails cut on restart (never acknowledged, kept in quarantine)', String(total((result) => result.torn))],
    ['every store opened after every kill, and at the end holds every stored answer with no other repair', opensWhole ? 'yes' : 'no'],
  ];
  const must = (label: string, isMet: boolean): BenchCheck => ({ label, isMet, isRequired: true });
  return {
    note: `Crash test: ${kills} SIGKILLs (KERRO_BENCH_KILLS; the unit test runs 50 on every \`npm test\`, earlier bench runs 500, none of which lost or doubled an answer), each at a random moment 0–40 ms after a store opened, in ${lanes} stores side by side.`,
    table: { title: `Crash test: ${kills} SIGKILLs while answers are recorded`, columns: ['', ''], rows },
    checks: [
      must(`${kills} kills: no acknowledged answer lost (${lost})`, lost === 0),
      must(`${kills} kills: nothing stored twice (${duplicated})`, duplicated === 0),
      must(`${kills} kills: sequence gapless and in order (${gaps} missing, ${outOfOrder} out of order)`, gaps === 0 && outOfOrder === 0),
      must(`${kills} kills: the store opens whole`, opensWhole),
      must(`${kills} kills: answers were recorded at all (${acknowledged})`, acknowledged > kills),
    ],
  };
}
