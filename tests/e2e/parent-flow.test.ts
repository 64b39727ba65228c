import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { health, openTouchKiosk, screenshotDir, startKerro, useBrowser, type RunningKerro } from '../support/browser-shell';
import { expectAccessible, expectBigTargets, expectFitsScreen } from '../support/page-checks';
import { makeTempDir } from '../support/temp-dir';

const languages = [
  { code: 'fi', button: 'Suomi', question: 'Miten viihdyit täällä tänään?', face: 'Hyvin', thanks: 'Kiitos!' },
  { code: 'sv', button: 'Svenska', question: 'Hur trivdes du här i dag?', face: 'Bra', thanks: 'Tack!' },
  { code: 'en', button: 'English', question: 'How did you like it here today?', face: 'Good', thanks: 'Thank you!' },
] as const;

const orientations = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const;

const browser = useBrowser();

function openKiosk(kerro: RunningKerro, viewport: { width: number; height: number } = orientations[0]): Promise<Page> {
  return openTouchKiosk(browser(), kerro.url, viewport);
}

async function storedLines(dataDir: string): Promise<{ type: string; response?: Record<string, unknown>; topics?: string[] }[]> {
  const directory = join(dataDir, 'answers');
  const names = (await readdir(directory)).sort();
  const text = (await Promise.all(names.map((name) => readFile(join(directory, name), 'utf8')))).join('');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; response?: Record<string, unknown>; topics?: string[] });
}

describe('a parent gives feedback', () => {
  for (const language of languages) {
    it(`in ${language.button}: one tap is stored, topics attach to it, every screen checked`, async () => {
      const kerro = await startKerro(await makeTempDir());
      const shots = await screenshotDir();
      for (const orientation of orientations) {
        const page = await openKiosk(kerro, orientation);
        const shot = (screen: string) => page.screenshot({ path: join(shots, `${language.code}-${screen}-${orientation.name}.png`) });
        await page.getByRole('button', { name: language.button }).click();
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language.code);
        await page.getByRole('heading', { name: language.question }).waitFor();
        await shot('start');
        await expectAccessible(page, `start ${language.code}`);
        await expectBigTargets(page, `start ${language.code} ${orientation.name}`);
        await expectFitsScreen(page, `start ${language.code} ${orientation.name}`);

        await page.getByRole('button', { name: language.face, exact: true }).click();
        await page.locator('[data-screen="follow-up"]').waitFor();
        await shot('follow-up');
        await expectAccessible(page, `follow-up ${language.code}`);
        await expectBigTargets(page, `follow-up ${language.code} ${orientation.name}`);
        await expectFitsScreen(page, `follow-up ${language.code} ${orientation.name}`);

        await page.locator('[data-topic="staff"]').click();
        await page.locator('[data-topic="hours"]').click();
        await page.locator('.primary-button').click();
        await page.getByRole('heading', { name: language.thanks }).waitFor();
        await shot('thanks');
        await expectAccessible(page, `thanks ${language.code}`);
        await expectFitsScreen(page, `thanks ${language.code} ${orientation.name}`);
        await page.context().close();
      }

      const lines = await storedLines(kerro.dataDir);
      const responses = lines.filter((line) => line.type === 'response').map((line) => line.response);
      expect(responses).toHaveLength(2);
      expect(responses.map((response) => response?.language)).toEqual([language.code, language.code]);
      expect(responses.map((response) => response?.answer)).toEqual([{ optionIds: ['good'] }, { optionIds: ['good'] }]);
      expect(lines.filter((line) => line.type === 'followUp').map((line) => line.topics)).toEqual([
        ['staff', 'hours'],
        ['staff', 'hours'],
      ]);
      await kerro.stop();
    });
  }

  it('a double tap on a face counts once', async () => {
    const kerro = await startKerro(await makeTempDir());
    const page = await openKiosk(kerro);
    await page.locator('[data-option="very-good"]').evaluate((button: HTMLElement) => {
      button.click();
      button.click();
    });
    await page.locator('[data-screen="follow-up"]').waitFor();
    expect((await health(kerro)).answersStored).toBe(1);
    await page.context().close();
    await kerro.stop();
  });

  it('a finger slid off the face before lifting gives no answer', async () => {
    const kerro = await startKerro(await makeTempDir());
    const page = await openKiosk(kerro);
    const face = await page.locator('[data-option="bad"]').boundingBox();
    expect(face).not.toBeNull();
    if (face === null) return;
    await page.mouse.move(face.x + face.width / 2, face.y + face.height / 2);
    await page.mouse.down();
    await page.mouse.move(face.x + face.width / 2, face.y - 200, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await page.locator('[data-screen="start"]').count()).toBe(1);
    expect((await health(kerro)).answersStored).toBe(0);
    await page.context().close();
    await kerro.stop();
  });

  it('right after a thank-you the start screen ignores taps for a moment', async () => {
    const kerro = await startKerro(await makeTempDir());
    const context = await browser().newContext({ viewport: orientations[0] });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(kerro.url);
    await page.locator('[data-option="good"]').click();
    await page.getByRole('button', { name: 'Ohita' }).click();
    await page.getByRole('button', { name: 'Alkuun' }).click();
    await page.locator('[data-screen="start"]').waitFor();
    expect(await page.locator('[data-option="good"]').isDisabled()).toBe(true);
    await page.clock.runFor(1_500);
    await page.locator('[data-option="very-good"]').click();
    await page.locator('[data-screen="follow-up"]').waitFor();
    expect((await health(kerro)).answersStored).toBe(2);
    await context.close();
    await kerro.stop();
  });

  it('an answer survives the server being killed and started again', async () => {
    const dataDir = await makeTempDir();
    const first = await startKerro(dataDir);
    const page = await openKiosk(first);
    await page.locator('[data-option="okay"]').click();
    await page.locator('[data-screen="follow-up"]').waitFor();
    const { kioskId } = await health(first);
    await first.kill();
    await page.context().close();

    const second = await startKerro(dataDir);
    expect(await health(second)).toMatchObject({ kioskId, answersStored: 1 });
    const again = await openKiosk(second);
    await again.locator('[data-option="bad"]').click();
    await again.locator('[data-screen="follow-up"]').waitFor();
    const responses = (await storedLines(dataDir)).filter((line) => line.type === 'response').map((line) => line.response);
    expect(responses.map((response) => [response?.seq, response?.answer])).toEqual([
      [1, { optionIds: ['okay'] }],
      [2, { optionIds: ['bad'] }],
    ]);
    await again.context().close();
    await second.stop();
  });
});

