import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';

const projectRoot = join(import.meta.dirname, '..', '..');

export const cliTestVersion = '9.9.9-cli-test';

/**
 * Bundles the `kerro` command line as scripts/build.mjs does, into node_modules so that its
 * imports of zod and lowdb resolve like the app's own, and returns the script to run with node.
 */
export async function buildCli(): Promise<string> {
  const outDir = join(projectRoot, 'node_modules', '.cache', 'kerro-tests', 'cli');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: projectRoot,
    define: { KERRO_VERSION: JSON.stringify(cliTestVersion) },
    build: {
      ssr: join(projectRoot, 'src-main', 'cli', 'main.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rolldownOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
    },
  });
  return join(outDir, 'main.mjs');
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command line as its own process, as IT support would. */
export function runKerro(cli: string, args: string[], environment: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
