import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBatch, type SampleBatch } from '../../scripts/fixtures/sample-batch';
import { pollKey } from '../../src-shared/contract/batch-format';
import { CsvFormatter } from '../../src-shared/export/csv';
import { parseCanonicalBatch } from '../../src-shared/qr/batch-intake';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { launchChromium, screenshotDir } from '../support/browser-shell';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { importReport } from '../support/receiver-kit';
import { writeExportFolder } from '../../scripts/fixtures/receiver-folders';
import { serveFolder } from '../support/static-server';
import { makeTempDir } from '../support/temp-dir';

const receiverDir = join(import.meta.dirname, '..', '..', 'out', 'receiver');

const kemi = sampleBatch({ answers: 400, seed: 11, kioskId: 'K-KEMI-0001' });
const tornioOriginal = sampleBatch({ answers: 300, seed: 12, kioskId: 'K-TORN-0002', site: 'Perhekeskus, Tornio' });
// Tornio asked its own coffee question: another poll (another id) with the same words.
const tornio: SampleBatch = { ...tornioOriginal, canonical: tornioOriginal.canonical.replaceAll('"coffee-corner"', '"coffee-corner-tornio"') };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

/** Records, on the page's main thread, which IndexedDB stores are read and how. */
const recordReads = () => {
  const reads: string[] = [];
  Reflect.set(window, 'kerroReads', reads);
  for (const method of ['get', 'getAll', 'openCursor', 'getAllKeys'] as const) {
    const original = IDBObjectStore.prototype[method];
    Object.defineProperty(IDBObjectStore.prototype, method, {
      value(this: IDBObjectStore, ...args: unknown[]) {
        reads.push(`${this.name}.${method}`);
        return Reflect.apply(original, this, args);
      },
    });
  }
};

async function openReceiver(): Promise<{ page: Page; stick: string }> {
  const site = await serveFolder(receiverDir);
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 420, height: 900 }, acceptDownloads: true });
  await context.addInitScript(recordReads);
  // As on a four-core laptop, whatever runs the test: the CSV is then written in two runs (one a kiosk) by two workers.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 4 }));
  const page = await context.newPage();
  await page.goto(`${site.url}/index.html`);
  const stick = await makeTempDir('kerro-stick-');
  await writeExportFolder(stick, kemi);
  await writeExportFolder(stick, tornio);
  await importReport(page, () => page.getByTestId('folder-picker').setInputFiles(stick));
  return { page, stick };
}

const heading = (page: Page, index: number) => page.getByTestId('result-poll').nth(index).getByRole('heading', { level: 3 }).textContent();

async function downloadCsv(page: Page, language: string): Promise<string> {
  await page.getByTestId('csv-language').selectOption(language);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tallenna CSV (Excel)' }).click()]);
  return readFile(await download.path(), 'utf8');
}

/** The CSV the kiosk's formatter writes for these batches, read back from their bytes. */
function csvOf(batches: readonly SampleBatch[], language: LanguageCode): string {
  const read = batches.map((batch) => parseCanonicalBatch(batch.canonical));
  const formatter = new CsvFormatter('finnish-excel', language, new Map(read.flatMap((batch) => batch.polls).map((poll) => [pollKey(poll.id, poll.version), poll])));
  return formatter.header() + read.flatMap((batch) => batch.answers.map((answer) => formatter.row(answer, batch.header.number, batch.header.kioskId))).join('');
}

/** Changes a kept batch's text in the browser's storage, as whoever holds the machine could. */
async function editKeptBatch(page: Page, kioskId: string, edit: (canonical: string) => string): Promise<void> {
  const canonical = await page.evaluate(readKept, kioskId);
  await page.evaluate(writeKept, { kioskId, canonical: edit(canonical) });
}

const readKept = (kioskId: string) =>
  new Promise<string>((resolve, reject) => {
    const opening = indexedDB.open('kerro-receiver');
    opening.onerror = () => reject(new Error('no store'));
    opening.onsuccess = () => {
      const request = opening.result.transaction('batches').objectStore('batches').get([kioskId, 1]);
      request.onsuccess = () => {
        opening.result.close();
        resolve(String(Reflect.get(request.result ?? {}, 'canonical')));
      };
    };
  });

const writeKept = ({ kioskId, canonical }: { kioskId: string; canonical: string }) =>
  new Promise<void>((resolve, reject) => {
    const opening = indexedDB.open('kerro-receiver');
    opening.onerror = () => reject(new Error('no store'));
    opening.onsuccess = () => {
      const store = opening.result.transaction('batches', 'readwrite').objectStore('batches');
      const request = store.get([kioskId, 1]);
      request.onsuccess = () => {
        store.put({ ...request.result, canonical });
        store.transaction.oncomplete = () => {
          opening.result.close();
          resolve();
        };
      };
    };
  });

/** Spoils a kept batch's summary in the browser's storage: its polls no longer a list. */
const spoilKeptSummary = (kioskId: string) =>
  new Promise<void>((resolve, reject) => {
    const opening = indexedDB.open('kerro-receiver');
    opening.onerror = () => reject(new Error('no store'));
    opening.onsuccess = () => {
      const store = opening.result.transaction('summaries', 'readwrite').objectStore('summaries');
      const request = store.get([kioskId, 1]);
      request.onsuccess = () => {
        store.put({ ...request.result, polls: null });
        store.transaction.oncomplete = () => {
          opening.result.close();
          resolve();
        };
      };
    };
  });

