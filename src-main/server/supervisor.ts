import { spawn, type ChildProcess } from 'node:child_process';

/** One program of the kiosk session, started again whenever it ends. */
export interface SupervisedProgram {
  name: string;
  command: string;
  args: readonly string[];
  environment: NodeJS.ProcessEnv;
  /** Each line the program writes on standard output, once it is running. */
  onLine?: (line: string) => void;
}

export interface RestartPolicy {
  /** The wait before the first restart; it doubles for each quick death in a row. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A program that ran this long before it died is restarted after the first delay again. */
  stableAfterMs: number;
}

export const defaultRestartPolicy: RestartPolicy = { firstDelayMs: 1000, maxDelayMs: 30_000, stableAfterMs: 30_000 };

export type SessionLog = (level: 'info' | 'warn', event: string, fields: Record<string, string | number | null>) => void;

/** The wait before restart number `quickDeaths` in a row (1 for the first). */
export function restartDelay(policy: RestartPolicy, quickDeaths: number): number {
  const doubled = policy.firstDelayMs * 2 ** Math.max(0, quickDeaths - 1);
  return Math.min(policy.maxDelayMs, doubled);
}

/**
 * Keeps one program running: when it ends, however it ends, it is started again after a wait
 * that grows while it keeps dying quickly (so a program that cannot start does not spin the
 * processor), with one log line for each start and each death.
 */
export class Supervisor {
  private child: ChildProcess | null = null;
  private timer: NodeJS.Timeout | null = null;
  private quickDeaths = 0;
  private isStopping = false;

  constructor(
    private readonly program: SupervisedProgram,
    private readonly policy: RestartPolicy,
    private readonly log: SessionLog,
  ) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  start(): void {
    if (this.isStopping) return;
    const startedAt = Date.now();
    const child = spawn(this.program.command, this.program.args, { env: this.program.environment, stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) this.program.onLine?.(line);
    });
    // A command that cannot be started at all ends with 'error' and then 'close'; both paths restart.
    child.on('error', (error) => this.log('warn', 'session.failedToStart', { program: this.program.name, error: error.message }));
    child.on('spawn', () => this.log('info', 'session.started', { program: this.program.name, pid: child.pid ?? null }));
    child.on('close', (code, signal) => {
      if (this.child === child) this.child = null;
      if (this.isStopping) return;
      const ranMs = Date.now() - startedAt;
      this.quickDeaths = ranMs >= this.policy.stableAfterMs ? 1 : this.quickDeaths + 1;
      const delay = restartDelay(this.policy, this.quickDeaths);
      this.log('warn', 'session.exited', { program: this.program.name, code, signal, ranMs, restartInMs: delay });
      this.timer = setTimeout(() => {
        this.timer = null;
        this.start();
      }, delay);
    });
  }

  /** Ends the program for good (SIGTERM, then SIGKILL after `graceMs`) and starts it no more. */
  async stop(graceMs = 5000): Promise<void> {
    this.isStopping = true;
    if (this.timer !== null) clearTimeout(this.timer);
    const child = this.child;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
