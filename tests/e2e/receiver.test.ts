import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportManifest } from '../../src-shared/contract/batch-format';
import { encodeCompactBatch } from '../../src-shared/qr/compact-batch';
import { fountainFrames } from '../../src-shared/qr/fountain-frames';
import { qrMatrix, rasterize } from '../../src-shared/qr/qr-image';
import { transferDefaults } from '../../src-shared/qr/transfer-defaults';
import { launchChromium, screenshotDir } from '../support/browser-shell';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { sampleBatch, type SampleBatch } from '../../scripts/fixtures/sample-batch';
import { serveFolder } from '../support/static-server';
import { importReport } from '../support/receiver-kit';
import { manifestOf, sha256, writeExportFolder } from '../../scripts/fixtures/receiver-folders';
import { makeTempDir } from '../support/temp-dir';
import { writeY4m } from '../support/y4m';

const receiverDir = join(import.meta.dirname, '..', '..', 'out', 'receiver');
const videoSize = 480;

async function exportFolder(batch: SampleBatch, responses = batch.canonical, manifest: ExportManifest | null = manifestOf(batch)): Promise<string[]> {
  return writeExportFolder(await makeTempDir('kerro-usb-'), batch, responses, manifest);
}

/** Picks one folder's files; the report lists that one folder and what became of it. */
async function importFolder(page: Page, files: string[]): Promise<string> {
  const lines = await importReport(page, () => page.getByTestId('folder-files').setInputFiles(files));
  expect(lines).toHaveLength(1);
  return (await page.getByTestId('folder-outcome').textContent()) ?? '';
}

