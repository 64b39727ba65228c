// The store at scale (a section of `npm run bench`): resident memory, opening and a month of
// live results with 1k, 100k and 1M answers stored, beside the latency of responses.submit
// against the floor (append + fdatasync) and better-sqlite3, all measured in one child process
// per run and size. The history is written straight in the journal's format with its checkpoint.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { openKiosk } from '../src-main/core/kiosk';
import { silentLogger } from '../src-main/core/logger';
import { answeredAtOf, writeAnswerHistory } from './fixtures/answer-history';
import { describeLoad, describeMachine } from './bench/machine.mjs';
import { median, runCount, spread } from './bench/repeated.mjs';
import type { BenchContext, BenchSection, BenchTable } from './bench/section.mjs';
import type { PhaseName, Phases } from './bench/submit-phases.mjs';
import type { CpuSteps } from './bench/submit-stages.mjs';

const allSizes = [1_000, 100_000, 1_000_000];
/** KERRO_BENCH_SCALE_SIZES (e.g. `1000,1000000`) runs fewer sizes; the 1k size is the base of the memory ratio. */
const sizes = (process.env.KERRO_BENCH_SCALE_SIZES?.split(',').map(Number) ?? allSizes).filter((size) => allSizes.includes(size));
const runs = runCount('KERRO_BENCH_SCALE_RUNS', 3);
const samples = runCount('KERRO_BENCH_SCALE_SAMPLES', 300);
const targets = { rssGrowth: 1.15, openMs: 300, resultsMs: 100, floor: 1.3, sqlite: 1.0 };

interface Figures {
  answersStored: number;
  openMs: number;
  rssMb: number;
  resultsMs: number;
  monthTotal: number;
  kerroP95: number;
  floorP95: number;
  sqliteP95: number;
  kerroP50: number;
  floorP50: number;
  sqliteP50: number;
  phases: Phases;
  /** Plain turns again once the process has recorded `answersBefore` answers. */
  settled: { kerroP50: number; kerroP95: number; floorP50: number; floorP95: number; answersBefore: number };
  cpuSteps: CpuSteps;
}

async function buildChild(projectRoot: string): Promise<string> {
  const outDir = join(projectRoot, 'node_modules', '.cache', 'kerro-bench', 'scale-child');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: projectRoot,
    build: {
      ssr: join(projectRoot, 'scripts', 'bench', 'scale-child.mts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'scale-child.mjs' } },
    },
  });
  return join(outDir, 'scale-child.mjs');
}

function runChild(child: string, args: string[]): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--expose-gc', child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    process_.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    process_.on('error', reject);
    process_.on('close', (code, signal) => {
      // On Node 24 the SQLite peer (better-sqlite3 12.9) aborts the process in the runtime's teardown,
      // after the child has closed everything and written `done`: that end is not a failure of the run.
      const [figures, done] = output.split('\n');
      if (code !== 0 && done !== 'done') reject(new Error(`The scale child ended with ${String(code ?? signal)}`));
      else resolve(JSON.parse(figures ?? '') as Figures);
    });
  });
}

/** A kiosk made as usual (settings, polls), then given its history. */
async function prepare(dataDir: string, size: number): Promise<void> {
  const kiosk = await openKiosk({ dataDir, version: 'bench', logger: silentLogger, exportTargets: async () => [] });
  const { kioskId } = kiosk.health();
  await kiosk.close();
  await rm(join(dataDir, 'checkpoint'), { recursive: true, force: true });
  await writeAnswerHistory(dataDir, kioskId, size);
}

const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);
const fixed = (value: number, digits = 2) => value.toFixed(digits);

