import { spawn, type ChildProcess } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';
import { errorCode } from '../../src-main/core/store/file-system';
import { e2eStaffPin, exitWithParent } from './browser-shell';

const serverMain = join(import.meta.dirname, '..', '..', 'out', 'server', 'main.mjs');
const cliMain = join(import.meta.dirname, '..', '..', 'out', 'cli', 'main.mjs');

export interface KerroOnSmallDisk {
  url: string;
  /** A path inside the server's data folder, as this process can reach it. */
  pathInData(...parts: string[]): string;
  /** Everything the server wrote to its standard output and error (its log). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built browser shell with its data folder on a tmpfs of `sizeBytes`: a real disk
 * that really fills up. The tmpfs is mounted in a mount namespace of the server's own, so it
 * vanishes with the server and is never left mounted on the machine; the test reaches it
 * through /proc/<pid>/root. As root this needs only `unshare`; as another user it needs
 * unprivileged user namespaces.
 */
export function startKerroOnSmallDisk(dataDir: string, sizeBytes: number): Promise<KerroOnSmallDisk> {
  const isRoot = process.getuid?.() === 0;
  const namespace = isRoot ? ['--mount', '--propagation', 'private'] : ['--user', '--map-root-user', '--mount', '--propagation', 'private'];
  // Set up on the small disk itself, as IT would, so the parents' start screen comes first.
  const setup = 'printf "%s\\n" "$5" | "$3" "$6" setup --data "$2" --site "Perheiden piha" > /dev/null';
  const script = `mount -t tmpfs -o "size=$1" kerro-small-disk "$2" && ${setup} && exec "$3" --import "$7" "$4"`;
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', [...namespace, 'sh', '-c', script, 'sh', String(sizeBytes), dataDir, process.execPath, serverMain, e2eStaffPin, cliMain, exitWithParent], {
      env: { ...process.env, KERRO_DATA_DIR: dataDir, KERRO_PORT: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let isReady = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (isReady || match?.[1] === undefined) return;
      isReady = true;
      // unshare and sh both exec, so the pid is the server's own, inside the new namespace.
      const root = `/proc/${child.pid}/root`;
      // A failed assertion would otherwise leave the server, and its small disk, running.
      try {
        onTestFinished(() => end(child));
      } catch {
        afterAll(() => end(child));
      }
      resolve({
        url: match[1],
        pathInData: (...parts) => join(root, dataDir, ...parts),
        output: () => output,
        stop: () => end(child),
      });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!isReady) reject(new Error(`The server on a small disk did not start (${code}):\n${output}`));
    });
  });
}

function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Writes a file until the disk says it is full; returns its size. Refuses to fill more than `limitBytes`. */
export async function fillDisk(path: string, limitBytes: number): Promise<number> {
  const handle = await open(path, 'w');
  const block = Buffer.alloc(4096, 0x2e);
  let size = 0;
  try {
    for (;;) {
      // A guard against filling a real disk, should the small one not be where it was meant to be.
      if (size > limitBytes) throw new Error(`${path} took ${size} bytes without filling up: not on the small disk`);
      const { bytesWritten } = await handle.write(block);
      size += bytesWritten;
      if (bytesWritten < block.length) break;
    }
  } catch (error) {
    if (errorCode(error) !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
  return size;
}

/** Gives the space back. */
export function freeDisk(path: string): Promise<void> {
  return rm(path);
}
