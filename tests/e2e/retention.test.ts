import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { configuredTargets } from '../../src-main/core/stick/targets';
import { openKiosk } from '../../src-main/core/kiosk';
import { silentLogger } from '../../src-main/core/logger';
import { provisionKerro, screenshotDir, startKerro, useBrowser } from '../support/browser-shell';
import { call, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { openStaffArea } from '../support/staff-screens';
import { makeTempDir } from '../support/temp-dir';

const browser = useBrowser();

const dayMs = 24 * 60 * 60 * 1000;

/**
 * A kiosk whose batch 1 (three answers) reached a stick 100 days ago and was purged when the kiosk
 * opened today: the answers go through the real core with its clock set back, then the core opens
 * again with the real clock, as the browser shell would.
 */
async function kioskWithPurgedBatch(): Promise<{ dataDir: string; stick: string }> {
  const dataDir = await makeTempDir();
  const stick = join(await makeTempDir(), 'STICK');
  await mkdir(stick);
  await provisionKerro(dataDir);
  const exportTargets = configuredTargets({ KERRO_EXPORT_DIRS: `folder=${stick}` });
  const then = Date.now() - 100 * dayMs;
  const past = await openKiosk({ dataDir, version: '0.0.0-test', logger: silentLogger, clock: () => new Date(then), exportTargets });
  for (const optionId of ['good', 'okay', 'very-good']) {
    valueOf(await call(past, 'responses.submit', standingAnswer(optionId)));
  }
  await past.exports.exportTo({ path: stick, name: 'STICK' });
  await past.close();
  const today = await openKiosk({ dataDir, version: '0.0.0-test', logger: silentLogger, exportTargets });
  await today.close();
  return { dataDir, stick };
}

async function openSettings(page: Page): Promise<void> {
  await page.locator('[data-action="settings"]').click();
  await page.locator('[data-screen="staff-settings"] [data-field="retention"]').waitFor();
}

describe('answers leave the kiosk under the retention rule', () => {
  it('staff see the last purge, choose another retention time and find it kept; the purged batch is not offered again', async () => {
    const { dataDir, stick } = await kioskWithPurgedBatch();
    const kerro = await startKerro(dataDir, { KERRO_EXPORT_DIRS: `folder=${stick}` });
    const page = await openStaffArea(browser(), kerro.url);
    await openSettings(page);

    const retention = page.locator('[data-field="retention"]');
    expect(await retention.locator('[data-choice="retention:90"]').getAttribute('aria-pressed')).toBe('true');
    const purgedOn = new Intl.DateTimeFormat('fi-FI', { day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date());
    expect(await retention.locator('[data-purge-history]').textContent()).toBe(`Viimeksi poistettu ${purgedOn}: 3 vastausta (erä 1).`);
    await retention.scrollIntoViewIfNeeded();
    await retention.screenshot({ path: join(await screenshotDir(), 'staff-settings-retention.png') });
    await expectAccessible(page, 'settings with retention');
    await expectBigTargets(page, 'settings with retention');

    await retention.locator('[data-choice="retention:180"]').click();
    await page.locator('[data-action="save-settings"]').click();
    await page.getByText('Asetukset tallennettu.').waitFor();
    const stored = JSON.parse(await readFile(join(dataDir, 'kiosk.json'), 'utf8')) as { data: { retentionDays: number } };
    expect(stored.data.retentionDays).toBe(180);

    // Kept across a restart of the kiosk, not only on this screen.
    await page.context().close();
    await kerro.stop();
    const again = await startKerro(dataDir, { KERRO_EXPORT_DIRS: `folder=${stick}` });
    const later = await openStaffArea(browser(), again.url);
    await openSettings(later);
    expect(await later.locator('[data-choice="retention:180"]').getAttribute('aria-pressed')).toBe('true');
    expect(await later.locator('[data-choice="retention:90"]').getAttribute('aria-pressed')).toBe('false');

    await later.locator('[data-action="back"]').click();
    await later.locator('[data-action="usb-export"]').click();
    const row = later.locator('.usb-batch[data-batch="1"]');
    await row.waitFor();
    expect(await row.locator('[data-purged]').textContent()).toBe(`Poistettu kioskilta ${purgedOn} säilytysajan päätyttyä. Ei voi viedä uudelleen.`);
    expect(await row.locator('[data-action="reexport"]').count()).toBe(0);
    await later.screenshot({ path: join(await screenshotDir(), 'staff-usb-purged-batch.png') });
    await expectAccessible(later, 'usb export with a purged batch');
    await later.context().close();
    await again.stop();
  });
});