export async function run(context: BenchContext): Promise<BenchSection> {
  const root = await mkdtemp(join(process.env.KERRO_BENCH_DIR ?? tmpdir(), 'kerro-bench-scale-'));
  try {
    const machine = await describeMachine(root);
    const child = await buildChild(context.projectRoot);
    const loadBefore = describeLoad('before the runs');
    const bySize = new Map<number, Figures[]>();
    for (const size of sizes) {
      context.progress(`scale: writing a history of ${size} answers`);
      const template = join(root, `template-${size}`);
      await prepare(template, size);
      // The last 30 days of the history: the month a staff member looks at.
      const last = answeredAtOf(size);
      const monthTo = last.toISOString().slice(0, 10);
      const monthFrom = new Date(last.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
      const figures: Figures[] = [];
      for (let index = 0; index < runs; index += 1) {
        context.progress(`scale: ${label(size)}, run ${index + 1} of ${runs}`);
        const runDir = join(root, `run-${size}-${index}`);
        await cp(template, join(runDir, 'data'), { recursive: true });
        await mkdir(join(runDir, 'peers'), { recursive: true });
        figures.push(await runChild(child, [join(runDir, 'data'), join(runDir, 'peers'), String(samples), monthFrom, monthTo]));
        await rm(runDir, { recursive: true, force: true });
      }
      bySize.set(size, figures);
      await rm(template, { recursive: true, force: true });
    }
    const loadAfter = describeLoad('after them');
    const of = (size: number) => bySize.get(size) ?? [];
    const small = of(sizes[0] ?? 0);
    const rows = sizes.map((size) => {
      const figures = of(size);
      const each = (figure: (run: Figures, index: number) => number) => figures.map(figure);
      return [
        label(size),
        `${runs} × ${samples}`,
        spread(each((run) => run.rssMb), (value) => fixed(value, 0)),
        spread(each((run, index) => run.rssMb / (small[index]?.rssMb ?? Number.NaN)), (value) => `${fixed(value)}×`),
        spread(each((run) => run.openMs), (value) => fixed(value, 0)),
        `${spread(each((run) => run.resultsMs), (value) => fixed(value, 1))} (${figures[0]?.monthTotal ?? 0} answers)`,
        spread(each((run) => run.kerroP50), (value) => fixed(value, 3)),
        spread(each((run) => run.kerroP95), (value) => fixed(value, 3)),
        spread(each((run) => run.floorP95), (value) => fixed(value, 3)),
        spread(each((run) => run.sqliteP95), (value) => fixed(value, 3)),
        spread(each((run) => run.kerroP95 / run.floorP95), (value) => `${fixed(value)}×`),
        spread(each((run) => run.kerroP95 / run.sqliteP95), (value) => `${fixed(value)}×`),
      ];
    });
    const largest = of(sizes.at(-1) ?? 0);
    const medianOf = (values: number[]) => median(values);
    const rssGrowth = medianOf(largest.map((run, index) => run.rssMb / (small[index]?.rssMb ?? Number.NaN)));
    const openMs = medianOf(largest.map((run) => run.openMs));
    const resultsMs = medianOf(largest.map((run) => run.resultsMs));
    const worstFloor = Math.max(...sizes.map((size) => medianOf(of(size).map((run) => run.kerroP95 / run.floorP95))));
    const worstSqlite = Math.max(...sizes.map((size) => medianOf(of(size).map((run) => run.kerroP95 / run.sqliteP95))));
    const everyStored = sizes.every((size) => of(size).every((run) => run.answersStored === size));
    const top = label(sizes.at(-1) ?? 0);
    return {
      title: 'Storage at scale: memory, opening and live results beside one answer’s latency',
      notes: [
        ...machine,
        `${loadBefore}; ${loadAfter.charAt(0).toLowerCase()}${loadAfter.slice(1)}`,
        'History: one answer every 90 s to the standing question (a comment in a follow-up on every 50th, every 97th flagged as a burst), written straight in the journal’s format with the checkpoint the kiosk keeps; 1M answers span 2.9 years.',
        `${runs} runs (KERRO_BENCH_SCALE_RUNS), each a fresh copy opened in a process of its own: resident memory after opening (after a GC), opening (openKiosk), live results of the last 30 days (results.poll, median of 5), then ${samples} answers (KERRO_BENCH_SCALE_SAMPLES) after the process’s first 20, taking turns one answer at a time: responses.submit through the contract (validation, poll checks, journal), the floor (the same line appended to a file + fdatasync, blocking calls), better-sqlite3 (WAL, synchronous=FULL, one INSERT).`,
        'Cells are the median run (lowest–highest run); ratios are taken run by run (memory against the 1k run of the same index).',
        'The floor and SQLite write the very line the journal wrote for Kerro’s first answer (its bytes copied from the journal’s write).',
        'Where the microseconds go: after the latency runs, as many answers again go through a file system that marks, inside responses.submit, when the line’s write starts and when its fdatasync ends, taking turns with the floor: the work before the write, the write, the fdatasync and the work after it, each on the clock; garbage collection pauses inside each answer (PerformanceObserver); and the CPU time the process’s other threads spent meanwhile (process CPU time less the main thread’s, over the pass: V8 compiling the path and collecting garbage). Reading the clock costs a few µs on a VM, so the latency table above is taken with this timing off. The CPU steps are then timed one by one, each the same calls the path makes: back to back (200 calls a round, median of 29 rounds), and one call at a time right after a write + fdatasync of the same line to a scratch file (median of 300), as each runs in the path.',
        `Settled: the plain turns again (no timing inside, ${samples} answers) after 2,000 more untimed answers in the same process, when V8 has compiled the path (it optimises a function after some hundreds to thousands of calls); the headline figures are the answers right after opening, as a kiosk gives them after a start.`,
      ],
      tables: [
        {
          title: 'Memory, opening, a month of live results, and one answer (ms; MB)',
          columns: ['stored', 'runs × answers', 'resident MB', '÷ at 1k', 'open ms', 'month of results ms', 'submit p50', 'submit p95', 'floor p95', 'sqlite p95', 'submit p95 ÷ floor', 'submit p95 ÷ sqlite'],
          rows,
        },
        stageTable(of),
      ],
      checks: [
        { label: `resident memory at ${top} ≤ ${targets.rssGrowth}× that at 1k (${fixed(rssGrowth)}×)`, isMet: rssGrowth <= targets.rssGrowth, isRequired: false },
        { label: `open ≤ ${targets.openMs} ms at ${top} (${fixed(openMs, 0)} ms)`, isMet: openMs <= targets.openMs, isRequired: false },
        { label: `a month of live results ≤ ${targets.resultsMs} ms at ${top} (${fixed(resultsMs, 1)} ms)`, isMet: resultsMs <= targets.resultsMs, isRequired: false },
        { label: `submit p95 ≤ ${targets.floor}× the floor at every size (worst ${fixed(worstFloor)}×)`, isMet: worstFloor <= targets.floor, isRequired: false },
        { label: `submit p95 ≤ ${targets.sqlite}× sqlite at every size (worst ${fixed(worstSqlite)}×)`, isMet: worstSqlite <= targets.sqlite, isRequired: false },
        { label: 'every stored answer counted after opening', isMet: everyStored, isRequired: true },
      ],
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const microseconds = (milliseconds: number) => fixed(milliseconds * 1000, 0);

/** Where one answer's time goes, per size: its phases timed inside the path, the CPU steps timed alone, the same turns once settled. */
function stageTable(of: (size: number) => Figures[]): BenchTable {
  const cell = (size: number, figure: (run: Figures) => number) => spread(of(size).map(figure), microseconds);
  const phaseRow = (name: string, phase: PhaseName): string[] => [
    name,
    ...sizes.map((size) => cell(size, (run) => run.phases[phase].p50)),
    ...sizes.map((size) => cell(size, (run) => run.phases[phase].p95)),
  ];
  const stepCell = (size: number, step: keyof CpuSteps, kind: 'warm' | 'afterFlush') => spread(of(size).map((run) => run.cpuSteps[step][kind]), (value) => fixed(value, 1));
  const steps: [string, keyof CpuSteps][] = [
    ['input checked against the contract (zod)', 'inputCheck'],
    ['poll found, open for answers, answer fits the poll', 'pollChecks'],
    ['id, local time, burst check', 'answerMaking'],
    ['journal line: JSON text and bytes', 'lineMaking'],
    ['counts, segment index, follow-up window updated', 'stateUpdate'],
    ['output checked against the contract (zod)', 'outputCheck'],
  ];
  const settled = (name: string, p50: (run: Figures) => number, p95: (run: Figures) => number, format = microseconds): string[] => [
    name,
    ...sizes.map((size) => spread(of(size).map(p50), format)),
    ...sizes.map((size) => spread(of(size).map(p95), format)),
  ];
  const ratio = (value: number) => `${fixed(value)}×`;
  const perAnswer = (name: string, figure: (run: Figures) => number): string[] => [name, ...sizes.map((size) => cell(size, figure)), ...sizes.map(() => '')];
  const answersBefore = of(sizes[0] ?? 0)[0]?.settled.answersBefore ?? 0;
  return {
    title: 'Where the microseconds of one answer go (µs; the phases timed inside responses.submit, the CPU steps timed alone: back to back, median of 29 rounds of 200, and one call right after a write + fdatasync, median of 300)',
    columns: ['stage', ...sizes.map((size) => `${label(size)} p50`), ...sizes.map((size) => `${label(size)} p95`)],
    rows: [
      phaseRow('**responses.submit, whole path, timed inside**', 'whole'),
      phaseRow('before the write, on the clock: zod in, poll checks, id, time, burst check, journal line and bytes, the hand-offs', 'before'),
      phaseRow('write() of the line (blocking)', 'write'),
      phaseRow('fdatasync() (blocking)', 'flush'),
      phaseRow('after the fdatasync, on the clock: counts, index and follow-up window updated, promises resolved back up, zod out', 'after'),
      phaseRow('… of before and after: garbage collection pauses', 'gc'),
      perAnswer('beside it, on the other core: the process’s other threads (V8 compiling the path, GC helpers), CPU per answer, mean', (run) => run.phases.helpers),
      perAnswer('the timing’s own cost (6 clock reads), per answer', (run) => run.phases.timingCost),
      ...steps.map(([name, step]) => [`… ${name}: back to back / right after a flush`, ...sizes.map((size) => `${stepCell(size, step, 'warm')} / ${stepCell(size, step, 'afterFlush')}`), ...sizes.map(() => '')]),
      phaseRow('floor: append + fdatasync, taking turns with these answers', 'floor'),
      settled(`settled: responses.submit after ${answersBefore} answers in the process, no timing inside`, (run) => run.settled.kerroP50, (run) => run.settled.kerroP95),
      settled('settled: floor, taking turns with them', (run) => run.settled.floorP50, (run) => run.settled.floorP95),
      settled('settled: submit ÷ floor, run by run', (run) => run.settled.kerroP50 / run.settled.floorP50, (run) => run.settled.kerroP95 / run.settled.floorP95, ratio),
    ],
  };
}
