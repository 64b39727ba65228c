import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src-shared/i18n/messages';
import { screenshotDir, useBrowser } from '../support/browser-shell';
import { fillDisk, freeDisk, startKerroOnSmallDisk, type KerroOnSmallDisk } from '../support/small-disk';
import { expectAccessible } from '../support/page-checks';
import { makeTempDir } from '../support/temp-dir';

const diskBytes = 1024 * 1024;

interface Health {
  answersStored: number;
  storage: { lastWriteError: { code: string } | null; recoveries: unknown[] };
}

const browser = useBrowser();

async function health(kerro: KerroOnSmallDisk): Promise<Health> {
  const body = (await (await fetch(`${kerro.url}/api/health`)).json()) as { value: Health };
  return body.value;
}

/** Records an answer over the API, as another kiosk screen would; says whether it was stored. */
async function submitDirectly(kerro: KerroOnSmallDisk): Promise<boolean> {
  const response = await fetch(`${kerro.url}/api/responses.submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kerro-client': '1' },
    body: JSON.stringify({ pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: ['okay'] }, language: 'fi' }),
  });
  const body = (await response.json()) as { ok: boolean; error?: { code: string } };
  if (!body.ok && body.error?.code !== 'storage_failed') throw new Error(`Unexpected refusal: ${body.error?.code}`);
  return body.ok;
}

async function openSwedishKiosk(kerro: KerroOnSmallDisk): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(kerro.url);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.getByRole('heading', { name: 'Hur trivdes du här i dag?' }).waitFor();
  return page;
}

/** Each answer file's lines, without the spaces the open segment keeps ahead of them (see Journal). */
async function answerFiles(kerro: KerroOnSmallDisk): Promise<Map<string, string>> {
  const directory = kerro.pathInData('answers');
  const files = new Map<string, string>();
  for (const name of (await readdir(directory)).sort()) files.set(name, (await readFile(join(directory, name), 'utf8')).replace(/ +$/, ''));
  return files;
}

async function storedSeqs(kerro: KerroOnSmallDisk): Promise<number[]> {
  const text = [...(await answerFiles(kerro)).values()].join('');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { response: { seq: number } }).response.seq);
}

describe('a full disk, for real', () => {
  it('shows the parent the calm screen in their language, keeps what was stored, and recovers when space returns', async () => {
    const kerro = await startKerroOnSmallDisk(await makeTempDir(), diskBytes);
    const first = await openSwedishKiosk(kerro);
    await first.locator('[data-option="good"]').click();
    await first.locator('[data-screen="follow-up"]').waitFor();
    await first.context().close();

    const filler = kerro.pathInData('filler');
    await fillDisk(filler, diskBytes);
    // The journal writes ahead of its lines, so the open segment still has room for a few hundred; they are stored like any other.
    let storedOnFullDisk = 0;
    while (await submitDirectly(kerro)) {
      storedOnFullDisk += 1;
      expect(storedOnFullDisk).toBeLessThan(diskBytes / 100);
    }
    const before = await answerFiles(kerro);
    const storedBefore = 1 + storedOnFullDisk;

    const page = await openSwedishKiosk(kerro);
    await page.locator('[data-option="good"]').click();
    await page.locator('[data-screen="save-failed"]').waitFor();
    const texts = messages.sv;
    await page.getByRole('heading', { name: texts['saveFailed.title'] }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/error|ENOSPC|stack|undefined|exception/i);
    await page.screenshot({ path: join(await screenshotDir(), 'sv-save-failed-disk-full-portrait.png') });
    await expectAccessible(page, 'save failed on a full disk');

    const refused = await health(kerro);
    expect(refused.answersStored).toBe(storedBefore);
    expect(refused.storage.lastWriteError?.code).toBe('ENOSPC');
    expect(kerro.output()).toMatch(/"event":"store\.writeFailed".*"code":"ENOSPC"/);
    expect(await answerFiles(kerro)).toEqual(before);

    await freeDisk(filler);
    await page.getByRole('button', { name: texts['saveFailed.back'] }).click();
    await page.locator('[data-screen="start"]').waitFor();
    await page.locator('[data-option="good"]').click();
    await page.locator('[data-screen="follow-up"]').waitFor();

    const recovered = await health(kerro);
    expect(recovered.answersStored).toBe(storedBefore + 1);
    expect(recovered.storage.lastWriteError).toBeNull();
    expect(await storedSeqs(kerro)).toEqual(Array.from({ length: storedBefore + 1 }, (_, index) => index + 1));
    await page.context().close();
    await kerro.stop();
  });
});
