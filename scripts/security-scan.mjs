// Runs electronegativity on the Electron shell and the screens and fails on any finding above
// informational that electronegativity.json does not document as a false positive with a reason.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'kerro-electronegativity-'));
let failures = 0;

function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line.trim() === '') continue;
    const cells = [...line.matchAll(/("([^"]*(?:""[^"]*)*)"|[^,]*)(,|$)/g)].map((match) => (match[2] ?? match[1]).replaceAll('""', '"'));
    rows.push({ check: cells[0], severity: cells[1], confidence: cells[2], file: cells[3], location: cells[4], description: cells[6] });
  }
  return rows;
}

for (const target of config.targets) {
  const output = join(scratch, `${target}.csv`);
  const run = spawnSync(
    'npx',
    ['--yes', config.tool, '-i', join(root, target), '-e', config.electronVersion, '-r', '-v', 'false', '-o', output],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (run.status !== 0) {
    process.stderr.write(`electronegativity failed on ${target}:\n${run.stdout}\n${run.stderr}\n`);
    process.exit(1);
  }
  const findings = parseCsv(readFileSync(output, 'utf8')).filter((finding) => finding.severity !== 'INFORMATIONAL');
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
