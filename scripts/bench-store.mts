// The storage bench (`npm run bench:store`, and a section of `npm run bench`): what recording one
// answer durably costs with 1k, 10k and 100k answers already stored, Kerro beside stock lowdb,
// SQLite and the bare cost of a flushed append, in several runs; then SIGKILLs (150 by default)
// while answers are recorded.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { describeLoad, describeMachine, summarize, type Latency } from './bench/machine.mjs';
import { median, runCount, spread } from './bench/repeated.mjs';
import type { BenchCheck, BenchContext, BenchSection, BenchTable } from './bench/section.mjs';
import { subjectKinds, type SubjectKind } from './bench/store-subjects.mjs';
import { crashTest } from './bench/store-crash.mjs';

const sizes = [1_000, 10_000, 100_000] as const;
type Size = (typeof sizes)[number];

/**
 * The stores take turns one answer at a time, so a slow spell of the disk (other work on the
 * machine) falls on all of them alike and the ratios stay fair even when the machine is busy.
 * Each run makes every store afresh at every size, so a run's figures are one whole bench's.
 */
const runs = runCount('KERRO_BENCH_STORE_RUNS', 3);
/** Per store, size and run. 2,000 in one run was the bench before runs were repeated; 3 × 1,000 costs about as much. */
const samples = 1000;
const warmUp = 50;
/** Stock lowdb rewrites its whole file per answer (about 30 MB at 100k, 0.3 s each): fewer samples there. */
const lowdbSamples: Record<Size, number> = { 1_000: 160, 10_000: 60, 100_000: 20 };
const lowdbWarmUp = 3;

const targets = { sqlite: 1.0, floor: 1.3, growth: 1.2 };

/** One run's figures per store and size. */
type RunResults = Map<SubjectKind['key'], Map<Size, Latency>>;

