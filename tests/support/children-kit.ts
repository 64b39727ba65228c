import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Every answer line in the journal, in order. */
export async function storedResponses(dataDir: string): Promise<Record<string, unknown>[]> {
  const directory = join(dataDir, 'answers');
  const names = (await readdir(directory)).sort();
  const text = (await Promise.all(names.map((name) => readFile(join(directory, name), 'utf8')))).join('');
  return text
    .trim()
    .split('\n')
    .map((line): unknown => JSON.parse(line))
    .flatMap((line) =>
      typeof line === 'object' && line !== null && 'response' in line && typeof line.response === 'object' && line.response !== null
        ? [{ ...line.response }]
        : [],
    );
}

/** Touches a picture twice, as a child does: the first touch picks it (and says its name), the second chooses it. */
export async function touchTwice(page: Page, optionId: string): Promise<void> {
  const picture = page.locator(`[data-option="${optionId}"]`);
  await picture.tap();
  await expect.poll(() => picture.getAttribute('aria-pressed')).toBe('true');
  await picture.tap();
}
