import { resolve } from 'node:path';
import { localize } from '../../../src-shared/contract/localize';
import { readPollPackFile } from '../../core/offline-kiosk';
import { exitCodes, type Command, type CommandIo } from '../command';
import { readCommandLine } from '../command-line';
import { openKioskData } from '../kiosk-data';

const usage = `kerro import-polls --data DIR [--dry-run] FILE

Adds the polls of a poll pack (kerro-polls.json, as the staff area writes it) to the kiosk in
DIR: new polls and new versions are added in one write; a poll version the kiosk already has
with other content refuses the whole pack. A broken or hostile file is refused with the reason
and changes nothing. --dry-run only says what would happen. Stop the kiosk first.`;

async function run(args: string[], io: CommandIo): Promise<number> {
  const commandLine = readCommandLine(args, { options: { data: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } }, allowPositionals: true }, usage, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values, positionals } = commandLine;
  const [file, ...extra] = positionals;
  if (values.data === undefined || file === undefined || extra.length > 0) {
    io.stderr.write(`Give --data and exactly one poll pack file.\n\n${usage}\n`);
    return exitCodes.usage;
  }
  const read = await readPollPackFile(resolve(file));
  if (!read.ok) {
    io.stderr.write(`Not imported: ${read.reason}\n`);
    return exitCodes.failed;
  }
  const pack = read.value;
  const opened = await openKioskData(values.data, io);
  if (opened === null) return exitCodes.usage;
  const { kiosk } = opened;
  try {
    const preview = kiosk.previewPollPack(pack, 'en');
    io.stdout.write(`Poll pack from kiosk ${pack.source.kioskId} (${pack.source.site}), ${pack.exportedAt}:\n`);
    for (const poll of preview.polls) io.stdout.write(`  ${poll.action.padEnd(8)} ${poll.id} v${poll.version}  ${localize(poll.question, 'fi').text}\n`);
    if (!preview.canImport) {
      io.stderr.write(`Not imported: ${preview.problem ?? 'conflict'}\n`);
      return exitCodes.failed;
    }
    if (values['dry-run'] === true) {
      io.stdout.write('Dry run: nothing was changed.\n');
      return exitCodes.done;
    }
    const imported = await kiosk.importPollPack(pack);
    if (!imported.ok) {
      io.stderr.write(`Not imported: ${imported.reason}\n`);
      return exitCodes.failed;
    }
    const result = imported.value;
    io.stdout.write(`Imported: ${result.added} added, ${result.unchanged} already here, ${result.skipped} older than here.${result.outcomesAdded > 0 ? ` ${result.outcomesAdded} new outcomes.` : ''}\n`);
    return exitCodes.done;
  } finally {
    await kiosk.close();
  }
}

export const importPollsCommand: Command = {
  name: 'import-polls',
  summary: 'Add the polls of a kerro-polls.json to a kiosk, all or none.',
  usage,
  run,
};
