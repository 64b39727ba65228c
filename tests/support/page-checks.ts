import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** axe-core with the WCAG 2.1 A and AA rules; any violation fails, listed by rule and element. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, label).toEqual([]);
}

/** Every button at least 64 × 64 CSS pixels (children's screens: 96), measured from its box on screen. */
export async function expectBigTargets(page: Page, label: string, minimum = 64): Promise<void> {
  const small = await page.$$eval(
    'button',
    (buttons, least) =>
      buttons
        .map((button) => ({ text: button.textContent ?? '', box: button.getBoundingClientRect() }))
        .filter(({ box }) => box.width < least || box.height < least)
        .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
    minimum,
  );
  expect(small, label).toEqual([]);
}

/** Nothing sticks out of the screen: no scroll bar could ever appear, and no text is cut. */
export async function expectFitsScreen(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const clipped = [...document.querySelectorAll('button, h1, h2, p')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1 || element.getBoundingClientRect().bottom > window.innerHeight + 1)
      .map((element) => element.textContent ?? '');
    return { height: root.scrollHeight - window.innerHeight, width: root.scrollWidth - window.innerWidth, clipped };
  });
  expect(overflow, label).toEqual({ height: 0, width: 0, clipped: [] });
}

/** No two of the screen's parts cover each other (a part that spills out of its box lies over the next). */
export async function expectNoOverlap(page: Page, selectors: readonly string[], label: string): Promise<void> {
  const overlaps = await page.evaluate((parts) => {
    const boxes = parts.flatMap((selector) =>
      [...document.querySelectorAll(selector)].map((element) => ({ selector, box: element.getBoundingClientRect() })),
    );
    const found: string[] = [];
    for (const [index, first] of boxes.entries()) {
      for (const second of boxes.slice(index + 1)) {
        const apart =
          first.box.right <= second.box.left || second.box.right <= first.box.left || first.box.bottom <= second.box.top || second.box.bottom <= first.box.top;
        if (!apart) found.push(`${first.selector} over ${second.selector}`);
      }
    }
    return found;
  }, selectors);
  expect(overlaps, label).toEqual([]);
}
