// Node 24 against Node 20 in one run (`node scripts/bench.mjs runtime`): the storage benches
// (`store`, answers through crashes, compared by its must-holds; `scale`, memory, opening and one
// answer's latency at 1k, 100k and 1M) and a short UI bench, each run whole by one binary and then
// the other (the order alternating pair by pair, so the machine's load falls on both alike), their figures set
// side by side with ratios computed pair by pair. Kerro itself needs no native module; the
// storage benches' SQLite peer, better-sqlite3, does. The project's better-sqlite3 (13) is
// prebuilt for Node-API 10, which Node 20 lacks: loaded there it crashes, and compiled from its
// sources for Node 20 it fails as it registers. 12.x, the last line for Node 20, aborts under
// Node 24 when a statement is finalised (reported upstream as better-sqlite3 issue 1515). So
// the Node 20 runs use 12.x, compiled once by Node 20's own npm into
// node_modules/.cache/kerro-node-20 and loaded there by a resolve hook
// (scripts/bench/node-20-hooks.mjs, through NODE_OPTIONS so the bench's workers and child
// processes get it too): the peer's rows compare two versions, Kerro's rows one code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeLoad } from './bench/machine.mjs';
import { median, runCount, spread } from './bench/repeated.mjs';
import type { BenchCheck, BenchContext, BenchSection, BenchTable } from './bench/section.mjs';

const pairs = runCount('KERRO_BENCH_RUNTIME_PAIRS', 2);
/** The last better-sqlite3 that runs on Node 20 (its engines: 20.x to 26.x). */
const nodeTwentySqlite = '12.11.1';
const comparable = ['store', 'scale', 'ui'] as const;
type Comparable = (typeof comparable)[number];
/** The sections each binary runs (KERRO_BENCH_RUNTIME_SECTIONS picks some of them). */
const childSections = (process.env.KERRO_BENCH_RUNTIME_SECTIONS ?? comparable.join(' ')).split(/\s+/).filter((name): name is Comparable => comparable.some((known) => known === name));
/** One run of each section per binary and pair, shortened alike for both so that four children fit in one run. */
const childEnvironment = {
  KERRO_BENCH_KILLS: '20',
  KERRO_BENCH_SCALE_RUNS: '1',
  KERRO_BENCH_SCALE_SAMPLES: '200',
  KERRO_BENCH_UI_RUNS: '1',
  KERRO_BENCH_TAPS: '60',
  KERRO_BENCH_SOAK: '500',
};

interface Runtime {
  label: string;
  node: string;
  version: string;
  flags: string[];
  environment: Record<string, string>;
}

/** Figures of one child run: "section|row label|column" → value. */
type Figures = Map<string, number>;

/** The figures compared: the section, the start of its table row, and the column, by heading. */
const compared = [
  { section: 'scale', row: '1k |', column: 'submit p50', label: 'scale, 1k stored: responses.submit p50' },
  { section: 'scale', row: '1k |', column: 'submit p95', label: 'scale, 1k stored: responses.submit p95' },
  { section: 'scale', row: '100k |', column: 'submit p95', label: 'scale, 100k stored: responses.submit p95' },
  { section: 'scale', row: '1M |', column: 'submit p50', label: 'scale, 1M stored: responses.submit p50' },
  { section: 'scale', row: '1M |', column: 'submit p95', label: 'scale, 1M stored: responses.submit p95' },
  { section: 'scale', row: '1M |', column: 'floor p95', label: 'scale, 1M stored: the floor (append + fdatasync) p95' },
  { section: 'scale', row: '1M |', column: 'sqlite p95', label: 'scale, 1M stored: better-sqlite3 (peer) p95' },
  { section: 'scale', row: '1M |', column: 'open ms', label: 'scale, 1M stored: opening the kiosk, ms' },
  { section: 'scale', row: '1M |', column: 'resident MB', label: 'scale, 1M stored: resident memory, MB' },
  { section: 'ui', row: 'tap on a face', column: 'p95', label: 'UI: tap on a face → thank-you painted, p95' },
  { section: 'ui', row: 'reload → start screen painted', column: 'p95', label: 'UI: reload → start screen painted, p95' },
  { section: 'ui', row: 'server process start', column: 'p50', label: 'UI: server process start → start screen painted' },
  { section: 'scale', row: '1M |', column: 'month of results ms', label: 'scale, 1M stored: a month of live results, ms' },
] as const satisfies readonly { section: Comparable; row: string; column: string; label: string }[];

