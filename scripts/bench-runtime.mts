// Node 24 against Node 20 in one run (`node scripts/bench.mjs runtime`): the storage-at-scale
// bench and a short UI bench, each run whole by one binary and then the other (the order alternating pair by
// pair, so the machine's load falls on both alike), their figures set side by side with ratios
// computed pair by pair. better-sqlite3 is a native module built for one ABI: for Node 20 the same
// version is built once into node_modules/.cache/kerro-node-20 by Node 20's own npm, and loaded
// there by a resolve hook (scripts/bench/node-20-hooks.mjs, through NODE_OPTIONS so the bench's
// child processes get it too); Kerro itself needs no native module. The storage benches (`store`,
// `scale`) run under Node 20 but abort under Node 24 when a thread or process holding better-sqlite3
// statements ends, so only `ui` runs by default; KERRO_BENCH_RUNTIME_SECTIONS='scale ui' asks for both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeLoad } from './bench/machine.mjs';
import { median, runCount, spread } from './bench/repeated.mjs';
import type { BenchCheck, BenchContext, BenchSection, BenchTable } from './bench/section.mjs';

const pairs = runCount('KERRO_BENCH_RUNTIME_PAIRS', 2);
/** The sections each binary runs: the UI by default (see above for storage at scale). */
const childSections = (process.env.KERRO_BENCH_RUNTIME_SECTIONS ?? 'ui').split(/\s+/).filter((name) => name === 'scale' || name === 'ui');
/** One storage-at-scale run and a short UI run per binary and pair, the same for both. */
const childEnvironment = { KERRO_BENCH_SCALE_RUNS: '1', KERRO_BENCH_SCALE_SAMPLES: '200', KERRO_BENCH_UI_RUNS: '1', KERRO_BENCH_TAPS: '60', KERRO_BENCH_SOAK: '500' };

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
  { section: 'store', row: '1k |', column: 'submit p95', label: 'store, 1k stored: responses.submit p95' },
  { section: 'store', row: '100k |', column: 'submit p95', label: 'store, 100k stored: responses.submit p95' },
  { section: 'store', row: '1M |', column: 'submit p95', label: 'store, 1M stored: responses.submit p95' },
  { section: 'store', row: '1M |', column: 'floor p95', label: 'store, 1M stored: the floor (append + fdatasync) p95' },
  { section: 'store', row: '1M |', column: 'sqlite p95', label: 'store, 1M stored: better-sqlite3 (peer) p95' },
  { section: 'store', row: '1M |', column: 'open ms', label: 'store, 1M stored: opening the kiosk, ms' },
  { section: 'store', row: '1M |', column: 'resident MB', label: 'store, 1M stored: resident memory, MB' },
  { section: 'ui', row: 'tap on a face', column: 'p95', label: 'UI: tap on a face → thank-you painted, p95' },
  { section: 'ui', row: 'reload → start screen painted', column: 'p95', label: 'UI: reload → start screen painted, p95' },
  { section: 'ui', row: 'server process start', column: 'p50', label: 'UI: server process start → start screen painted' },
] as const;

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
    rows: compared.filter(({ section }) => childSections.includes(section === 'store' ? 'scale' : section)).map(({ section, row, column, label }) => {
      const key = `${section}|${row}|${column}`;
      const newer = (figures.get(modern.label) ?? []).map((run) => run.get(key) ?? Number.NaN);
      const older = (figures.get(old.label) ?? []).map((run) => run.get(key) ?? Number.NaN);
      return [label, String(pairs), spread(newer, (value) => value.toFixed(3)), spread(older, (value) => value.toFixed(3)), spread(newer.map((value, index) => value / (older[index] ?? Number.NaN)), (value) => `${value.toFixed(2)}×`)];
    }),
  };
  const submit = (label: string) => median((figures.get(label) ?? []).map((run) => run.get('store|1M ||submit p95') ?? Number.NaN));
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
      'The storage benches are not compared: under Node 24 both `store` (a worker thread per store) and `scale` (a child process per size) abort as the thread or process holding better-sqlite3 12.9 statements ends ("RemoveEnvironmentCleanupHook: Assertion (env) != nullptr"), before printing; under Node 20 they run.',
      'Under Node 20, better-sqlite3 (the SQLite peer) is the same version built for Node 20 in node_modules/.cache/kerro-node-20 by Node 20\'s npm, loaded through a resolve hook given in NODE_OPTIONS; the Node 24 runs use node_modules as it is.',
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
  const sqliteVersion = (JSON.parse(readFileSync(join(context.projectRoot, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
  const built = join(modules, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const builtVersion = existsSync(built) ? (JSON.parse(readFileSync(join(modules, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }).version : null;
  if (builtVersion !== sqliteVersion) {
    context.progress(`runtime: building better-sqlite3 ${sqliteVersion} for Node 20 into ${modules} (once; a few minutes)`);
    const npm = join(dirname(node), 'npm');
    // Node 20's own npm on a PATH that starts with Node 20, so node-gyp builds against its headers.
    const environment: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}` };
    delete environment.npm_config_nodedir;
    const result = spawnSync(npm, ['install', '--prefix', modules, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `better-sqlite3@${sqliteVersion}`], { env: environment, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`Building better-sqlite3 for Node 20 failed:\n${result.stdout}${result.stderr}`);
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
    if (line.startsWith('## ')) section = line.includes('Storage') ? 'store' : line.includes('Parent screens') ? 'ui' : 'other';
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
