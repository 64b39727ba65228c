import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTouchKiosk, startKerro, useBrowser, type RunningKerro } from '../support/browser-shell';
import { makeTempDir } from '../support/temp-dir';

const browser = useBrowser();
let kerro: RunningKerro;
let page: Page;

beforeAll(async () => {
  kerro = await startKerro(await makeTempDir());
  page = await openTouchKiosk(browser(), kerro.url);
});

afterAll(async () => {
  await kerro.stop();
});

/** Dispatches a cancelable event of the given kind on the first match and says whether the page refused it. */
function isRefused(selector: string, type: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element, eventType) => {
    const event = eventType.startsWith('drag') || eventType === 'drop'
      ? new DragEvent(eventType, { bubbles: true, cancelable: true })
      : new MouseEvent(eventType, { bubbles: true, cancelable: true, button: 2 });
    element.dispatchEvent(event);
    return event.defaultPrevented;
  }, type);
}

describe('a parent cannot leave the kiosk page', () => {
  it('gets no context menu from a right click or long press', async () => {
    expect(await isRefused('.face-button', 'contextmenu')).toBe(true);
    expect(await isRefused('h1', 'contextmenu')).toBe(true);
  });

  it('cannot select text by dragging or double-clicking', async () => {
    const box = await page.locator('.poll-question').boundingBox();
    expect(box).not.toBeNull();
    if (box === null) return;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.locator('.invitation').dblclick();
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
    expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none');
  });

  it('cannot drag the pictures or drop a file to open it in place', async () => {
    expect(await isRefused('.face-button', 'dragstart')).toBe(true);
    expect(await isRefused('main', 'dragover')).toBe(true);
    expect(await isRefused('main', 'drop')).toBe(true);
    expect(page.url()).toBe(`${kerro.url}/`);
  });

  it('finds no link, form or new-window target to follow', async () => {
    expect(await page.locator('a[href], form, [target], iframe').count()).toBe(0);
  });

  it('cannot scroll the screen', async () => {
    await page.mouse.wheel(0, 2000);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => [window.scrollY, document.documentElement.scrollTop])).toEqual([0, 0]);
  });

  it('runs no injected inline script: the served CSP refuses it', async () => {
    const outcome = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string }>((resolve) => {
          const state = { ran: false, violated: '' };
          (window as unknown as { injected?: () => void }).injected = () => {
            state.ran = true;
          };
          document.addEventListener('securitypolicyviolation', (event) => {
            state.violated = event.violatedDirective;
          });
          const script = document.createElement('script');
          script.textContent = 'window.injected()';
          document.body.append(script);
          setTimeout(() => resolve(state), 200);
        }),
    );
    expect(outcome).toEqual({ ran: false, violated: 'script-src-elem' });
  });
});