export async function run(context: BenchContext): Promise<BenchSection> {
  const root = await mkdtemp(join(process.env.KERRO_BENCH_DIR ?? tmpdir(), 'kerro-bench-'));
  try {
    const machine = await describeMachine(root);
    const loadBefore = describeLoad('before the latency runs');
    const results = await measureLatency(root, context);
    const loadAfter = describeLoad('after them');
    const crash = await crashTest(join(root, 'crash'), context);
    return {
      title: 'Storage: one answer, recorded durably',
      notes: [
        ...machine,
        `${loadBefore}; ${loadAfter.charAt(0).toLowerCase()}${loadAfter.slice(1)}`,
        `${runs} runs (KERRO_BENCH_STORE_RUNS); each run makes every store afresh at 1k, 10k and 100k and times, per store and size, ${samples} answers one at a time ` +
          `(each awaited before the next), after ${warmUp} untimed; stock lowdb ${sizes.map((size) => `${lowdbSamples[size]} at ${label(size)}`).join(', ')}, ` +
          'because it rewrites its whole file each time (its p99 at small sample counts is close to its maximum). ' +
          `Within a run the stores take turns one answer at a time, so the machine's load falls on them alike.`,
        `Cells are the median run (lowest–highest run). With ${samples} answers a run, p99 is a run's 10th-slowest answer.`,
        'The history is written straight to disk in each store\'s own format; Kerro then opens and checks every stored line.',
        'Stock lowdb (steno) never calls fsync: its figures are for writes a power cut can still lose.',
        'Ratios compare p95 at the same size and are computed run by run (a store\'s p95 over the sqlite or floor p95 of the same run), then given as median (lowest–highest); ' +
          'the floor is the blocking append. Growth compares p95 with the same store holding 1k answers in the same run. The targets below judge the median ratios.',
        crash.note,
      ],
      tables: [latencyTable(results), crash.table],
      checks: [...latencyChecks(results), ...crash.checks],
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function label(size: number): string {
  return `${size / 1000}k`;
}

/** What a subject's worker is started with. */
interface SubjectOrder {
  isKerroBenchSubject: true;
  key: SubjectKind['key'];
  folder: string;
  size: Size;
  warmUp: number;
}

type SubjectReply = { kind: 'ready' } | { kind: 'samples'; samples: number[] } | { kind: 'closed' } | { kind: 'failed'; message: string };

/**
 * Each store lives in a worker thread of its own, with its own heap, as it would live alone in
 * a kiosk: the garbage of one (stock lowdb makes 30 MB per answer at 100k) must not put its
 * collector's pauses into another's figures. The thread pool for file calls is shared, but only
 * one store records at a time.
 */
async function serveSubject(order: SubjectOrder): Promise<void> {
  const port = parentPort;
  const kind = subjectKinds.find((candidate) => candidate.key === order.key);
  if (port === null || kind === undefined) throw new Error(`No bench subject ${order.key}`);
  const reply = (message: SubjectReply) => port.postMessage(message);
  try {
    const subject = await kind.prepare(order.folder, order.size);
    for (let index = 0; index < order.warmUp; index += 1) await subject.record();
    port.on('message', (count: number | null) => {
      void (async () => {
        if (count === null) {
          await subject.close();
          reply({ kind: 'closed' });
          port.close();
          return;
        }
        const samples: number[] = [];
        for (let index = 0; index < count; index += 1) {
          const started = process.hrtime.bigint();
          await subject.record();
          samples.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        reply({ kind: 'samples', samples });
      })().catch((error: unknown) => reply({ kind: 'failed', message: String(error) }));
    });
    reply({ kind: 'ready' });
  } catch (error) {
    reply({ kind: 'failed', message: String(error) });
  }
}

function isSubjectOrder(value: unknown): value is SubjectOrder {
  return typeof value === 'object' && value !== null && 'isKerroBenchSubject' in value;
}

if (!isMainThread && isSubjectOrder(workerData)) await serveSubject(workerData);

/** A subject's worker, answering one request at a time. */
class SubjectWorker {
  private readonly worker: Worker;
  private readonly replies: SubjectReply[] = [];
  private waiting: ((reply: SubjectReply) => void) | null = null;

  constructor(order: SubjectOrder) {
    this.worker = new Worker(fileURLToPath(import.meta.url), { workerData: order });
    this.worker.on('message', (reply: SubjectReply) => this.deliver(reply));
    this.worker.on('error', (error) => this.deliver({ kind: 'failed', message: String(error) }));
  }

  async ready(): Promise<void> {
    await this.expect('ready');
  }

  async record(count: number): Promise<number[]> {
    this.worker.postMessage(count);
    const reply = await this.expect('samples');
    return reply.kind === 'samples' ? reply.samples : [];
  }

  async close(): Promise<void> {
    this.worker.postMessage(null);
    await this.expect('closed');
    await this.worker.terminate();
  }

  private deliver(reply: SubjectReply): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting === null) this.replies.push(reply);
    else waiting(reply);
  }

  private async expect(kind: SubjectReply['kind']): Promise<SubjectReply> {
    const reply = this.replies.shift() ?? (await new Promise<SubjectReply>((resolve) => (this.waiting = resolve)));
    if (reply.kind === 'failed') throw new Error(`A bench store failed: ${reply.message}`);
    if (reply.kind !== kind) throw new Error(`A bench store answered ${reply.kind}, not ${kind}`);
    return reply;
  }
}

async function measureLatency(root: string, context: BenchContext): Promise<RunResults[]> {
  const results: RunResults[] = [];
  for (let index = 0; index < runs; index += 1) {
    const run: RunResults = new Map(subjectKinds.map((kind) => [kind.key, new Map()]));
    // Sizes inside runs, not runs inside sizes: a spell of load then touches every size of one run, and growth compares like with like.
    for (const size of sizes) await measureSize(join(root, `latency-${index + 1}-${size}`), size, run, `run ${index + 1} of ${runs}, ${label(size)}`, context);
    results.push(run);
  }
  return results;
}

async function measureSize(directory: string, size: Size, run: RunResults, name: string, context: BenchContext): Promise<void> {
  context.progress(`store: ${name}: preparing ${subjectKinds.length} stores`);
  // Made side by side: preparing is not timed, and 100k answers in seven formats take a while one after another.
  const prepared = await Promise.all(
    subjectKinds.map(async (kind) => {
      const folder = join(directory, kind.key);
      await mkdir(folder, { recursive: true });
      const isLowdb = kind.key === 'lowdb';
      const worker = new SubjectWorker({ isKerroBenchSubject: true, key: kind.key, folder, size, warmUp: isLowdb ? lowdbWarmUp : warmUp });
      await worker.ready();
      const timed: number[] = [];
      return { kind, worker, samples: timed, every: isLowdb ? samples / lowdbSamples[size] : 1 };
    }),
  );
  context.progress(`store: ${name}: recording`);
  for (let round = 0; round < samples; round += 1) {
    // Each round starts with the next store, so none always follows the same neighbour's writes.
    for (let index = 0; index < prepared.length; index += 1) {
      const entry = prepared[(index + round) % prepared.length];
      if (entry !== undefined && round % entry.every < 1) entry.samples.push(...(await entry.worker.record(1)));
    }
  }
  for (const entry of prepared) {
    await entry.worker.close();
    run.get(entry.kind.key)?.set(size, summarize(entry.samples));
  }
  await rm(directory, { recursive: true, force: true });
}

function latencyOf(run: RunResults, key: SubjectKind['key'], size: Size): Latency {
  const latency = run.get(key)?.get(size);
  if (latency === undefined) throw new Error(`No figures for ${key} at ${size}`);
  return latency;
}

const milliseconds = (value: number) => value.toFixed(3);
const ratio = (value: number) => `${value.toFixed(2)}×`;

/** One figure of one store, run by run. */
function perRun(results: RunResults[], figure: (run: RunResults) => number): number[] {
  return results.map(figure);
}

function latencyTable(results: RunResults[]): BenchTable {
  const rows: string[][] = [];
  for (const size of sizes) {
    for (const kind of subjectKinds) {
      const pick = (key: 'p50' | 'p95' | 'p99') => perRun(results, (run) => latencyOf(run, kind.key, size)[key]);
      const over = (key: SubjectKind['key'], at: Size) => perRun(results, (run) => latencyOf(run, kind.key, size).p95 / latencyOf(run, key, at).p95);
      rows.push([
        label(size),
        kind.label,
        `${results.length} × ${results[0] === undefined ? 0 : latencyOf(results[0], kind.key, size).count}`,
        spread(pick('p50'), milliseconds),
        spread(pick('p95'), milliseconds),
        spread(pick('p99'), milliseconds),
        kind.key === 'sqlite' ? ratio(1) : spread(over('sqlite', size), ratio),
        kind.key === 'floor' ? ratio(1) : spread(over('floor', size), ratio),
        size === sizes[0] ? ratio(1) : spread(over(kind.key, sizes[0]), ratio),
      ]);
    }
  }
  return {
    title: 'Latency of one durable answer, milliseconds: median run (lowest–highest run); ratios run by run',
    columns: ['stored', 'store', 'runs × n', 'p50', 'p95', 'p99', 'p95 ÷ sqlite', 'p95 ÷ floor', `p95 ÷ at ${label(sizes[0])}`],
    rows,
  };
}

function latencyChecks(results: RunResults[]): BenchCheck[] {
  const kerroOver = (key: SubjectKind['key'], size: Size, at: Size) => median(perRun(results, (run) => latencyOf(run, 'kerro', size).p95 / latencyOf(run, key, at).p95));
  const worst = (compare: (size: Size) => number) => Math.max(...sizes.map(compare));
  const toSqlite = worst((size) => kerroOver('sqlite', size, size));
  const toFloor = worst((size) => kerroOver('floor', size, size));
  const growth = kerroOver('kerro', 100_000, 1_000);
  const of = `median of ${results.length} runs`;
  return [
    { label: `Kerro p95 ≤ ${ratio(targets.sqlite)} sqlite at every size (worst ${ratio(toSqlite)}, ${of})`, isMet: toSqlite <= targets.sqlite, isRequired: false },
    { label: `Kerro p95 ≤ ${ratio(targets.floor)} the floor at every size (worst ${ratio(toFloor)}, ${of})`, isMet: toFloor <= targets.floor, isRequired: false },
    { label: `Kerro p95 growth 100k ÷ 1k ≤ ${ratio(targets.growth)} (${ratio(growth)}, ${of})`, isMet: growth <= targets.growth, isRequired: false },
  ];
}
