import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Finger } from '../../scripts/fixtures/finger';
import { e2eStaffPin, screenshotDir, startKerro, useBrowser, type RunningKerro } from '../support/browser-shell';
import { submitStandingAnswer } from '../support/kerro-api';
import { enterPin, openStaffArea } from '../support/staff-screens';
import { makeTempDir } from '../support/temp-dir';

const browser = useBrowser();
let kerro: RunningKerro;

beforeAll(async () => {
  kerro = await startKerro(await makeTempDir());
});

describe('the staff area in detail', () => {
  it('the touch that closes the keyboard presses nothing that lies under "Valmis" once the keyboard is gone', async () => {
    const page = await openStaffArea(browser(), kerro.url, { width: 1920, height: 1080 });
    const finger = new Finger(page);
    await finger.tapButton('+ Uusi kysely');
    await finger.tap(page.getByLabel('Kysymys suomeksi (pakollinen)'));
    const done = page.getByRole('button', { name: 'Valmis', exact: true });
    const box = await done.boundingBox();
    if (box === null) throw new Error('The keyboard has no "Valmis"');
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    // Every click that reaches the page is noted: one eaten by the keyboard never gets this far.
    await page.evaluate(() => {
      const pressed: string[] = [];
      Object.assign(window, { pressedAfterDone: pressed });
      document.addEventListener('click', (event) => {
        if (event.target instanceof Element) pressed.push(event.target.closest('button')?.textContent ?? event.target.tagName);
      });
    });
    await page.touchscreen.tap(point.x, point.y);
    await page.getByRole('group', { name: 'Näppäimistö' }).waitFor({ state: 'detached' });

    // The geometry the test stands on: with the keyboard gone, a button lies where "Valmis" was (in
    // this layout the footer's "Tallenna ja käynnistä").
    const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? null, point);
    expect(under, 'a button lies under the spot where "Valmis" was').not.toBeNull();
    await page.screenshot({ path: join(await screenshotDir(), 'staff-keyboard-closed-over-save.png') });
    // Whatever the browser still sends for that touch has had its time to arrive by the next round trip.
    await page.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(() => window.setTimeout(resolve, 100))));
    expect(await page.evaluate(() => Reflect.get(window, 'pressedAfterDone')), 'clicks that reached the page').toEqual([]);
    expect(await page.getByText('Korjaa punaisella merkityt kohdat', { exact: false }).count(), 'no save was tried').toBe(0);
    expect(await page.locator('[data-screen="staff-editor"]').count()).toBe(1);

    // The next touch on the same spot is an ordinary press again: the button was never dead.
    await page.touchscreen.tap(point.x, point.y);
    await expect.poll(() => page.evaluate(() => Reflect.get(window, 'pressedAfterDone'))).toEqual([under]);
    await page.context().close();
  });

  it('draws result bars against all answers, as the report does: one answer of two fills half the track', async () => {
    await submitStandingAnswer(kerro, 'good');
    await submitStandingAnswer(kerro, 'bad');
    const page = await openStaffArea(browser(), kerro.url);
    await page.locator('[data-poll="council-feedback"] [data-action="results"]').click();
    await page.locator('.bar-chart').waitFor();
    const bars = await page.locator('.bar-chart [data-bar]').evaluateAll((groups) =>
      groups.map((group) => {
        const [track, fill] = [...group.querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('width')));
        return { id: group.getAttribute('data-bar'), ratio: (fill ?? 0) / (track ?? 1) };
      }),
    );
    const answered = bars.filter((bar) => bar.id === 'good' || bar.id === 'bad');
    expect(answered).toHaveLength(2);
    for (const bar of answered) expect(bar.ratio, `bar ${bar.id ?? ''}`).toBeCloseTo(0.5, 2);
    expect(bars.filter((bar) => bar.id !== 'good' && bar.id !== 'bad').every((bar) => bar.ratio === 0)).toBe(true);
    await page.context().close();
  });

  it('keeps unsaved settings through a restart of the kiosk: after the PIN they come back, still unsaved', async () => {
    const dataDir = await makeTempDir();
    // A short session spaces keep-alives 2 s apart, so the changed form reaches the kiosk quickly.
    const environment = { KERRO_STAFF_IDLE_SECONDS: '20' };
    const before = await startKerro(dataDir, environment);
    const page = await openStaffArea(browser(), before.url);
    const finger = new Finger(page);
    await finger.tapButton('Asetukset');
    const thanks = page.locator('[data-value="thanks"]');
    const savedThanks = await thanks.textContent();
    const kept = page.waitForResponse((response) => response.url().endsWith('/api/staff.keepAlive') && (response.request().postData() ?? '').includes('thanksSeconds'));
    await finger.tapButton('Kiitos-näytön kesto: Enemmän');
    await finger.tapButton('Kiitos-näytön kesto: Enemmän');
    const changedThanks = await thanks.textContent();
    expect(changedThanks).not.toBe(savedThanks);
    await kept;

    // The kiosk restarts as after a power cut; its sessions are gone, the kept changes are not.
    await before.kill();
    const after = await startKerro(dataDir, { ...environment, KERRO_PORT: new URL(before.url).port });
    await finger.tap(page.getByRole('heading', { name: 'Asetukset' }));
    await page.getByText('Tallentamattomat asetusten muutokset ovat tallessa', { exact: false }).waitFor();
    await enterPin(page, e2eStaffPin);
    await page.getByText('Tallentamattomat asetusten muutokset palautettiin', { exact: false }).waitFor();
    expect(await thanks.textContent()).toBe(changedThanks);
    await page.screenshot({ path: join(await screenshotDir(), 'staff-settings-restored.png') });
    // Still unsaved: leaving asks, saving saves.
    await finger.tapButton('Takaisin');
    await page.getByText('Muutoksia ei ole tallennettu. Heitetäänkö ne pois?').waitFor();
    await finger.tapButton('Jatka muokkausta');
    await finger.tapButton('Tallenna asetukset');
    await page.getByText('Asetukset tallennettu.').waitFor();
    await finger.tapButton('Takaisin');
    await page.locator('[data-screen="staff-home"]').waitFor();
    await finger.tapButton('Asetukset');
    await expect.poll(() => thanks.textContent()).toBe(changedThanks);
    await page.context().close();
    await after.stop();
  });

  it('keeps an unsaved outcome through a restart of the kiosk: after the PIN the editor comes back with it, still unsaved', async () => {
    const dataDir = await makeTempDir();
    const environment = { KERRO_STAFF_IDLE_SECONDS: '20' };
    const before = await startKerro(dataDir, environment);
    const page = await openStaffArea(browser(), before.url);
    const finger = new Finger(page);
    await finger.tap(page.locator('[data-action="outcomes"]'));
    await finger.tap(page.locator('[data-action="new-outcome"]'));
    const endsOn = page.locator('[data-value="ends-on"]');
    const firstEndsOn = await endsOn.textContent();
    const kept = page.waitForResponse((response) => response.url().endsWith('/api/staff.keepAlive') && (response.request().postData() ?? '').includes('outcome'));
    await finger.tapButton('Näkyy viimeisen kerran: Enemmän');
    await finger.tapButton('Näkyy viimeisen kerran: Enemmän');
    const changedEndsOn = await endsOn.textContent();
    expect(changedEndsOn).not.toBe(firstEndsOn);
    await kept;

    await before.kill();
    const after = await startKerro(dataDir, { ...environment, KERRO_PORT: new URL(before.url).port });
    await finger.tap(page.locator('[data-screen="staff-outcome-editor"] h1'));
    await page.getByText('Tallentamattomat tuloksen muutokset ovat tallessa', { exact: false }).waitFor();
    await enterPin(page, e2eStaffPin);
    await page.getByText('Tallentamattomat tuloksen muutokset palautettiin', { exact: false }).waitFor();
    expect(await endsOn.textContent()).toBe(changedEndsOn);
    // Still unsaved: nothing is in the list, and leaving asks.
    await finger.tapButton('Peruuta');
    await page.getByText('Muutoksia ei ole tallennettu. Heitetäänkö ne pois?').waitFor();
    await finger.tapButton('Heitä pois');
    await page.locator('[data-screen="staff-outcomes"]').waitFor();
    expect(await page.locator('.outcome-card').count()).toBe(0);
    await page.context().close();
    await after.stop();
  });
});
