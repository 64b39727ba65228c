import { readFile, realpath } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarize(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((left, right) => left - right);
  return { count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

/** The file system a folder is on, from the kernel's mount table: the longest mount point that holds it. */
export async function fileSystemOf(directory: string): Promise<string> {
  let mounts: string;
  try {
    mounts = await readFile('/proc/self/mounts', 'utf8');
  } catch {
    return 'unknown (no /proc/self/mounts)';
  }
  const path = await realpath(directory);
  let best: { point: string; type: string; device: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [device, point, type] = line.split(' ');
    if (device === undefined || point === undefined || type === undefined) continue;
    const isInside = path === point || path.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (isInside && (best === null || point.length >= best.point.length)) best = { point, type, device };
  }
  return best === null ? 'unknown' : `${best.type} on ${best.device} (mounted at ${best.point})`;
}

export async function describeMachine(directory: string): Promise<string[]> {
  const processors = cpus();
  return [
    `CPU: ${processors[0]?.model ?? 'unknown'}, ${processors.length} cores; memory ${Math.round(totalmem() / 2 ** 30)} GiB`,
    `Node ${process.version} on ${process.platform} ${release()}`,
    `Files in ${directory}: ${await fileSystemOf(directory)}`,
  ];
}

/** Other work on the machine shows up in every store's tail latency; the reader should know how much there was. */
export function describeLoad(when: string): string {
  const [one, five] = loadavg();
  return `Load average ${when}: ${(one ?? 0).toFixed(2)} (1 min), ${(five ?? 0).toFixed(2)} (5 min), on ${cpus().length} cores`;
}
