import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotDir, startKerro, useBrowser } from '../support/browser-shell';
import { submitStandingAnswer } from '../support/kerro-api';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { openStaffArea } from '../support/staff-screens';
import { makeTempDir } from '../support/temp-dir';

const browser = useBrowser();


describe('the staff area’s USB export screen', () => {
  it('shows the stick, exports the new answers as batch 1 with a progress bar, lists it for export again', async () => {
    const stick = await makeTempDir();
    const kerro = await startKerro(await makeTempDir(), { KERRO_EXPORT_DIRS: `folder=${stick}` });
    await submitStandingAnswer(kerro, 'good');
    await submitStandingAnswer(kerro, 'very-good');

    const page = await openStaffArea(browser(), kerro.url);
    await page.locator('[data-action="usb-export"]').click();
    await page.locator('[data-screen="usb-export"]').waitFor();

    // A folder configured as `folder=`: offered, and named a folder, not a stick.
    await expect.poll(() => page.locator('[data-fact="stick"]').textContent()).toMatch(/^Kansio löytyi: .+ \(.+ vapaana\)$/);
    expect(await page.locator('[data-fact="target-kind"]').textContent()).toBe(`Tavallinen kansio ${stick}, ei muistitikku: vienti jää sinne, missä kansio on.`);
    await page.screenshot({ path: join(await screenshotDir(), 'staff-usb-export-folder.png') });
    expect(await page.locator('[data-fact="unexported"]').textContent()).toBe('Kioskilla viemättä: 2 vastausta');
    await expectAccessible(page, 'usb export before');
    await expectBigTargets(page, 'usb export before');

    // Two answers export faster than a poll of the progress; the bar must still have been on screen.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { progressSeen: seen });
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        if (bar !== null) seen.push(bar.getAttribute('aria-valuenow') ?? 'none');
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.locator('[data-action="export"]').click();
    const done = page.locator('[data-fact="export-done"]');
    await done.waitFor({ timeout: 20_000 });
    expect(await done.textContent()).toMatch(/^Erä 1 viety kansioon Kerro_.+_batch1: 2 vastausta\.$/);
    // The browser shell cannot print: the council report is there as HTML, and no PDF is promised.
    expect(await page.locator('[data-fact="export-report"]').textContent()).toBe('Raadin raportti on kansiossa: report.html.');
    const listed = (await page.locator('[data-fact="export-files"]').textContent()) ?? '';
    expect(listed).toMatch(/^Kansion tiedostot: /);
    expect(await page.locator('[data-fact="export-print-failed"]').count()).toBe(0);
    await page.locator('.usb-batch[data-batch="1"]').waitFor();
    expect(await page.locator('[data-fact="unexported"]').textContent()).toBe('Kioskilla viemättä: 0 vastausta');

    const progressSeen = await page.evaluate(() => ('progressSeen' in window ? window.progressSeen : []));
    expect(Array.isArray(progressSeen) && progressSeen.length > 0).toBe(true);

    const folders = (await readdir(stick)).filter((name) => /^Kerro_.+_batch1$/.test(name));
    expect(folders).toHaveLength(1);
    expect(existsSync(join(stick, folders[0] ?? '', 'manifest.json'))).toBe(true);
    const onDisk = (await readdir(join(stick, folders[0] ?? ''))).sort();
    expect(onDisk).toContain('report.html');
    expect(listed.replace(/^Kansion tiedostot: /, '').split(', ').sort()).toEqual(onDisk);

    await page.screenshot({ path: join(await screenshotDir(), 'staff-usb-export.png') });
    await expectAccessible(page, 'usb export after');
    await expectBigTargets(page, 'usb export after');

    // Nothing new: the run says so in plain words and writes nothing.
    await page.locator('[data-action="export"]').click();
    await page.locator('[data-fact="export-problem"]').waitFor();
    expect(await page.locator('[data-fact="export-problem"]').textContent()).toBe('Uusia vastauksia ei ole edellisen viennin jälkeen.');
  });

  it('copies the polls to the stick as kerro-polls.json, asks before replacing it, and previews and imports a pack', async () => {
    const stick = await makeTempDir();
    const kerro = await startKerro(await makeTempDir(), { KERRO_EXPORT_DIRS: `folder=${stick}` });
    const page = await openStaffArea(browser(), kerro.url);
    await page.locator('[data-action="usb-export"]').click();
    await page.locator('[data-fact="stick"]').waitFor();

    await page.locator('[data-action="pack-export"]').click();
    await page.locator('[data-fact="pack-done"]').waitFor();
    expect(await page.locator('[data-fact="pack-done"]').textContent()).toMatch(/^Kyselyt kopioitu tikulle: \d+ kyselyä \(kerro-polls\.json\)\.$/);
    expect(existsSync(join(stick, 'kerro-polls.json'))).toBe(true);

    await page.locator('[data-action="pack-export"]').click();
    await page.locator('[data-fact="pack-problem"]').waitFor();
    await page.locator('[data-action="pack-replace"]').click();
    await page.locator('[data-fact="pack-done"]').waitFor();

    await page.locator('[data-action="pack-preview"]').click();
    await page.locator('[data-fact="pack-preview"]').waitFor();
    expect(await page.locator('[data-pack-action="same"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(await screenshotDir(), 'staff-usb-packs.png') });
    await expectAccessible(page, 'usb poll packs');
    await expectBigTargets(page, 'usb poll packs');
    await page.locator('[data-action="pack-import"]').click();
    await page.locator('[data-fact="pack-done"]').waitFor();
    expect(await page.locator('[data-fact="pack-done"]').textContent()).toMatch(/^Lisätty 0 kyselyä; \d+ oli jo täällä; 0 ohitettiin\.$/);
  });
});
