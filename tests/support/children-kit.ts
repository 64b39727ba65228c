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

/**
 * One finger drawing on the children's drawing pad, as touch events: down at the first point,
 * moved through the others, lifted. Points are fractions of the pad's width and height.
 */
export async function drawStroke(page: Page, points: readonly (readonly [number, number])[]): Promise<void> {
  const box = await page.getByTestId('drawing-pad').boundingBox();
  if (box === null) throw new Error('No drawing pad on screen');
  const at = ([x, y]: readonly [number, number]) => ({ x: Math.round(box.x + x * box.width), y: Math.round(box.y + y * box.height) });
  const [first, ...rest] = points;
  if (first === undefined) return;
  const session = await page.context().newCDPSession(page);
  await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(first)] });
  for (const point of rest) await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(point)] });
  await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await session.detach();
}
