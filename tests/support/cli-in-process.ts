import { PassThrough } from 'node:stream';
import { runCli } from '../../src-main/cli/run-cli';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `kerro` command line in this process, with its standard streams captured; quicker
 * than a child process (cli-harness.ts) where the test is about what a command does, not how it starts.
 */
export async function runKerroInProcess(args: string[], stdinText: string | null = null): Promise<InProcessResult> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  if (stdinText === null) stdin.end();
  else stdin.end(stdinText);
  const code = await runCli(args, { stdin, stdout, stderr, environment: {} });
  return { code, stdout: out, stderr: err };
}
