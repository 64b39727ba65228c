import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  /** performance.now() when the process was spawned, for start-up figures. */
  spawnedAt: number;
  stop(): Promise<void>;
}

/** The built browser shell on a free loopback port, as a bench drives it: its own process, its own data folder. */
export async function startServerProcess(projectRoot: string, dataDir: string): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'out', 'server', 'main.mjs')], {
    env: { ...process.env, KERRO_DATA_DIR: dataDir, KERRO_PORT: '0' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(`the server exited: ${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, spawnedAt, stop };
}

/** A kiosk set up as staff would with `kerro setup`, so the bench starts where a real kiosk does. */
export function provisionKiosk(projectRoot: string, dataDir: string, pin: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'out', 'cli', 'main.mjs'), 'setup', '--data', dataDir, '--site', 'Perheiden piha', '--languages', 'fi,sv,en'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    child.stdin.end(`${pin}\n`);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kerro setup failed (${code})`))));
  });
}
