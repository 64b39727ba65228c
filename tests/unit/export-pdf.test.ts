import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportManifestSchema } from '../../src-shared/contract/batch-format';
import { exportRunOutputSchema } from '../../src-shared/contract/exports';
import { messages } from '../../src-shared/i18n/messages';
import { openExportedBatch } from '../../src-shared/qr/batch-intake';
import { printPdf, withFixedPdfDates, type PdfPrinter } from '../../src-main/core/documents/pdf-printer';
import { PrintFailure } from '../../src-main/core/documents/print-failure';
import { configuredTargets } from '../../src-main/core/stick/targets';
import { verifyExportFolders } from '../../src-main/core/stick/verify';
import type { Kiosk } from '../../src-main/core/kiosk';
import type { Logger } from '../../src-main/core/logger';
import { ExportResult } from '../../src-renderer/staff/usb/ExportResult';
import { openChromiumPrinter, type ChromiumPrinter } from '../support/chromium-printer';
import { pdfText, readPdf } from '../support/pdf-reader';
import { call, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { openSetUpKiosk, unlock } from '../support/staff';
import { recordingLogger } from '../support/retention-kit';
import { makeTempDir } from '../support/temp-dir';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sha256Hex = async (bytes: Uint8Array) => sha256(bytes);

interface Written {
  folder: string;
  batch: { number: number; count: number };
  files: { name: string; bytes: number; sha256: string }[];
  printFailure: unknown;
}

let printer: ChromiumPrinter;

beforeAll(async () => {
  printer = await openChromiumPrinter();
});

afterAll(async () => {
  await printer.close();
});

/** A set-up kiosk exporting to two sticks, with this printer given to openKiosk as the Electron shell gives its own. */
async function kioskWithPrinter(pdfPrinter: PdfPrinter, logger?: Logger): Promise<{ kiosk: Kiosk; token: string; sticks: string[] }> {
  const root = await makeTempDir();
  const sticks = ['KINGSTON', 'SANDISK'].map((name) => join(root, name));
  for (const stick of sticks) await mkdir(stick);
  const exportTargets = configuredTargets({ KERRO_EXPORT_DIRS: sticks.map((stick) => `folder=${stick}`).join(':') });
  const kiosk = await openSetUpKiosk(await makeTempDir(), { exportTargets, pdfPrinter, ...(logger === undefined ? {} : { logger }) });
  return { kiosk, token: await unlock(kiosk), sticks };
}

/** 7 × good, 3 × very good, 2 × bad in Finnish and 2 × okay in Swedish: 14 answers. */
async function answerFourteen(kiosk: Kiosk): Promise<void> {
  const answers: [string, string][] = [
    ...Array.from({ length: 7 }, (): [string, string] => ['good', 'fi']),
    ...Array.from({ length: 3 }, (): [string, string] => ['very-good', 'fi']),
    ['bad', 'fi'],
    ['bad', 'fi'],
    ['okay', 'sv'],
    ['okay', 'sv'],
  ];
  for (const [option, language] of answers) valueOf(await call(kiosk, 'responses.submit', standingAnswer(option, language)));
}

async function targetIds(kiosk: Kiosk, token: string): Promise<string[]> {
  const { targets } = valueOf(await call(kiosk, 'exports.targets', {}, token)) as { targets: { id: string; name: string }[] };
  return ['KINGSTON', 'SANDISK'].map((name) => targets.find((target) => target.name === name)?.id ?? '');
}

describe('PDFs in the export folder where the shell can print', () => {
  it('writes summary.pdf and report.pdf that read back with the batch’s numbers, hashed, verified, the same bytes on a re-export', async () => {
    const { kiosk, token, sticks } = await kioskWithPrinter(printer.print);
    await answerFourteen(kiosk);
    const [kingston = '', sandisk = ''] = await targetIds(kiosk, token);
    const run = valueOf(await call(kiosk, 'exports.run', { targetId: kingston }, token)) as { written: Written[] };
    const written = run.written[0];
    expect(written?.printFailure).toBeNull();
    const folder = join(sticks[0] ?? '', written?.folder ?? '');
    expect((await readdir(folder)).sort()).toEqual(['manifest.json', 'report.html', 'report.pdf', 'responses.csv', 'responses.json', 'summary.html', 'summary.pdf']);

    // The council report is one A4 page.
    expect(await readPdf(join(folder, 'report.pdf'))).toMatchObject({ pages: 1, paper: 'A4' });
    const report = await pdfText(join(folder, 'report.pdf'));
    expect(report).toContain('Asiakasraadin raportti');
    expect(report).toContain('Perheiden piha');
    expect(report).toMatch(/Vastauksia: 14 · Nopeassa sarjassa/);
    expect(report).toContain('Ei vertailua: tämä on ensimmäinen erä.');
    expect(report).toMatch(/1 \(vastaukset 1–14\)/);
    expect(report).toContain('7 (50 %)');
    expect(report).toContain('3 (21 %)');
    expect(report).toContain('2 (14 %)');
    // Two answers in Swedish are a small group: counted, never shown as such.
    expect(report).toMatch(/Svenska < 5/);
    expect(report).not.toMatch(/Svenska 2\b/);

    const summary = await pdfText(join(folder, 'summary.pdf'));
    expect(summary).toContain('Kerro: vastausten yhteenveto');
    expect(summary).toContain('14 vastausta');
    expect(summary).toContain('7 (50 %)');
    expect(summary).toContain('2 (14 %)');

    const manifest = exportManifestSchema.parse(JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')));
    for (const name of ['summary.pdf', 'report.pdf']) {
      const bytes = await readFile(join(folder, name));
      expect(manifest.files.find((file) => file.name === name)?.sha256, name).toBe(sha256(bytes));
      // Dated with the batch's sealing time, not the moment of printing.
      expect(bytes.toString('latin1')).toContain(`/CreationDate (${pdfDate(manifest.createdAt)})`);
    }
    expect((await verifyExportFolders([folder])).isOk).toBe(true);
    // The receiver page takes a folder whose manifest lists the new files.
    const received = await openExportedBatch(await readFile(join(folder, 'responses.json'), 'utf8'), await readFile(join(folder, 'manifest.json'), 'utf8'), sha256Hex);
    expect(received.header.count).toBe(14);

    // Printed again a second or more later, every file is the same, the PDFs too.
    await sleep(1100);
    valueOf(await call(kiosk, 'exports.reexport', { targetId: sandisk, batchNumber: 1 }, token));
    const again = join(sticks[1] ?? '', written?.folder ?? '');
    for (const name of await readdir(folder)) {
      expect((await readFile(join(again, name))).equals(await readFile(join(folder, name))), name).toBe(true);
    }
    expect(printer.printed).toBe(4);
    await kiosk.close();
  });

  it('exports the batch all the same when printing fails, and says why in the staff’s language, the raw reason in the log', async () => {
    const failing: PdfPrinter = async () => {
      throw new PrintFailure({ reason: 'stopped', detail: 'the print page stopped (crashed)' });
    };
    const logger = recordingLogger();
    const { kiosk, token, sticks } = await kioskWithPrinter(failing, logger);
    await answerFourteen(kiosk);
    const [kingston = ''] = await targetIds(kiosk, token);
    const run = exportRunOutputSchema.parse(valueOf(await call(kiosk, 'exports.run', { targetId: kingston }, token)));
    const [written] = run.written;
    if (written === undefined) throw new Error('no batch written');
    expect(written.printFailure).toEqual({ reason: 'stopped', detail: 'the print page stopped (crashed)' });
    expect(logger.events).toContainEqual({
      level: 'warn',
      event: 'export.printFailed',
      fields: { batch: 1, reason: 'stopped', detail: 'the print page stopped (crashed)' },
    });
    const shown = (language: 'fi' | 'sv') => renderToStaticMarkup(createElement(ExportResult, { written, texts: messages[language] }));
    expect(shown('fi')).toContain('PDF-tiedostoja ei saatu tehtyä: tulostus keskeytyi. Erä on silti viety ja tarkistettu');
    expect(shown('sv')).toContain('PDF-filerna kunde inte skapas: utskriften avbröts. Partiet är ändå exporterat och kontrollerat');
    expect(shown('fi')).not.toContain('crashed');
    const folder = join(sticks[0] ?? '', written.folder);
    expect((await readdir(folder)).sort()).toEqual(['manifest.json', 'report.html', 'responses.csv', 'responses.json', 'summary.html']);
    expect(written.files.map((file) => file.name)).not.toContain('report.pdf');
    expect((await verifyExportFolders([folder])).isOk).toBe(true);
    expect(valueOf(await call(kiosk, 'exports.batches', {}, token))).toMatchObject({ batches: [{ number: 1, exportCount: 1 }], unexported: 0 });
    await kiosk.close();
  });

  it('gives up on a printer that never answers, and refuses what is not a PDF', async () => {
    await expect(printPdf(() => new Promise(() => undefined), '<p>hei</p>', 50)).rejects.toThrow('no PDF after 0 s');
    await expect(printPdf(async () => new TextEncoder().encode('<html>not a pdf</html>'), '<p>hei</p>')).rejects.toThrow('not a PDF');
  });

  it('writes the given time into a printed PDF’s dates, keeping its length, so two prints are the same bytes', async () => {
    const html = '<!doctype html><html lang="fi"><body><h1>Hei</h1></body></html>';
    const first = await printer.print(html);
    await sleep(1100);
    const second = await printer.print(html);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
    const time = '2026-11-29T09:15:02.000+02:00';
    const fixedFirst = withFixedPdfDates(first, time);
    const fixedSecond = withFixedPdfDates(second, time);
    expect(fixedFirst.length).toBe(first.length);
    expect(Buffer.from(fixedFirst).equals(Buffer.from(fixedSecond))).toBe(true);
    expect(Buffer.from(fixedFirst).toString('latin1')).toContain("/ModDate (D:20261129091502+02'00')");
  });
});

/** A local ISO time as a PDF date, the way Chromium writes one: `D:20261129091502+02'00'`. */
function pdfDate(localIso: string): string {
  const digits = localIso.slice(0, 19).replace(/[-T:]/g, '');
  return `D:${digits}${localIso.slice(-6, -3)}'${localIso.slice(-2)}'`;
}
