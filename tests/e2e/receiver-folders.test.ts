import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBatch } from '../../scripts/fixtures/sample-batch';
import { launchChromium, screenshotDir } from '../support/browser-shell';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { importReport } from '../support/receiver-kit';
import { manifestOf, sha256, writeExportFolder } from '../../scripts/fixtures/receiver-folders';
import { serveFolder } from '../support/static-server';
import { makeTempDir } from '../support/temp-dir';

const receiverDir = join(import.meta.dirname, '..', '..', 'out', 'receiver');

const kiosks = ['K-AAAA-0001', 'K-BBBB-0002', 'K-CCCC-0003'].map((kioskId, index) => sampleBatch({ answers: 40 + index, seed: 70 + index, kioskId }));
const later = sampleBatch({ answers: 9, seed: 80, kioskId: 'K-AAAA-0001', number: 2, seqFrom: 41, previousHash: sha256(kiosks[0]?.canonical ?? '') });

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

async function openReceiver(locale: string): Promise<Page> {
  const site = await serveFolder(receiverDir);
  const context = await browser.newContext({ locale, viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.url}/index.html`);
  return page;
}

/** A stick as the kiosk leaves it: export folders at its root, and other things beside them. */
async function stickWithFolders(): Promise<string> {
  const stick = join(await makeTempDir('kerro-stick-'), 'KINGSTON');
  for (const batch of kiosks) await writeExportFolder(stick, batch);
  await mkdir(join(stick, 'System Volume Information'), { recursive: true });
  await writeFile(join(stick, 'System Volume Information', 'IndexerVolumeGuid'), 'x');
  return stick;
}

describe('the receiver takes folders as folders', () => {
  it('takes every kiosk when the files of three folders are picked together', async () => {
    const page = await openReceiver('en-GB');
    const stick = await stickWithFolders();
    const files = (await Promise.all(kiosks.map((batch) => writeExportFolder(stick, batch)))).flat();
    const lines = await importReport(page, () => page.getByTestId('folder-files').setInputFiles(files));
    expect(lines).toHaveLength(3);
    expect(await page.getByTestId('import-summary').textContent()).toBe('3 folders: 3 taken, 0 already there, 0 not taken.');
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('123 answers in all from 3 kiosks');
    await page.context().close();
  });

  it('takes the stick root from the folder picker, says what became of every folder, and adds nothing the second time', async () => {
    const page = await openReceiver('sv-SE');
    await page.getByRole('button', { name: 'Svenska' }).click();
    const stick = await stickWithFolders();
    await writeExportFolder(stick, later, later.canonical.replace('"very-good"', '"very-bad"'), manifestOf(later));
    const lonely = join(stick, 'Kerro_K-DDDD-0004_2026-11-30_batch1');
    await mkdir(lonely);
    await writeFile(join(lonely, 'manifest.json'), JSON.stringify(manifestOf(sampleBatch({ answers: 3, seed: 90, kioskId: 'K-DDDD-0004' }))));

    const lines = await importReport(page, () => page.getByTestId('folder-picker').setInputFiles(stick));
    expect(lines).toEqual([
      'KINGSTON/Kerro_K-AAAA-0001_2026-11-30_batch1: Parti 1 från enhet K-AAAA-0001 är sparat: 40 svar.',
      'KINGSTON/Kerro_K-AAAA-0001_2026-11-30_batch2: Partiet stämmer inte med sin kontrollsumma: det har ändrats på vägen. Partiet togs inte med.',
      'KINGSTON/Kerro_K-BBBB-0002_2026-11-30_batch1: Parti 1 från enhet K-BBBB-0002 är sparat: 41 svar.',
      'KINGSTON/Kerro_K-CCCC-0003_2026-11-30_batch1: Parti 1 från enhet K-CCCC-0003 är sparat: 42 svar.',
      'KINGSTON/Kerro_K-DDDD-0004_2026-11-30_batch1: Mappen har ingen responses.json. Inget togs från den.',
    ]);
    expect(await page.getByTestId('import-summary').textContent()).toBe('5 mappar: 3 togs med, 0 fanns redan, 2 togs inte med.');
    await expectAccessible(page, 'receiver after a folder import');
    await expectBigTargets(page, 'receiver after a folder import');
    await page.screenshot({ path: join(await screenshotDir(), 'receiver-folders.png'), fullPage: true });

    const again = await importReport(page, () => page.getByTestId('folder-picker').setInputFiles(stick));
    expect(again.filter((line) => line.includes('fanns redan'))).toHaveLength(3);
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('Sammanlagt 123 svar från 3 enheter');
    await page.context().close();
  });

  it('walks dropped folders, the stick root among them, reading every portion a directory reader hands out', async () => {
    const page = await openReceiver('fi-FI');
    const folders = [...kiosks, later].map((batch) => ({
      name: `Kerro_${batch.header.kioskId}_batch${batch.header.number}`,
      responses: batch.canonical,
      manifest: JSON.stringify(manifestOf(batch)),
    }));
    const report = await importReport(page, () =>
      page.evaluate((exported) => {
        type Node = { name: string; text: string } | { name: string; children: Node[] };
        const entryOf = (node: Node, parent: string): FileSystemEntry => {
          const fullPath = `${parent}/${node.name}`;
          if ('text' in node) {
            const file = new File([node.text], node.name);
            return Object.assign(Object.create(null), { name: node.name, fullPath, isFile: true, isDirectory: false, file: (done: (file: File) => void) => setTimeout(() => done(file)) });
          }
          const children = node.children.map((child) => entryOf(child, fullPath));
          return Object.assign(Object.create(null), {
            name: node.name,
            fullPath,
            isFile: false,
            isDirectory: true,
            // Two entries a call, as a real reader hands out a big folder in portions.
            createReader: () => {
              let position = 0;
              return { readEntries: (done: (entries: FileSystemEntry[]) => void) => setTimeout(() => done(children.slice(position, (position += 2)))) };
            },
          });
        };
        const folder = (batch: (typeof exported)[number]): Node => ({
          name: batch.name,
          children: [
            { name: 'responses.json', text: batch.responses },
            { name: 'manifest.json', text: batch.manifest },
            { name: 'summary.html', text: '<!doctype html>' },
          ],
        });
        const [first, ...rest] = exported;
        if (first === undefined) throw new Error('no folders');
        // One folder dropped on its own, and a stick root holding the others and some clutter.
        const dropped = [
          entryOf(folder(first), ''),
          entryOf({ name: 'KINGSTON', children: [...rest.map(folder), { name: 'Thumbs.db', text: '' }, { name: 'empty', children: [] }] }, ''),
        ];
        const transfer = { items: dropped.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })), files: [], types: ['Files'] };
        const event = new DragEvent('drop', { bubbles: true, cancelable: true });
        Object.defineProperty(event, 'dataTransfer', { value: transfer });
        document.querySelector('.folder-import')?.dispatchEvent(event);
      }, folders),
    );
    expect(report).toHaveLength(4);
    expect(await page.getByTestId('import-summary').textContent()).toBe('4 kansiota: 4 otettu mukaan, 0 oli jo tallessa, 0 jätetty pois.');
    expect(report.join('\n')).toContain('KINGSTON/Kerro_K-AAAA-0001_batch2: Erä 2 laitteelta K-AAAA-0001 on tallessa: 9 vastausta.');
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('Yhteensä 132 vastausta 3 laitteelta');
    await page.context().close();
  });

  it('says so in the page language when nothing brought in is a batch folder', async () => {
    const page = await openReceiver('fi-FI');
    const empty = await makeTempDir('kerro-stick-');
    await mkdir(join(empty, 'photos'));
    await writeFile(join(empty, 'photos', 'a.jpg'), 'x');
    await page.getByTestId('folder-picker').setInputFiles(empty);
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('Tuoduista ei löytynyt erien kansioita. Mitään ei otettu mukaan.');
    await page.context().close();
  });
});
