import type { Readable, Writable } from 'node:stream';

/** What a command may touch: given, so tests can run commands with their own streams. */
export interface CommandIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
  environment: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code: 0 done, 1 failed, 2 used wrongly. */
  run(args: string[], io: CommandIo): Promise<number>;
}

export const exitCodes = { done: 0, failed: 1, usage: 2 } as const;
