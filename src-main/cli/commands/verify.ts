import { basename, resolve } from 'node:path';
import { verifyFolders, type VerifyReport } from '../../core/offline-kiosk';
import { exitCodes, type Command, type CommandIo } from '../command';

const usage = `kerro verify FOLDER...

Checks Kerro export folders: every file against the hash in manifest.json, responses.json
against the batch hash and its canonical form, and, per kiosk, that the batches given form one
unbroken chain (no batch missing, none altered or replaced). A folder that holds export folders
(a stick, say) stands for all of them. Exits 0 when all is well, 1 with the reason otherwise.`;

async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help')) {
    io.stdout.write(`${usage}\n`);
    return exitCodes.done;
  }
  const unknown = args.find((arg) => arg.startsWith('-'));
  if (unknown !== undefined || args.length === 0) {
    io.stderr.write(`${unknown === undefined ? 'Name at least one folder.' : `Unknown option '${unknown}'.`}\n\n${usage}\n`);
    return exitCodes.usage;
  }
  const report = await verifyFolders(args.map((arg) => resolve(arg)));
  io.stdout.write(describe(report));
  if (!report.isOk) io.stderr.write('Verification FAILED: see the problems above.\n');
  return report.isOk ? exitCodes.done : exitCodes.failed;
}

function describe(report: VerifyReport): string {
  const lines: string[] = [];
  for (const folder of report.folders) {
    const manifest = folder.manifest;
    const what = manifest === null ? '' : ` (kiosk ${manifest.kioskId}, batch ${manifest.batch}, answers ${manifest.seqFrom}–${manifest.seqTo})`;
    lines.push(`${folder.problems.length === 0 ? 'OK  ' : 'FAIL'} ${basename(folder.path)}${what}`);
    for (const problem of folder.problems) lines.push(`     problem: ${problem}`);
    for (const warning of folder.warnings) lines.push(`     note: ${warning}`);
  }
  for (const chain of report.chains) {
    const state = chain.problems.length === 0 ? 'OK  ' : 'FAIL';
    lines.push(`${state} chain of kiosk ${chain.kioskId}: batches ${chain.batches.join(', ')}`);
    for (const problem of chain.problems) lines.push(`     problem: ${problem}`);
    for (const warning of chain.warnings) lines.push(`     note: ${warning}`);
  }
  return `${lines.join('\n')}\n`;
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check export folders: every hash, and the batch chain with its gaps.',
  usage,
  run,
};
