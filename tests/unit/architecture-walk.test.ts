import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '..', '..');

interface Step {
  file: string;
  calls: string;
}

/** The walk tables of docs/architecture.md: rows of `| n | file | `name` |`, one table per walk. */
function walksOf(markdown: string): Step[][] {
  const walks: Step[][] = [];
  let current: Step[] = [];
  for (const line of markdown.split('\n')) {
    const row = /^\| (\d+) \| ([\w./-]+) \| `(.+)` \|$/.exec(line);
    if (row === null) {
      if (current.length > 0) walks.push(current);
      current = [];
      continue;
    }
    const [, , file = '', calls = ''] = row;
    current.push({ file, calls });
  }
  if (current.length > 0) walks.push(current);
  return walks;
}

describe('the walk of one answer in docs/architecture.md', async () => {
  const walks = walksOf(await readFile(join(projectRoot, 'docs', 'architecture.md'), 'utf8'));

  it('has both walks, each within ten hops and never back in a file it left', () => {
    expect(walks).toHaveLength(2);
    for (const walk of walks) {
      expect(walk.length - 1).toBeLessThanOrEqual(10);
      expect(new Set(walk.map((step) => step.file)).size).toBe(walk.length);
    }
  });

  it('names files that exist and calls that each file still makes', async () => {
    for (const step of walks.flat()) {
      const source = await readFile(join(projectRoot, step.file), 'utf8').catch(() => null);
      expect(source, step.file).not.toBeNull();
      expect(source, `${step.file} no longer has ${step.calls}`).toContain(step.calls);
    }
  });
});
