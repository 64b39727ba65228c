import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { readBarcodes } from 'zxing-wasm/reader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTransferredBatch } from '../../src-shared/qr/batch-intake';
import { FrameReceiver, parsePart } from '../../src-shared/qr/frame-receiver';
import { launchChromium, screenshotDir, startKerro } from '../support/browser-shell';
import { submitStandingAnswer } from '../support/kerro-api';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { prepareReader, sha256Hex } from '../support/qr-kit';
import { openStaffArea } from '../support/staff-screens';
import { makeTempDir } from '../support/temp-dir';

const options = ['very-bad', 'bad', 'okay', 'good', 'very-good'];
let browser: Browser;

beforeAll(async () => {
  await prepareReader();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});


/** The texts zxing finds in a screenshot, as a phone's camera pointed at the kiosk would. */
async function readScreen(picture: Buffer): Promise<string[]> {
  return (await readBarcodes(new Uint8Array(picture), { formats: ['QRCode'] })).map((result) => result.text);
}

describe('the kiosk’s QR screen', () => {
  it('seals the new answers and shows them as an animated code a phone rebuilds from what it catches; pauses; shows the summary', async () => {
    const kerro = await startKerro(await makeTempDir());
    for (let index = 0; index < 400; index += 1) await submitStandingAnswer(kerro, options[(index * 7) % 5] ?? 'good');
    const page = await openStaffArea(browser, kerro.url);
    await page.locator('[data-action="qr-transfer"]').click();
    await page.locator('[data-screen="qr-export"]').waitFor();
    await expect.poll(() => page.getByTestId('qr-progress').textContent(), { timeout: 20_000 }).toMatch(/^Noin \d+ s, kun kamera näkee koodin koko ajan\.$/);
    expect(await page.locator('.qr-batch').textContent()).toBe('Erä 1: 400 vastausta');

    // A camera that catches whatever frame is on screen when it looks.
    const canvas = page.getByTestId('qr-canvas');
    const receiver = new FrameReceiver();
    const seen = new Set<string>();
    let payload: Uint8Array | null = null;
    for (let look = 0; look < 300 && payload === null; look += 1) {
      for (const text of await readScreen(await canvas.screenshot())) {
        seen.add(text);
        const outcome = receiver.receive(text);
        if (outcome.kind === 'complete') payload = outcome.payload;
      }
    }
    expect(payload).not.toBeNull();
    const batch = await openTransferredBatch(payload ?? new Uint8Array(), sha256Hex);
    expect(batch.canonical).toBe(await readFile(join(kerro.dataDir, 'batches', '000001.json'), 'utf8'));
    expect(batch.answers).toHaveLength(400);
    await page.screenshot({ path: join(await screenshotDir(), 'qr-export-animated.png') });

    // The larger code: the same batch (its message's checksum), cut into about twice the parts.
    const standardPart = parsePart([...seen][0] ?? '');
    if (typeof standardPart === 'string') throw new Error(standardPart);
    const larger = page.getByRole('button', { name: 'Suurempi koodi' });
    await larger.click();
    await expect.poll(() => larger.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('qr-progress').textContent(), { timeout: 20_000 }).toMatch(/^Noin \d+ s/);
    const largeChecksums = new Set<number>();
    await expect.poll(async () => {
      const part = parsePart((await readScreen(await canvas.screenshot()))[0] ?? '');
      if (typeof part === 'string') return 0;
      largeChecksums.add(part.checksum);
      return part.seqLength;
    }, { timeout: 20_000 }).toBeGreaterThanOrEqual(standardPart.seqLength * 2 - 1);
    expect([...largeChecksums]).toEqual([standardPart.checksum]);
    expect(await page.locator('.qr-batch').textContent()).toBe('Erä 1: 400 vastausta');
    await page.screenshot({ path: join(await screenshotDir(), 'qr-export-larger.png') });
    await larger.click();
    await expect.poll(() => larger.getAttribute('aria-pressed')).toBe('false');
    // The standard frames are back and all drawn ahead before the pause is tried.
    await expect.poll(() => larger.isEnabled(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('qr-progress').textContent(), { timeout: 20_000 }).toMatch(/^Noin \d+ s/);

    await page.getByRole('button', { name: 'Pysäytä' }).click();
    const still = await canvas.screenshot();
    expect(await canvas.screenshot()).toEqual(still);
    await expectAccessible(page, 'QR screen, paused');
    await expectBigTargets(page, 'QR screen, paused');

    await page.getByRole('button', { name: 'Näytä yhteenveto' }).click();
    const summary = page.getByTestId('summary-canvas');
    await expect.poll(async () => (await readScreen(await summary.screenshot()))[0] ?? '').toMatch(
      /^Kerro – Perheiden piha\nErä 1 · \d+\.\d+\.\d{4} · 400 vastausta\n\nMiten viihdyit täällä tänään\? \(400\)\nTosi huonosti 80 · Huonosti 80 · Ihan ok 80 · Hyvin 80 · Tosi hyvin 80\n\nLaite K-\w{4}-\w{4}, tarkiste [0-9a-f]{12}$/,
    );
    await page.screenshot({ path: join(await screenshotDir(), 'qr-export-summary.png') });
    await page.getByRole('button', { name: 'Sulje' }).click();
    await page.locator('[data-screen="staff-home"]').waitFor();
    await page.context().close();
  });
});
