// Another process keeping one core busy, for figures that must hold while the machine runs other work.
import { spawn, type ChildProcess } from 'node:child_process';

/** Starts a process that spins on one core until `stop()`; it reports nothing and touches no disk. */
export function startBusyCore(): { stop(): Promise<void> } {
  const child: ChildProcess = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  return {
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
