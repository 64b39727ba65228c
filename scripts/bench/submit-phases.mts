// Where the time of one responses.submit goes, measured inside the real path: the kiosk is opened
// on a file system that marks when the line's write starts and when its fdatasync ends, so each
// answer splits into the work before the write, the write, the fdatasync and the work after it;
// garbage collection pauses, the CPU of the process's other threads (V8 compiling the path and
// collecting garbage beside the main thread) and the timing's own cost are named beside them.
import { PerformanceObserver } from 'node:perf_hooks';
import { nodeFileSystem, type FileSystem } from '../../src-main/core/store/file-system';
import { percentile } from './machine.mjs';

/** What the disk calls of one answer took: milliseconds, and the clock's marks around them. */
interface DiskMarks {
  /** When the first write started (performance.now()), or 0 when there was none. */
  writeStart: number;
  /** When the last fdatasync ended. */
  flushEnd: number;
  write: number;
  flush: number;
}

const freshMarks = (): DiskMarks => ({ writeStart: 0, flushEnd: 0, write: 0, flush: 0 });

/** process.threadCpuUsage() came with Node 23.9; the @types/node the project pins does not list it yet. */
interface ThreadUsage {
  threadCpuUsage(): NodeJS.CpuUsage;
}

function hasThreadUsage(value: object): value is ThreadUsage {
  return 'threadCpuUsage' in value && typeof value.threadCpuUsage === 'function';
}

/**
 * The main thread's CPU time (user and system) in milliseconds. Linux brings a thread's own count
 * up to date only when it sleeps or at a scheduler tick, so it is read around a whole pass, never
 * around one answer; the process's count (every thread) is up to date whenever it is read.
 */
export function threadCpu(): number {
  if (!hasThreadUsage(process)) throw new Error('This Node has no process.threadCpuUsage (Node 23.9 or later needed)');
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/** The whole process's CPU time, every thread, in milliseconds. */
export function processCpu(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The node file system with its two blocking calls marked while `timing(true)`: the answers that
 * give the latency figures are taken with it off, as reading the clocks costs a few µs on a VM.
 * `lastLine()` is a copy of the first write under 4 KiB: the first line the journal wrote, for the floor.
 */
export function phasedFileSystem(): { fileSystem: FileSystem; take(): DiskMarks; timing(isOn: boolean): void; lastLine(): Buffer | null } {
  let marks = freshMarks();
  let isTiming = false;
  let line: Buffer | null = null;
  const fileSystem: FileSystem = {
    ...nodeFileSystem,
    writeSync: (descriptor, buffer, offset, length, position) => {
      if (line === null && length < 4096) line = Buffer.from(buffer.subarray(offset, offset + length));
      if (!isTiming) return nodeFileSystem.writeSync(descriptor, buffer, offset, length, position);
      const started = performance.now();
      if (marks.writeStart === 0) marks.writeStart = started;
      const written = nodeFileSystem.writeSync(descriptor, buffer, offset, length, position);
      marks.write += performance.now() - started;
      return written;
    },
    fdatasyncSync: (descriptor) => {
      if (!isTiming) return nodeFileSystem.fdatasyncSync(descriptor);
      const started = performance.now();
      nodeFileSystem.fdatasyncSync(descriptor);
      marks.flushEnd = performance.now();
      marks.flush += marks.flushEnd - started;
    },
  };
  return {
    fileSystem,
    timing(isOn) {
      isTiming = isOn;
    },
    take() {
      const taken = marks;
      marks = freshMarks();
      return taken;
    },
    lastLine: () => line,
  };
}

export type PhaseName = 'whole' | 'before' | 'write' | 'flush' | 'after' | 'gc' | 'floor';

/**
 * p50 and p95 of each phase in ms; beside them, per answer on average over the pass: the CPU time
 * of the process's other threads (V8 compiling and collecting garbage) and the timing's own cost.
 */
export type Phases = Record<PhaseName, { p50: number; p95: number }> & { helpers: number; timingCost: number };

/**
 * `samples` answers through `submitOnce`, each followed by one `floorOnce`, with the disk calls
 * marked. Before the write: zod in, poll checks, id, time, burst check, the line's JSON and bytes,
 * and the hand-offs between them; after the fdatasync: counts and index updated, the promises
 * resolved back up, zod out.
 */
export async function measurePhases(
  disk: ReturnType<typeof phasedFileSystem>,
  samples: number,
  submitOnce: () => Promise<void>,
  floorOnce: () => void,
): Promise<Phases> {
  const pauses: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const answers: { started: number; ended: number }[] = [];
  const times: Record<Exclude<PhaseName, 'gc'>, number[]> = { whole: [], before: [], write: [], flush: [], after: [], floor: [] };
  disk.timing(true);
  const passProcess = processCpu();
  const passThread = threadCpu();
  for (let index = 0; index < samples; index += 1) {
    disk.take();
    const started = performance.now();
    await submitOnce();
    const ended = performance.now();
    const marks = disk.take();
    answers.push({ started, ended });
    times.whole.push(ended - started);
    times.before.push(marks.writeStart - started);
    times.write.push(marks.write);
    times.flush.push(marks.flush);
    times.after.push(ended - marks.flushEnd);
    const floorStarted = performance.now();
    floorOnce();
    times.floor.push(performance.now() - floorStarted);
  }
  const helpers = (processCpu() - passProcess - (threadCpu() - passThread)) / samples;
  disk.timing(false);
  // The observer is told of pauses a turn of the event loop later.
  await new Promise((resolve) => setImmediate(resolve));
  observer.disconnect();
  const gc = answers.map(({ started, ended }) => pauses.reduce((sum, pause) => sum + Math.max(0, Math.min(ended, pause.end) - Math.max(started, pause.start)), 0));
  const sorted = (values: number[]) => [...values].sort((left, right) => left - right);
  const stat = (values: number[]) => ({ p50: percentile(sorted(values), 0.5), p95: percentile(sorted(values), 0.95) });
  return {
    whole: stat(times.whole),
    before: stat(times.before),
    write: stat(times.write),
    flush: stat(times.flush),
    after: stat(times.after),
    gc: stat(gc),
    floor: stat(times.floor),
    helpers,
    timingCost: timingCost(),
  };
}

/** ms per answer spent reading the clock as the timed pass does: six reads. */
function timingCost(): number {
  const rounds: number[] = [];
  let sink = 0;
  for (let round = 0; round < 25; round += 1) {
    const started = performance.now();
    for (let call = 0; call < 100; call += 1) {
      for (let read = 0; read < 6; read += 1) sink += performance.now();
    }
    rounds.push((performance.now() - started) / 100);
  }
  if (sink < 0) throw new Error('unreachable');
  return percentile(rounds.sort((left, right) => left - right), 0.5);
}
