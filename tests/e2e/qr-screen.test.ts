import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QrFramesView } from '../../src-shared/contract/qr';
import { openTransferredBatch, parseCanonicalBatch } from '../../src-shared/qr/batch-intake';
import { encodeCompactBatch } from '../../src-shared/qr/compact-batch';
import { fountainFrames } from '../../src-shared/qr/fountain-frames';
import { FrameReceiver } from '../../src-shared/qr/frame-receiver';
import { summaryText } from '../../src-shared/qr/summary-text';
import { transferDefaults } from '../../src-shared/qr/transfer-defaults';
import { launchChromium, screenshotDir } from '../support/browser-shell';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { prepareReader, sha256Hex } from '../support/qr-kit';
import { sampleBatch } from '../support/sample-batch';
import { serveFolder } from '../support/static-server';
import { makeTempDir } from '../support/temp-dir';
import { readBarcodes } from 'zxing-wasm/reader';

const batch = sampleBatch({ answers: 1000, seed: 51 });
let browser: Browser;
let harnessDir: string;
let view: QrFramesView;

beforeAll(async () => {
  await prepareReader();
  const hash = createHash('sha256').update(batch.canonical).digest('hex');
  const payload = encodeCompactBatch(batch.canonical, hash);
  const { frames, fragmentCount } = fountainFrames(payload, transferDefaults.fragmentSize);
  view = {
    batchNumber: 1,
    kioskId: batch.header.kioskId,
    count: batch.header.count,
    sha256: hash,
    frames,
    fragmentCount,
    payloadBytes: payload.length,
    framesPerSecond: transferDefaults.framesPerSecond,
    errorCorrection: transferDefaults.errorCorrection,
    summary: summaryText(parseCanonicalBatch(batch.canonical), hash, 'fi'),
  };
  harnessDir = await makeTempDir('kerro-qr-screen-');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(import.meta.dirname, '..', 'support', 'qr-screen-harness'),
    base: './',
    plugins: [react()],
    build: { outDir: harnessDir, emptyOutDir: true, target: 'chrome120' },
  });
  await writeFile(join(harnessDir, 'view.json'), JSON.stringify(view));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

describe('the kiosk’s QR screen', () => {
  it('shows the batch as an animated code a receiver rebuilds from what it catches, pauses, and shows the summary', async () => {
    const site = await serveFolder(harnessDir);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/index.html`);
    await expect.poll(() => page.getByTestId('qr-progress').textContent(), { timeout: 20_000 }).toBe('Noin 3 s, kun kamera näkee koodin koko ajan.');
    const canvas = page.getByTestId('qr-canvas');

    // A camera that catches whatever frame is on screen when it looks.
    const receiver = new FrameReceiver();
    const seen = new Set<string>();
    let payload: Uint8Array | null = null;
    for (let look = 0; look < 400 && payload === null; look += 1) {
      const [text] = (await readBarcodes(new Uint8Array(await canvas.screenshot()), { formats: ['QRCode'] })).map((result) => result.text);
      if (text === undefined) continue;
      expect(view.frames).toContain(text);
      seen.add(text);
      const outcome = receiver.receive(text);
      if (outcome.kind === 'complete') payload = outcome.payload;
    }
    expect(payload).not.toBeNull();
    expect((await openTransferredBatch(payload ?? new Uint8Array(), sha256Hex)).canonical).toBe(batch.canonical);
    expect(seen.size).toBeLessThan(view.fragmentCount + 6);
    await page.screenshot({ path: join(await screenshotDir(), 'qr-export-animated.png') });

    await page.getByRole('button', { name: 'Pysäytä' }).click();
    const still = await canvas.screenshot();
    expect(await canvas.screenshot()).toEqual(still);
    await expectAccessible(page, 'QR screen, paused');
    await expectBigTargets(page, 'QR screen, paused');

    await page.getByRole('button', { name: 'Näytä yhteenveto' }).click();
    const summaryCanvas = page.getByTestId('summary-canvas');
    await expect.poll(async () => (await readBarcodes(new Uint8Array(await summaryCanvas.screenshot()), { formats: ['QRCode'] }))[0]?.text).toBe(view.summary);
    expect(view.summary).toMatch(/^Kerro – Perheiden piha, Kemi\nErä 1 · 2\.11\.2026–\d+\.11\.2026 · 1000 vastausta\n\nMiten viihdyit täällä tänään\? \(\d+\)\n/);
    await page.screenshot({ path: join(await screenshotDir(), 'qr-export-summary.png') });
    await context.close();
  });
});
