import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';

const defaultProjectRoot = join(import.meta.dirname, '..', '..');

/**
 * Bundles the crash child into plain JavaScript that `node` can start on its own. It is written
 * inside node_modules so that its imports of zod and lowdb resolve like the app's own. The bench
 * bundles this file elsewhere, where its own folder says nothing about the project's, so it
 * passes the root in.
 */
export async function buildCrashChild(name: string, projectRoot = defaultProjectRoot): Promise<string> {
  const outDir = join(projectRoot, 'node_modules', '.cache', 'kerro-tests', name);
  await build({
    configFile: false,
    logLevel: 'silent',
    root: projectRoot,
    build: {
      ssr: join(projectRoot, 'tests', 'support', 'crash-child.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rolldownOptions: { output: { format: 'es', entryFileNames: 'crash-child.mjs' } },
    },
  });
  return join(outDir, 'crash-child.mjs');
}

export interface Acknowledged {
  responseId: string;
  seq: number;
}

/**
 * Starts the child, lets it record for `runMs` after it is ready, then kills it with SIGKILL.
 * Fails when the child ends without having opened the store: after a crash the store must open.
 */
export function runAndKill(childPath: string, dataDir: string, runMs: number): Promise<Acknowledged[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childPath, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: Acknowledged[] = [];
    let pending = '';
    let isReady = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ready')) {
          isReady = true;
          setTimeout(() => child.kill('SIGKILL'), runMs);
        }
        if (line.startsWith('ack ')) acknowledged.push(JSON.parse(line.slice(4)) as Acknowledged);
      }
    });
    child.on('error', reject);
    // 'close', not 'exit': acknowledgements still in the pipe when the child dies must be counted.
    child.on('close', (code, signal) => {
      if (isReady) resolve(acknowledged);
      else reject(new Error(`The crash child ended before it opened the store (code ${code}, signal ${signal})`));
    });
  });
}

/** Every answer line in the journal, in file order. */
export async function storedAnswers(dataDir: string): Promise<Acknowledged[]> {
  const directory = join(dataDir, 'answers');
  const names = (await readdir(directory)).filter((name) => name.endsWith('.jsonl')).sort();
  const answers: Acknowledged[] = [];
  for (const name of names) {
    for (const line of (await readFile(join(directory, name), 'utf8')).split('\n')) {
      // The open segment ends in reserve spaces (see Journal), which hold no line.
      if (line.trim() === '') continue;
      const parsed = JSON.parse(line) as { type: string; response?: { id: string; seq: number } };
      if (parsed.response !== undefined) answers.push({ responseId: parsed.response.id, seq: parsed.response.seq });
    }
  }
  return answers;
}
