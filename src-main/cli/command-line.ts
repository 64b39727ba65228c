import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exitCodes, type CommandIo } from './command';

type Options = NonNullable<ParseArgsConfig['options']> & { help: { type: 'boolean' } };

type Parsed<T extends Options, P extends boolean> = ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: P }>>;

/**
 * Reads a command's options the same way for every command: a wrong option prints the reason
 * and the usage (exit 2), `--help` prints the usage (exit 0); otherwise the values are handed back.
 */
export function readCommandLine<T extends Options, P extends boolean>(
  args: string[],
  config: { options: T; allowPositionals: P },
  usage: string,
  io: CommandIo,
): Parsed<T, P> | { exitCode: number } {
  let parsed: Parsed<T, P>;
  try {
    parsed = parseArgs({ args, options: config.options, strict: true, allowPositionals: config.allowPositionals });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return { exitCode: exitCodes.usage };
  }
  const flags: { help?: unknown } = parsed.values;
  if (flags.help === true) {
    io.stdout.write(`${usage}\n`);
    return { exitCode: exitCodes.done };
  }
  return parsed;
}