describe('the receiver merges polls, leaves bursts out on request and saves CSV in a chosen language', () => {
  it('shows the same poll from two kiosks as one chart and tells apart two polls asking the same question', async () => {
    const { page } = await openReceiver();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('Yhteensä 700 vastausta 2 laitteelta');
    const standing = [kemi, tornio].flatMap((batch) => batch.answers).filter((answer) => answer.pollId === 'council-feedback').length;
    expect(await heading(page, 0)).toBe(`Miten viihdyit täällä tänään? (${standing})`);
    const coffee = (await page.getByTestId('result-poll').getByRole('heading', { level: 3 }).allTextContents()).filter((text) => text.startsWith('Mitä pidät kahvinurkasta?'));
    expect(coffee).toHaveLength(2);
    expect(coffee[0]).toContain('laitteet K-KEMI-0001');
    expect(coffee[1]).toContain('laitteet K-TORN-0002');
    await page.context().close();
  });

  it('leaves burst-flagged answers out when asked, and shows them otherwise', async () => {
    const { page } = await openReceiver();
    const answers = [kemi, tornio].flatMap((batch) => batch.answers).filter((answer) => answer.pollId === 'council-feedback');
    const bursts = answers.filter((answer) => answer.flags.includes('burst')).length;
    expect(bursts).toBeGreaterThan(0);
    expect(await page.getByTestId('result-poll').first().getByTestId('result-burst').textContent()).toBe(`Nopeina sarjoina tulleita: ${bursts}`);
    await page.getByTestId('without-burst').check();
    expect(await heading(page, 0)).toBe(`Miten viihdyit täällä tänään? (${answers.length - bursts})`);
    await expectAccessible(page, 'receiver without bursts');
    await expectBigTargets(page, 'receiver without bursts');
    await page.screenshot({ path: join(await screenshotDir(), 'receiver-merge.png'), fullPage: true });
    await page.getByTestId('without-burst').uncheck();
    expect(await heading(page, 0)).toBe(`Miten viihdyit täällä tänään? (${answers.length})`);
    await page.context().close();
  });

  it('saves the CSV in the language chosen for it, whatever the page shows', async () => {
    const { page } = await openReceiver();
    const english = await downloadCsv(page, 'en');
    expect(english.startsWith('\uFEFF')).toBe(true);
    expect(english.split('\r\n').filter((line) => line !== '')).toHaveLength(701);
    expect(english).toContain('How did you like it here today?');
    expect(english).not.toContain('Miten viihdyit täällä tänään?');
    const swedish = await downloadCsv(page, 'sv');
    expect(swedish).toContain('Hur trivdes du här i dag?');
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    // Byte for byte what the kiosk's own formatter writes for the two batches, in kiosk order, though two workers wrote it.
    expect(swedish).toBe(csvOf([kemi, tornio], 'sv'));

    // The merged JSON: every answer once, in kiosk order, with its kiosk and batch.
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tallenna JSON' }).click()]);
    const merged: unknown = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
    const expected = [kemi, tornio].flatMap((batch) => parseCanonicalBatch(batch.canonical).answers.map((answer) => ({ ...answer, kioskId: batch.header.kioskId, batch: batch.header.number })));
    expect(merged).toMatchObject({ format: 'kerro-merged', answers: expected });

    // A kept batch edited in storage is left out of the file, whether it is still JSON or not.
    await editKeptBatch(page, 'K-KEMI-0001', (canonical) => canonical.replace('"very-good"', '"very-bad"'));
    expect(await downloadCsv(page, 'sv')).toBe(csvOf([tornio], 'sv'));
    await editKeptBatch(page, 'K-KEMI-0001', (canonical) => canonical.replace('{"answer"', '{answer'));
    expect(await downloadCsv(page, 'sv')).toBe(csvOf([tornio], 'sv'));

    // A file that cannot be made says so in the page's language, and the buttons work again.
    await page.evaluate(spoilKeptSummary, 'K-TORN-0002');
    await page.getByRole('button', { name: 'Tallenna CSV (Excel)' }).click();
    await expect.poll(() => page.getByTestId('save-failed').textContent()).toBe('Tiedostoa ei saatu tehtyä. Yritä uudelleen; säilytetyt vastaukset ovat tallessa.');
    expect(await page.getByRole('button', { name: 'Tallenna CSV (Excel)' }).isEnabled()).toBe(true);
    await page.context().close();
  });

  it('opens again from the kept summaries without reading a batch, and adds nothing when the same folders come again', async () => {
    const { page, stick } = await openReceiver();
    await page.reload();
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('Yhteensä 700 vastausta 2 laitteelta');
    const reads = await page.evaluate(() => Reflect.get(window, 'kerroReads'));
    expect(reads).toContain('summaries.getAll');
    expect(reads).not.toContain('batches.get');
    expect(reads).not.toContain('batches.getAll');
    expect(reads).not.toContain('batches.openCursor');
    const again = await importReport(page, () => page.getByTestId('folder-picker').setInputFiles(stick));
    expect(again).toHaveLength(2);
    expect(again.every((line) => line.includes('oli jo tallessa'))).toBe(true);
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('Yhteensä 700 vastausta 2 laitteelta');
    await page.context().close();
  });
});