/** Counts per option of the standing question, as the receiver should chart them. */
function expectedCounts(batch: SampleBatch): string[] {
  const counts = new Map<string, number>();
  const standing = batch.answers.filter((answer) => answer.pollId === 'council-feedback');
  for (const answer of standing) if ('optionIds' in answer.answer) for (const id of answer.answer.optionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return ['very-bad', 'bad', 'okay', 'good', 'very-good'].map((id) => String(counts.get(id) ?? 0));
}

const kioskA = sampleBatch({ answers: 1000, seed: 41, kioskId: 'K-AAAA-0001' });
const kioskA2 = sampleBatch({ answers: 50, seed: 42, kioskId: 'K-AAAA-0001', number: 2, seqFrom: 1001, previousHash: sha256(kioskA.canonical) });
const stray = sampleBatch({ answers: 300, seed: 43, kioskId: 'K-CCCC-0003', number: 9 });

let browser: Browser;
let videoPath: string;

beforeAll(async () => {
  const frames = fountainFrames(encodeCompactBatch(kioskA.canonical, sha256(kioskA.canonical)), transferDefaults.fragmentSize).frames;
  const strayFrames = fountainFrames(encodeCompactBatch(stray.canonical, sha256(stray.canonical)), transferDefaults.fragmentSize).frames;
  // The kiosk's own frames, with a code that is not ours and two parts of another batch among them.
  const shown = [...frames.slice(0, 3), 'https://perheidenpiha.example/', ...frames.slice(3, 7), ...strayFrames.slice(0, 2), ...frames.slice(7)];
  videoPath = join(await makeTempDir('kerro-video-'), 'kiosk.y4m');
  await writeY4m(videoPath, shown.map((text) => rasterize(qrMatrix(text, transferDefaults.errorCorrection), 3)), videoSize, transferDefaults.framesPerSecond);
  browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${videoPath}`]);
});

afterAll(async () => {
  await browser.close();
});

describe('the QR receiver page', () => {
  it('reads a batch from the camera, merges USB folders once each, shows gaps, breaks and refusals', async () => {
    const site = await serveFolder(receiverDir);
    const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 420, height: 900 } });
    await context.grantPermissions(['camera'], { origin: site.url });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) outside.push(request.url());
    });
    await page.goto(`${site.url}/index.html`);
    await page.getByRole('button', { name: 'Lue QR-koodeja' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 20_000 }).toBe('Erä 1 laitteelta K-AAAA-0001 on tallessa: 1000 vastausta.');
    await page.getByRole('button', { name: 'Lopeta lukeminen' }).click();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('Yhteensä 1000 vastausta 1 laitteelta');
    const firstPoll = page.getByTestId('result-poll').first();
    const standing = kioskA.answers.filter((answer) => answer.pollId === 'council-feedback').length;
    expect(await firstPoll.getByRole('heading', { level: 3 }).textContent()).toBe(`Miten viihdyit täällä tänään? (${standing})`);
    const values = await firstPoll.locator('.bars').first().getByTestId('bar-value').allTextContents();
    expect(values.map((value) => value.split(' ')[0])).toEqual(expectedCounts(kioskA));

    // The same batch again, now from its USB folder: kept once.
    expect(await importFolder(page, await exportFolder(kioskA))).toBe('Erä 1 laitteelta K-AAAA-0001 oli jo tallessa. Sitä ei laskettu kahdesti.');
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('Yhteensä 1000 vastausta 1 laitteelta');

    expect(await importFolder(page, await exportFolder(kioskA2))).toBe('Erä 2 laitteelta K-AAAA-0001 on tallessa: 50 vastausta.');
    await expect.poll(() => page.getByTestId('ledger-kiosk').first().textContent()).toContain('Erät 1–2 ovat ehjä ketju.');

    // Bad input: nothing of it is merged.
    const tampered = kioskA2.canonical.replace('"very-good"', '"very-bad"');
    expect(await importFolder(page, await exportFolder(kioskA2, tampered, manifestOf(kioskA2)))).toBe(
      'Erä ei vastaa tarkistettaan: se on muuttunut matkalla. Erää ei otettu mukaan.',
    );
    const newer = kioskA2.canonical.replace('"schemaVersion":1', '"schemaVersion":2');
    expect(await importFolder(page, await exportFolder(kioskA2, newer, null))).toBe(
      'Erä on tehty uudemmalla Kerrolla. Päivitä vastaanottosivu. Erää ei otettu mukaan.',
    );
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('Yhteensä 1050 vastausta 1 laitteelta');

    // Batch 4 without 3: a gap. Another kiosk whose batch 2 does not follow its batch 1: a break.
    const kioskA4 = sampleBatch({ answers: 5, seed: 44, kioskId: 'K-AAAA-0001', number: 4, seqFrom: 2001, previousHash: 'e'.repeat(64) });
    await importFolder(page, await exportFolder(kioskA4));
    const kioskB1 = sampleBatch({ answers: 7, seed: 45, kioskId: 'K-BBBB-0002', site: 'Perhekeskus, Tornio' });
    const kioskB2 = sampleBatch({ answers: 3, seed: 46, kioskId: 'K-BBBB-0002', site: 'Perhekeskus, Tornio', number: 2, seqFrom: 8, previousHash: 'f'.repeat(64) });
    await importFolder(page, await exportFolder(kioskB1));
    await importFolder(page, await exportFolder(kioskB2));
    const ledgers = page.getByTestId('ledger-kiosk');
    expect(await ledgers.nth(0).textContent()).toContain('Puuttuu: erä 3');
    expect(await ledgers.nth(1).textContent()).toContain('Ketju katkeaa erän 2 kohdalla');
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('Yhteensä 1065 vastausta 2 laitteelta');

    // Kept across a reload, from IndexedDB.
    await page.reload();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('Yhteensä 1065 vastausta 2 laitteelta');
    await expectAccessible(page, 'receiver with results');
    await expectBigTargets(page, 'receiver with results');
    await page.screenshot({ path: join(await screenshotDir(), 'receiver-results.png'), fullPage: true });
    expect(outside).toEqual([]);
    expect(site.requests.every((path) => ['/index.html', '/receiver.js', '/receiver.css'].includes(path))).toBe(true);
    await context.close();
  });

  it('runs when opened from an export folder (file://) and takes folders dropped on it', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(join(receiverDir, 'index.html')).href);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kerro – receiver');
    expect(await importFolder(page, await exportFolder(kioskA2))).toBe('Batch 2 from kiosk K-AAAA-0001 is saved: 50 answers.');
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('50 answers in all from 1 kiosks');

    // Files dragged from a file manager onto the import area.
    const dropped = await page.evaluateHandle(
      ({ responses, manifest }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([responses], 'responses.json', { type: 'application/json' }));
        transfer.items.add(new File([manifest], 'manifest.json', { type: 'application/json' }));
        return transfer;
      },
      { responses: kioskA.canonical, manifest: JSON.stringify(manifestOf(kioskA)) },
    );
    await page.locator('.folder-import').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => page.getByTestId('folder-outcome').textContent()).toBe('Batch 1 from kiosk K-AAAA-0001 is saved: 1000 answers.');
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('1050 answers in all from 1 kiosks');
    expect(errors).toEqual([]);
    await context.close();
  });
});
