import { isLanguageCode, languageCodes, type LanguageCode } from '../../../src-shared/i18n/languages';
import { defaultDataDir } from '../../core/data-dir';
import { provisionKiosk } from '../../core/setup';
import { exitCodes, type Command, type CommandIo } from '../command';
import { readCommandLine } from '../command-line';
import { readSecretLine } from '../read-secret';

const usage = `kerro setup --site NAME [--languages fi,sv,en] [--data DIR]

Sets up a kiosk's data folder before its first start: the site name, the languages shown and
the staff PIN (6–12 digits). The PIN is read from standard input, never from the command line:
  printf '%s\\n' "$PIN" | kerro setup --data /var/lib/kerro --site "Perheiden piha"
At a terminal it is asked for twice and not shown. A kiosk that is already set up is left as it is.
--data defaults to KERRO_DATA_DIR, else the app's usual data folder.`;

async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.some((arg) => arg === '--pin' || arg.startsWith('--pin='))) {
    io.stderr.write('The PIN is read from standard input, never from the command line: argv shows in `ps` and in shell history.\n');
    return exitCodes.usage;
  }
  const commandLine = readCommandLine(args, { options: { site: { type: 'string' }, languages: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: false }, usage, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values } = commandLine;
  if (values.site === undefined) {
    io.stderr.write(`--site is required.\n\n${usage}\n`);
    return exitCodes.usage;
  }
  const languages = (values.languages ?? languageCodes.join(',')).split(',').map((code) => code.trim());
  const unknown = languages.filter((code) => !isLanguageCode(code));
  if (unknown.length > 0) {
    io.stderr.write(`Unknown language: ${unknown.join(', ')} (known: ${languageCodes.join(', ')})\n`);
    return exitCodes.usage;
  }
  const pin = await readPin(io);
  if (pin === null) return exitCodes.failed;
  const dataDir = values.data ?? defaultDataDir(io.environment);
  const outcome = await provisionKiosk(dataDir, { siteName: values.site, pin, languages: languages.filter(isLanguageCode) satisfies LanguageCode[] });
  if (!outcome.ok) {
    const details = outcome.issues.map((issue) => `  ${issue.path}: ${describe(issue.message)}\n`).join('');
    io.stderr.write(`Not set up: ${outcome.message}\n${details}`);
    return outcome.code === 'conflict' ? exitCodes.failed : exitCodes.usage;
  }
  io.stdout.write(`Kiosk ${outcome.kioskId} in ${dataDir} is set up for "${values.site.trim()}" (${languages.join(', ')}).\n`);
  return exitCodes.done;
}

async function readPin(io: CommandIo): Promise<string | null> {
  const pin = await readSecretLine(io, 'Staff PIN (6–12 digits): ');
  if (pin === null || pin === '') {
    io.stderr.write('No PIN on standard input.\n');
    return null;
  }
  if (io.stdin.isTTY === true) {
    const again = await readSecretLine(io, 'The same PIN again: ');
    if (again !== pin) {
      io.stderr.write('The PINs were not the same.\n');
      return null;
    }
  }
  return pin;
}

/** The contract's problem keys, in words for a terminal. */
function describe(message: string): string {
  const words: Record<string, string> = {
    'problem.pinFormat': 'the PIN must be 6–12 digits',
    'problem.required': 'must not be empty',
    'problem.tooLong': 'too long',
    'problem.languageMissing': 'name each language once, at least one',
  };
  return words[message] ?? message;
}

export const setupCommand: Command = {
  name: 'setup',
  summary: 'Set up a kiosk before its first start (PIN from standard input).',
  usage,
  run,
};
