// `npm run bench`: every bench section in one run, printed alike as Markdown (ready for the
// docs/performance.md). `node scripts/bench.mjs store` runs only the named sections. A section is a TypeScript
// module exporting `run(context)` that returns a BenchSection (scripts/bench/section.mts); it is
// bundled with Vite like the app, so it measures the same code the kiosk runs.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const projectRoot = join(import.meta.dirname, '..');

/** Add a section here; it runs in this order. */
const sections = [
  { name: 'store', entry: 'scripts/bench-store.mts' },
  { name: 'scale', entry: 'scripts/bench-store-scale.mts' },
  { name: 'qr', entry: 'scripts/bench-qr.mts' },
  { name: 'export', entry: 'scripts/bench-export.mts' },
  { name: 'ui', entry: 'scripts/bench-ui.mts' },
  { name: 'staff', entry: 'scripts/bench-staff.mts' },
  { name: 'receiver', entry: 'scripts/bench-receiver.mts' },
  { name: 'speech', entry: 'scripts/bench-speech.mts' },
  // Runs store and ui again under Node 20 and Node 24 in turn; named on its own, not part of a plain `npm run bench`.
  { name: 'runtime', entry: 'scripts/bench-runtime.mts', isOnlyWhenNamed: true },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !sections.some((section) => section.name === name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench section: ${unknown.join(', ')} (known: ${sections.map((section) => section.name).join(', ')})\n`);
  process.exit(2);
}
const chosen = wanted.length === 0 ? sections.filter((section) => section.isOnlyWhenNamed !== true) : sections.filter((section) => wanted.includes(section.name));

const startedAt = performance.now();
const loadAtStart = loadavg();
const clock = () => {
  const seconds = Math.round((performance.now() - startedAt) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};
const progress = (message) => process.stderr.write(`bench ${clock()}: ${message}\n`);
let hasFailed = false;
const durations = [];
/**
 * KERRO_BENCH_BUSY_CORE=1: another process spins on one core through the whole run, so the run's
 * figures and wall time are those of a machine doing other work. The export section keeps a core
 * busy itself (unless KERRO_BENCH_EXPORT_BUSY=0), so the run's spinner pauses for it: one core
 * busy throughout, never two.
 */
const isCoreBusy = process.env.KERRO_BENCH_BUSY_CORE === '1';
const hasOwnBusyCore = (name) => name === 'export' && process.env.KERRO_BENCH_EXPORT_BUSY !== '0';
let spinner = null;

try {
  for (const { name, entry } of chosen) {
    if (isCoreBusy && !hasOwnBusyCore(name) && spinner === null) spinner = spinBusy();
    if (isCoreBusy && hasOwnBusyCore(name) && spinner !== null) {
      await stopSpinning(spinner);
      spinner = null;
    }
    const sectionStartedAt = performance.now();
    const loadAtSectionStart = loadavg()[0];
    // Not in out/: a build started meanwhile empties out/, and the bench's worker threads load this file again.
    const outDir = join(projectRoot, 'node_modules', '.cache', 'kerro-bench');
    await build({
      configFile: false,
      logLevel: 'warn',
      root: projectRoot,
      build: {
        ssr: join(projectRoot, entry),
        outDir,
        emptyOutDir: false,
        target: 'node20',
        minify: false,
        rolldownOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
      },
    });
    const module = await import(pathToFileURL(join(outDir, `${name}.mjs`)).href);
    const section = await module.run({ projectRoot, progress });
    process.stdout.write(formatSection(section));
    if (section.checks.some((check) => check.isRequired && !check.isMet)) hasFailed = true;
    durations.push({ name, seconds: (performance.now() - sectionStartedAt) / 1000, loads: [loadAtSectionStart, loadavg()[0]] });
  }
} finally {
  if (spinner !== null) await stopSpinning(spinner);
}
process.stdout.write(formatRun());

process.exitCode = hasFailed ? 1 : 0;

function formatSection(section) {
  const lines = [`## ${section.title}`, '', ...section.notes.map((note) => `- ${note}`), ''];
  for (const table of section.tables) {
    lines.push(`### ${table.title}`, '', row(table.columns), row(table.columns.map(() => '---')));
    for (const cells of table.rows) lines.push(row(cells));
    lines.push('');
  }
  lines.push('### Targets and must-holds', '');
  for (const check of section.checks) {
    const verdict = check.isMet ? 'met' : check.isRequired ? 'FAILED' : 'MISSED';
    lines.push(`- ${verdict}: ${check.label}`);
  }
  lines.push('', '');
  return lines.join('\n');
}

function spinBusy() {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

function stopSpinning(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The run's own wall time and machine, so a claim like "under ten minutes" can be read off the output. */
function formatRun() {
  const seconds = (performance.now() - startedAt) / 1000;
  const load = (averages) => `${averages[0].toFixed(2)} / ${averages[1].toFixed(2)} / ${averages[2].toFixed(2)}`;
  const lines = [
    '## This run',
    '',
    `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
    `- Load average (1 / 5 / 15 min) at the start: ${load(loadAtStart)}; at the end: ${load(loadavg())}`,
    ...(isCoreBusy ? ['- One core kept busy through the whole run by another process spinning on it (KERRO_BENCH_BUSY_CORE=1; during export, by the export section\'s own)'] : []),
    `- Wall time: ${formatSeconds(seconds)} for ${durations.map((duration) => duration.name).join(', ')} (the build before it not counted)`,
    '',
    row(['section', 'wall time', 'load average (1 min) at its start → end']),
    row(['---', '---', '---']),
    ...durations.map((duration) => row([duration.name, formatSeconds(duration.seconds), duration.loads.map((value) => value.toFixed(2)).join(' → ')])),
    row(['all', formatSeconds(seconds), `${loadAtStart[0].toFixed(2)} → ${loadavg()[0].toFixed(2)}`]),
    '',
  ];
  return lines.join('\n');
}

function formatSeconds(seconds) {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

function row(cells) {
  return `| ${cells.join(' | ')} |`;
}