describe('the kiosk returns to the start on its own', () => {
  it('from the follow-up after the idle time, with the language reset', async () => {
    const kerro = await startKerro(await makeTempDir());
    const context = await browser().newContext({ viewport: orientations[1] });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(kerro.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-option="good"]').click();
    await page.locator('[data-screen="follow-up"]').waitFor();
    await page.clock.runFor(29_000);
    expect(await page.locator('[data-screen="follow-up"]').count()).toBe(1);
    await page.clock.runFor(2_000);
    await page.locator('[data-screen="start"]').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    expect((await health(kerro)).answersStored).toBe(1);
    await context.close();
    await kerro.stop();
  });

  it('from the thank-you after a few seconds, and a language left chosen on the start screen', async () => {
    const kerro = await startKerro(await makeTempDir());
    const context = await browser().newContext({ viewport: orientations[0] });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(kerro.url);
    await page.locator('[data-option="good"]').click();
    await page.getByRole('button', { name: 'Ohita' }).click();
    await page.locator('[data-screen="thanks"]').waitFor();
    await page.clock.runFor(6_000);
    await page.locator('[data-screen="start"]').waitFor();

    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { name: 'Hur trivdes du här i dag?' }).waitFor();
    await page.clock.runFor(31_000);
    await page.getByRole('heading', { name: 'Miten viihdyit täällä tänään?' }).waitFor();
    await context.close();
    await kerro.stop();
  });
});

describe('when the answer cannot be saved', () => {
  it('the parent sees a calm message in their language, checked for accessibility', async () => {
    const kerro = await startKerro(await makeTempDir());
    const shots = await screenshotDir();
    for (const language of languages) {
      const page = await openKiosk(kerro);
      await page.getByRole('button', { name: language.button }).click();
      await page.route('**/api/responses.submit', (route) => route.abort('connectionrefused'));
      await page.locator('[data-option="good"]').click();
      await page.locator('[data-screen="save-failed"]').waitFor();
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/error|stack|undefined|exception/i);
      await page.screenshot({ path: join(shots, `${language.code}-save-failed-portrait.png`) });
      await expectAccessible(page, `save failed ${language.code}`);
      await expectBigTargets(page, `save failed ${language.code}`);
      await page.context().close();
    }
    expect((await health(kerro)).answersStored).toBe(0);
    await kerro.stop();
  });
});
