// Runs electronegativity on the Electron shell and the screens and fails on any finding above
// informational that electronegativity.json does not document as a false positive with a reason.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'kerro-electronegativity-'));
let failures = 0;

function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line.trim() === '') continue;
    const cells = [...line.matchAll(/("([^"]*(?:""[^"]*)*)"|[^,]*)(,|$)/g)].map((match) => (match[2] ?? match[1]).replaceAll('""', '"'));
    rows.push({ check: cells[0], severity: cells[1], confidence: cells[2], file: cells[3], location: cells[4], description: cells[6], url: cells[7] ?? '' });
  }
  return rows;
}

const severities = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']);
const isWhole = (row) => severities.has(row.severity) && row.url.startsWith('https://');

/**
 * The scanner now and then exits before its report is fully written, leaving a row cut short;
 * such a report is not read as findings but the scan is run again.
 */
function scan(target) {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const output = join(scratch, `${target}-${attempt}.csv`);
    // The scanner comes with npm ci (a pinned devDependency). Its check for newer Electron releases
    // is excluded: it asks GitHub, which an offline build cannot reach, and Electron's version is
    // pinned in package.json where updates are reviewed.
    const run = spawnSync(
      process.execPath,
      [
        '--import', pathToFileURL(join(root, 'scripts', 'offline-got.mjs')).href,
        join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'),
        '-i', join(root, target),
        '-e', config.electronVersion,
        '-x', 'AvailableSecurityFixesGlobalCheck',
        '-r', '-v', 'false', '-o', output,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (run.status !== 0) {
      process.stderr.write(`electronegativity failed on ${target}:\n${run.stdout}\n${run.stderr}\n`);
      process.exit(1);
    }
    const rows = parseCsv(readFileSync(output, 'utf8'));
    if (rows.every(isWhole)) return rows;
    process.stdout.write(`electronegativity left a cut-short report for ${target}; scanning again\n`);
  }
  process.stderr.write(`electronegativity gave no whole report for ${target} in three tries\n`);
  process.exit(1);
}

for (const target of config.targets) {
  const findings = scan(target).filter((finding) => finding.severity !== 'INFORMATIONAL');
  for (const finding of findings) {
    const documented = config.falsePositives.find(
      (entry) => entry.target === target && entry.check === finding.check && entry.file === finding.file,
    );
    if (documented === undefined) {
      failures += 1;
      process.stdout.write(`FINDING ${target}: ${finding.check} ${finding.severity} ${finding.file}:${finding.location} ${finding.description}\n`);
    } else {
      process.stdout.write(`documented false positive ${target}: ${finding.check} ${finding.file} (${documented.reason.slice(0, 80)}…)\n`);
    }
  }
}
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(failures === 0 ? 'electronegativity: no undocumented findings\n' : `electronegativity: ${failures} finding(s)\n`);
process.exit(failures === 0 ? 0 : 1);
