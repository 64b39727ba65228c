// The store's crash section (`npm run bench:store` runs it after `scale`, and a section of
// `npm run bench`): SIGKILLs (150 by default) while answers are recorded, then every acknowledged
// answer must be there exactly once. The latency of one answer beside the floor and SQLite, with
// memory and opening, is the `scale` section (scripts/bench-store-scale.mts), at 1k, 100k and 1M.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLoad, describeMachine } from './bench/machine.mjs';
import type { BenchContext, BenchSection } from './bench/section.mjs';
import { crashTest } from './bench/store-crash.mjs';

export async function run(context: BenchContext): Promise<BenchSection> {
  const root = await mkdtemp(join(process.env.KERRO_BENCH_DIR ?? tmpdir(), 'kerro-bench-'));
  try {
    const machine = await describeMachine(root);
    const loadBefore = describeLoad('before the kills');
    const crash = await crashTest(join(root, 'crash'), context);
    const loadAfter = describeLoad('after them');
    return {
      title: 'Storage: answers through crashes',
      notes: [...machine, `${loadBefore}; ${loadAfter.charAt(0).toLowerCase()}${loadAfter.slice(1)}`, crash.note],
      tables: [crash.table],
      checks: crash.checks,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
