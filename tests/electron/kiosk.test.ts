import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src-shared/contract/methods';
import { verifyExportFolders } from '../../src-main/core/stick/verify';
import { e2eStaffPin, provisionKerro } from '../support/browser-shell';
import { pdfText, readPdf } from '../support/pdf-reader';
import { findElectronBinary } from '../support/electron-binary';
import { makeTempDir } from '../support/temp-dir';

const binary = findElectronBinary();
const mainScript = join(import.meta.dirname, '..', '..', 'out', 'electron', 'main.cjs');

describe(`the Electron shell${binary.reason === null ? '' : ` (skipped: ${binary.reason})`}`, () => {
  it.skipIf(binary.path === null)('exposes exactly the contract on window.kerro and records a tap', async () => {
    const dataDir = await makeTempDir();
    const app = await electron.launch({
      executablePath: binary.path ?? '',
      args: [mainScript],
      env: { ...process.env, KERRO_DATA_DIR: dataDir },
    });
    const page = await app.firstWindow();
    await page.locator('[data-screen="start"]').waitFor();
    expect(await page.evaluate(() => Object.keys(window.kerro ?? {}).sort())).toEqual([...methodNames].sort());
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await page.locator('[data-option="good"]').click();
    await page.locator('[data-screen="follow-up"]').waitFor();
    const health = await page.evaluate(() => window.kerro?.['kiosk.health']({}));
    expect(health).toMatchObject({ ok: true, value: { answersStored: 1 } });
    await app.close();
  });

  it.skipIf(binary.path === null)('refuses to navigate away or open windows', async () => {
    const app = await electron.launch({
      executablePath: binary.path ?? '',
      args: [mainScript],
      env: { ...process.env, KERRO_DATA_DIR: await makeTempDir() },
    });
    const page = await app.firstWindow();
    await page.locator('[data-screen="start"]').waitFor();
    await page.evaluate(() => {
      window.open('https://example.com/');
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toBe('kerro://app/index.html');
    await app.close();
  });

  it.skipIf(binary.path === null)('exports a batch with summary.pdf and report.pdf printed by printToPDF, and closes the print windows', async () => {
    const dataDir = await makeTempDir();
    const stick = await makeTempDir();
    await provisionKerro(dataDir);
    const app = await electron.launch({
      executablePath: binary.path ?? '',
      args: [mainScript],
      env: { ...process.env, KERRO_DATA_DIR: dataDir, KERRO_EXPORT_DIRS: `folder=${stick}` },
    });
    const page = await app.firstWindow();
    await page.locator('[data-screen="start"]').waitFor();
    const run = await page.evaluate(async (pin) => {
      const kerro = window.kerro;
      if (kerro === undefined) throw new Error('no window.kerro');
      for (const optionId of ['good', 'good', 'very-good']) {
        await kerro['responses.submit']({ pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: [optionId] }, language: 'fi' });
      }
      const session = await kerro['staff.unlock']({ pin });
      if (!session.ok) throw new Error(session.error.message);
      const targets = await kerro['exports.targets']({}, session.value.token);
      if (!targets.ok) throw new Error(targets.error.message);
      return kerro['exports.run']({ targetId: targets.value.targets[0]?.id ?? '' }, session.value.token);
    }, e2eStaffPin);
    expect(run).toMatchObject({ ok: true, value: { written: [{ printFailure: null }] } });
    const [folder = ''] = await readdir(stick);
    const path = join(stick, folder);
    expect((await readdir(path)).sort()).toEqual(expect.arrayContaining(['report.html', 'report.pdf', 'summary.html', 'summary.pdf']));
    expect(await readPdf(join(path, 'report.pdf'))).toMatchObject({ pages: 1, paper: 'A4' });
    expect(await pdfText(join(path, 'report.pdf'))).toMatch(/Asiakasraadin raportti.*Vastauksia: 3/);
    expect(await pdfText(join(path, 'summary.pdf'))).toContain('3 vastausta');
    expect((await verifyExportFolders([path])).isOk).toBe(true);
    expect(app.windows()).toHaveLength(1);
    await app.close();
  });
});
