// `npm run bench`: every bench section in one run, printed alike as Markdown (ready for the
// README). `node scripts/bench.mjs store` runs only the named sections. A section is a TypeScript
// module exporting `run(context)` that returns a BenchSection (scripts/bench/section.mts); it is
// bundled with Vite like the app, so it measures the same code the kiosk runs.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const projectRoot = join(import.meta.dirname, '..');

/** Add a section here; it runs in this order. */
const sections = [
  { name: 'store', entry: 'scripts/bench-store.mts' },
  { name: 'qr', entry: 'scripts/bench-qr.mts' },
  { name: 'export', entry: 'scripts/bench-export.mts' },
  { name: 'ui', entry: 'scripts/bench-ui.mts' },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !sections.some((section) => section.name === name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench section: ${unknown.join(', ')} (known: ${sections.map((section) => section.name).join(', ')})\n`);
  process.exit(2);
}
const chosen = wanted.length === 0 ? sections : sections.filter((section) => wanted.includes(section.name));

const progress = (message) => process.stderr.write(`bench: ${message}\n`);
let hasFailed = false;

for (const { name, entry } of chosen) {
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
}

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

function row(cells) {
  return `| ${cells.join(' | ')} |`;
}
