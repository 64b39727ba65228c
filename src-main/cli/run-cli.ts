import { exitCodes, type Command, type CommandIo } from './command';
import { exportCommand } from './commands/export';
import { importPollsCommand } from './commands/import-polls';
import { qrFramesCommand } from './commands/qr-frames';
import { receiveCommand } from './commands/receive';
import { setupCommand } from './commands/setup';
import { verifyCommand } from './commands/verify';

declare const KERRO_VERSION: string;

/** Every command, one file each in ./commands; a new command is one import and one line here. */
export const commands: readonly Command[] = [setupCommand, exportCommand, verifyCommand, importPollsCommand, qrFramesCommand, receiveCommand];

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: kerro <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nkerro <command> --help tells more.\n`;
}

export async function runCli(args: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(overview());
    return name === undefined ? exitCodes.usage : exitCodes.done;
  }
  if (name === '--version') {
    io.stdout.write(`${typeof KERRO_VERSION === 'string' ? KERRO_VERSION : 'development'}\n`);
    return exitCodes.done;
  }
  const command = commands.find((known) => known.name === name);
  if (command === undefined) {
    io.stderr.write(`Unknown command: ${name}\n\n${overview()}`);
    return exitCodes.usage;
  }
  return command.run(rest, io);
}
