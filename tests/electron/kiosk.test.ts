import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src-shared/contract/methods';
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
});