export async function run(context: BenchContext): Promise<BenchSection> {
  const modern: Runtime = { label: 'Node 24', node: process.execPath, version: process.version, flags: [], environment: {} };
  const old = await nodeTwenty(context);
  const loadBefore = describeLoad('before the runs');
  const figures = new Map<string, Figures[]>([[modern.label, []], [old.label, []]]);
  const failures: string[] = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    const order = pair % 2 === 0 ? [modern, old] : [old, modern];
    for (const runtime of order) {
      context.progress(`runtime: pair ${pair + 1} of ${pairs}, ${runtime.label} (${runtime.version}): ${childSections.join(' ')}`);
      const output = await benchChild(context, runtime);
      figures.get(runtime.label)?.push(readFigures(output));
      if (!/^## This run/m.test(output)) failures.push(`${runtime.label}, pair ${pair + 1}: the child bench died before its end (see its stderr above)`);
      if (/^- FAILED/m.test(output)) failures.push(`${runtime.label}, pair ${pair + 1}: ${output.split('\n').filter((line) => line.startsWith('- FAILED')).join('; ')}`);
    }
  }
  const loadAfter = describeLoad('after them');
  const table: BenchTable = {
    title: 'Node 24 and Node 20 (ms unless named): median pair (lowest–highest); ratio Node 24 ÷ Node 20, pair by pair',
    columns: ['figure', 'pairs', 'Node 24', 'Node 20', '24 ÷ 20'],
    rows: compared.filter(({ section }) => childSections.includes(section)).map(({ section, row, column, label }) => {
      const key = `${section}|${row}|${column}`;
      const newer = (figures.get(modern.label) ?? []).map((run) => run.get(key) ?? Number.NaN);
      const older = (figures.get(old.label) ?? []).map((run) => run.get(key) ?? Number.NaN);
      return [label, String(pairs), spread(newer, (value) => value.toFixed(3)), spread(older, (value) => value.toFixed(3)), spread(newer.map((value, index) => value / (older[index] ?? Number.NaN)), (value) => `${value.toFixed(2)}×`)];
    }),
  };
  const submit = (label: string) => median((figures.get(label) ?? []).map((run) => run.get('scale|1M ||submit p95') ?? Number.NaN));
  const submitRatio = submit(modern.label) / submit(old.label);
  const checks: BenchCheck[] = [
    { label: `every storage and UI must-hold met under both runtimes${failures.length > 0 ? ` (${failures.join(' | ')})` : ''}`, isMet: failures.length === 0, isRequired: true },
    ...(childSections.includes('scale') ? [{ label: `responses.submit p95 at 1M on Node 24 no slower than 1.1× Node 20 (${submitRatio.toFixed(2)}×)`, isMet: submitRatio <= 1.1, isRequired: false }] : []),
  ];
  return {
    title: 'Runtime: Node 24 against Node 20',
    notes: [
      `Node 24: ${modern.version} (${modern.node}); Node 20: ${old.version} (${old.node}).`,
      `${loadBefore}; ${loadAfter.charAt(0).toLowerCase()}${loadAfter.slice(1)}`,
      `${pairs} pairs (KERRO_BENCH_RUNTIME_PAIRS); in each pair \`scripts/bench.mjs ${childSections.join(' ')}\` (KERRO_BENCH_RUNTIME_SECTIONS) runs whole under one binary, then under the other, the order alternating pair by pair; ` +
        `each child with ${Object.entries(childEnvironment).map(([name, value]) => `${name}=${value}`).join(', ')} (the sections' own runs are shortened so both binaries fit in one run).`,
      `The storage benches' SQLite peer: under Node 24 better-sqlite3 ${sqliteVersionOf(context.projectRoot)} from node_modules (prebuilt); under Node 20 better-sqlite3 ${nodeTwentySqlite}, compiled for Node 20 in node_modules/.cache/kerro-node-20 by Node 20's npm and loaded through a resolve hook given in NODE_OPTIONS, since 13 does not run on Node 20 and 12 aborts on Node 24. The peer's rows therefore compare two versions of it; every other row runs the same code.`,
      'The UI figures include Chromium; only the server (out/server/main.mjs, started by the bench with the binary under test) changes runtime.',
    ],
    tables: [table],
    checks,
  };
}

