import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotDir, startKerro, useBrowser } from '../support/browser-shell';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { openStaffArea } from '../support/staff-screens';
import { makeTempDir } from '../support/temp-dir';

const browser = useBrowser();

describe('opening hours in the staff settings', () => {
  it('are set with toggles and steppers, saved, and read back by the kiosk', async () => {
    const kerro = await startKerro(await makeTempDir());
    const page = await openStaffArea(browser(), kerro.url);
    await page.locator('[data-action="settings"]').click();
    const hours = page.locator('[data-field="opening-hours"]');
    await hours.waitFor();
    expect(await hours.locator('[data-value="opens-at"]').innerText()).toContain('08:00');

    await hours.locator('[data-choice="weekday:6"]').click();
    await hours.locator('[data-choice="weekday:1"]').click();
    await hours.getByRole('button', { name: 'Avautuu: Enemmän' }).click();
    await hours.getByRole('button', { name: 'Sulkeutuu: Vähemmän' }).click();
    await hours.getByRole('button', { name: 'Sulkeutuu: Vähemmän' }).click();
    expect(await hours.locator('[data-value="opens-at"]').innerText()).toContain('08:30');
    expect(await hours.locator('[data-value="closes-at"]').innerText()).toContain('15:00');
    await hours.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(await screenshotDir(), 'staff-settings-opening-hours.png') });
    await expectAccessible(page, 'settings with opening hours');
    await expectBigTargets(page, 'settings with opening hours');
    await page.locator('[data-action="save-settings"]').click();

    await expect
      .poll(async () => {
        const response = await fetch(`${kerro.url}/api/kiosk.info`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-kerro-client': '1' },
          body: '{}',
        });
        return ((await response.json()) as { value: { openingHours: unknown } }).value.openingHours;
      })
      .toEqual({ days: [2, 3, 4, 5, 6], opensAt: 8 * 60 + 30, closesAt: 15 * 60 });
    await page.context().close();
  });
});
