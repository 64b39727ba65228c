import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { XDisplay } from './x-display';

const projectRoot = join(import.meta.dirname, '..', '..');

export interface SessionEvent {
  event: string;
  program?: string;
  pid?: number;
  signal?: string | null;
  restartInMs?: number;
}

export interface RunningSession {
  /** Every log line the supervisor wrote, in order. */
  events: SessionEvent[];
  /** Waits for the next event (after those already seen) that matches. */
  next(matches: (event: SessionEvent) => boolean, timeoutMs?: number): Promise<SessionEvent>;
  /** Ends the session as systemd would (SIGTERM); resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** A port free now, for the session's fixed address (the browser keeps it across server restarts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The built kiosk session (`out/server/kiosk-session.mjs`) on an X display, as docs/deployment.md runs it. */
export function startSession(display: XDisplay, environment: Record<string, string>): RunningSession {
  const child = spawn(process.execPath, [join(projectRoot, 'out', 'server', 'kiosk-session.mjs')], {
    env: { ...process.env, DISPLAY: display.name, KERRO_SCREEN_SIZE: `${display.width}x${display.height}`, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: SessionEvent[] = [];
  const waiters: Array<() => void> = [];
  let pending = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = `${errors}${chunk.toString('utf8')}`.slice(-4000)));
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('Kerro is serving at')) events.push({ event: 'server.serving' });
      else if (line.startsWith('{') && line.includes('"session.')) events.push(JSON.parse(line) as SessionEvent);
    }
    for (const waiter of waiters.splice(0)) waiter();
  });
  let seen = 0;
  const next = (matches: (event: SessionEvent) => boolean, timeoutMs = 20_000) =>
    new Promise<SessionEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No matching session event in ${timeoutMs} ms; saw ${JSON.stringify(events)}\n${errors}`)), timeoutMs);
      const look = () => {
        for (; seen < events.length; seen += 1) {
          const event = events[seen];
          if (event !== undefined && matches(event)) {
            seen += 1;
            clearTimeout(timer);
            resolve(event);
            return;
          }
        }
        waiters.push(look);
      };
      look();
    });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve(child.exitCode);
        return;
      }
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { events, next, stop };
}