/** Node 20 (KERRO_BENCH_NODE_20, else the machine's /usr/bin/node), with better-sqlite3 built for it once. */
async function nodeTwenty(context: BenchContext): Promise<Runtime> {
  const node = process.env.KERRO_BENCH_NODE_20 ?? '/usr/bin/node';
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!version.startsWith('v20.')) throw new Error(`The runtime bench needs Node 20 at ${node} (KERRO_BENCH_NODE_20), which says "${version}"`);
  const modules = join(context.projectRoot, 'node_modules', '.cache', 'kerro-node-20');
  const built = join(modules, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const builtVersion = existsSync(built) ? sqliteVersionOf(modules) : null;
  if (builtVersion !== nodeTwentySqlite) {
    context.progress(`runtime: building better-sqlite3 ${nodeTwentySqlite} for Node 20 into ${modules} (once; several minutes)`);
    const npm = join(dirname(node), 'npm');
    // Node 20's own npm on a PATH that starts with Node 20, so node-gyp builds against its headers.
    const environment: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}` };
    delete environment.npm_config_nodedir;
    const result = spawnSync(npm, ['install', '--prefix', modules, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `better-sqlite3@${nodeTwentySqlite}`], { env: environment, encoding: 'utf8' });
    if (result.status !== 0 || !existsSync(built)) throw new Error(`Building better-sqlite3 for Node 20 failed:\n${result.stdout}${result.stderr}`);
  }
  return {
    label: 'Node 20',
    node,
    version,
    flags: [],
    // NODE_OPTIONS rather than a flag: the bench's own child processes (one per store) need the hook too.
    environment: { KERRO_NODE_20_MODULES: modules, NODE_OPTIONS: `--import=${pathToFileURL(join(context.projectRoot, 'scripts', 'bench', 'node-20-register.mjs')).href}` },
  };
}

/** The better-sqlite3 version installed under a folder's node_modules. */
function sqliteVersionOf(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
}

function benchChild(context: BenchContext, runtime: Runtime): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(runtime.node, [...runtime.flags, join(context.projectRoot, 'scripts', 'bench.mjs'), ...childSections], {
      cwd: context.projectRoot,
      env: { ...process.env, ...childEnvironment, ...runtime.environment },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', () => resolve(output));
  });
}

/** The compared figures, read from the child's Markdown tables (columns found by their headings). */
export function readFigures(output: string): Figures {
  const figures: Figures = new Map();
  let section = '';
  let columns: string[] = [];
  for (const line of output.split('\n')) {
    if (line.startsWith('## ')) section = line.startsWith('## Storage at scale') ? 'scale' : line.startsWith('## Storage:') ? 'store' : line.startsWith('## Parent screens') ? 'ui' : 'other';
    if (!line.startsWith('| ')) continue;
    const cells = line.slice(2, -2).split(' | ');
    if (cells.includes('p95') || cells.includes('submit p95')) {
      columns = cells;
      continue;
    }
    const rowText = `${cells.join(' | ')} |`;
    for (const { row, column } of compared.filter((entry) => entry.section === section)) {
      const key = `${section}|${row}|${column}`;
      const value = Number.parseFloat(cells[columns.indexOf(column)] ?? '');
      if (rowText.startsWith(row) && columns.includes(column) && Number.isFinite(value) && !figures.has(key)) figures.set(key, value);
    }
  }
  return figures;
}
