import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildCouncilReport } from '../../src-main/core/documents/council-report';
import { renderCouncilReportHtml } from '../../src-main/core/documents/report-html';
import { shiftDay } from '../../src-shared/i18n/days';
import { screenshotDir, startKerro, useBrowser, type RunningKerro } from '../support/browser-shell';
import { councilPeriod, councilPolls, councilResponses } from '../../scripts/fixtures/council-data';
import { callApi, unlockOverHttp } from '../support/kerro-api';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { openStaffArea, typeOnScreen, unlockStaffArea } from '../support/staff-screens';
import { readPdf } from '../support/pdf-reader';
import { makeTempDir } from '../support/temp-dir';
const browser = useBrowser();

async function pdfText(page: Page): Promise<{ text: string; pages: number }> {
  const { text, pages } = await readPdf(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  return { text, pages };
}

const outcomeTexts = {
  chairs: { fi: 'Kahvinurkassa on nyt lisää tuoleja.', sv: 'Det finns nu fler stolar i kaffehörnan.' },
  hours: { fi: 'Torstaisin ovet ovat auki klo 18 asti.' },
  ended: { fi: 'Tämä tulos on jo päättynyt.' },
  coming: { fi: 'Tämä tulos näkyy vasta huomenna.' },
};

async function addOutcomes(kerro: RunningKerro): Promise<void> {
  const token = await unlockOverHttp(kerro);
  const list = await callApi(kerro, 'outcomes.list', {}, token);
  const today = typeof list === 'object' && list !== null && 'today' in list && typeof list.today === 'string' ? list.today : '';
  const save = (text: Record<string, string>, from: number, to: number) =>
    callApi(kerro, 'outcomes.save', { id: null, draft: { text, startsOn: shiftDay(today, from), endsOn: shiftDay(today, to) } }, token);
  await save(outcomeTexts.hours, -3, 0);
  await save(outcomeTexts.chairs, 0, 5);
  await save(outcomeTexts.ended, -10, -1);
  await save(outcomeTexts.coming, 1, 9);
}

async function band(page: Page): Promise<{ text: string; note: string }> {
  const text = (await page.locator('.outcome-band-text').textContent()) ?? '';
  const note = (await page.locator('.outcome-band-note').count()) === 0 ? '' : ((await page.locator('.outcome-band-note').textContent()) ?? '');
  return { text, note };
}

describe('"you said, we did" on the start screen', () => {
  it('shows today’s outcomes in turn every 8 s in the parent’s language, Finnish with a note where there is no translation; never ended or coming ones', async () => {
    const kerro = await startKerro(await makeTempDir());
    await addOutcomes(kerro);
    const context = await browser().newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(kerro.url);
    await page.locator('[data-testid="outcome-band"]').waitFor();
    expect(await band(page)).toEqual({ text: outcomeTexts.hours.fi, note: '' });
    await page.clock.runFor(8000);
    await page.getByText(outcomeTexts.chairs.fi).waitFor();
    const seen = new Set<string>();
    for (let turn = 0; turn < 4; turn += 1) {
      seen.add((await band(page)).text);
      await page.clock.runFor(8000);
    }
    expect([...seen].sort()).toEqual([outcomeTexts.chairs.fi, outcomeTexts.hours.fi].sort());

    await page.locator('.language-button[lang="sv"]').click();
    await page.locator('.outcome-band-heading').getByText('Ni sa, vi gjorde').waitFor();
    const swedish = new Map<string, string>();
    for (let turn = 0; turn < 2; turn += 1) {
      const shown = await band(page);
      swedish.set(shown.text, shown.note);
      await page.clock.runFor(8000);
    }
    expect(Object.fromEntries(swedish)).toEqual({ [outcomeTexts.chairs.sv]: '', [outcomeTexts.hours.fi]: 'Det här finns bara på finska.' });
    // The band is text only: answering is never behind it.
    expect(await page.locator('[data-testid="outcome-band"] button').count()).toBe(0);
    await page.screenshot({ path: join(await screenshotDir(), 'start-outcome-band-sv.png') });
    await expectAccessible(page, 'start screen with outcomes');
    await context.close();

    // With reduced motion the outcome does not change on a timer.
    const still = await browser().newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true, reducedMotion: 'reduce' });
    const stillPage = await still.newPage();
    await stillPage.clock.install();
    await stillPage.goto(kerro.url);
    await stillPage.locator('[data-testid="outcome-band"]').waitFor();
    const first = await band(stillPage);
    await stillPage.clock.runFor(24_000);
    expect(await band(stillPage)).toEqual(first);
    await stillPage.screenshot({ path: join(await screenshotDir(), 'start-outcome-band-landscape.png') });
    await still.close();
    await kerro.stop();
  });
});

describe('the council report', () => {
  it('prints the known data set to one A4 page with the right numbers, small groups as "< 5" and personal data masked', async () => {
    const report = buildCouncilReport({
      period: councilPeriod,
      responses: councilResponses(),
      polls: councilPolls,
      language: 'fi',
      siteName: 'Perheiden piha',
      kioskId: 'kiosk-test',
      generatedAt: '2026-11-16T12:00:00.000+02:00',
    });
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.setContent(renderCouncilReportHtml(report));
    const { text, pages } = await pdfText(page);
    expect(pages).toBe(1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Asiakasraadin raportti');
    expect(flat).toContain('2.11.2026 – 15.11.2026');
    expect(flat).toContain('Vastauksia: 40');
    expect(flat).toContain('Kun nopeat sarjat jätetään pois: 38');
    expect(flat).toContain('12 (40 %) · +15 %-yks.');
    expect(flat).toContain('2 (7 %) · +7 %-yks.');
    expect(flat).toContain('7 (70 %)');
    expect(flat).toContain('Svenska < 5');
    expect(flat).toContain('Suomi 34');
    expect(flat).toContain('soita [puhelinnumero]');
    expect(flat).not.toContain('040 123 4567');
    // Weekday × hour: Monday 10 o'clock has 19, Thursday 13 has 3 and shows only as "< 5".
    expect(flat).toMatch(/ma 19 /);
    expect(flat).toMatch(/to <\s?5/);
    expect(flat).toMatch(/Kahvi <\s?5 Istumapaikat 7/);
    await context.close();
  });

  it('is built, shown and printable in the staff area; outcomes are added there with the screen keyboard', async () => {
    const kerro = await startKerro(await makeTempDir());
    for (let index = 0; index < 9; index += 1) {
      const isEnglish = index < 2;
      await callApi(kerro, 'responses.submit', { pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: [isEnglish ? 'bad' : 'good'] }, language: isEnglish ? 'en' : 'fi' });
    }
    const page = await openStaffArea(browser(), kerro.url);

    await page.locator('[data-action="outcomes"]').click();
    await page.locator('[data-screen="staff-outcomes"]').waitFor();
    await page.getByText('Ei vielä tuloksia.').waitFor();
    await page.locator('[data-action="new-outcome"]').click();
    await page.locator('[data-screen="staff-outcome-editor"]').waitFor();
    await page.locator('[data-action="save-outcome"]').click();
    await page.getByText('Suomenkielinen teksti puuttuu.').waitFor();
    await page.locator('textarea[name="outcome-fi"]').click();
    await typeOnScreen(page, 'Lisää tuoleja');
    await page.screenshot({ path: join(await screenshotDir(), 'staff-outcome-editor.png') });
    await expectAccessible(page, 'outcome editor');
    // The save button sits in the footer that stays above the keyboard, and the save says in words where it shows.
    expect(await page.locator('footer.staff-footer [data-action="save-outcome"]').count()).toBe(1);
    await page.locator('[data-action="save-outcome"]').click();
    await page.locator('.outcome-card').getByText('Lisää tuoleja').waitFor();
    await page.getByText('Tulos tallennettu – näkyy nyt aloitusnäytöllä.').waitFor();
    await page.screenshot({ path: join(await screenshotDir(), 'staff-outcome-saved.png') });
    expect(await page.locator('.outcome-card').textContent()).toContain('Näkyy nyt');
    // The start screen keeps today's outcomes for the session, and asks again once the staff area is left.
    await page.locator('[data-action="back"]').click();
    await page.locator('[data-action="lock"]').click();
    await page.locator('.outcome-band-text').getByText('Lisää tuoleja').waitFor();
    await unlockStaffArea(page);
    await page.locator('[data-action="outcomes"]').click();
    await page.locator('[data-screen="staff-outcomes"]').waitFor();

    // Leaving with a change asks first; staying keeps the change, throwing it away leaves the outcome as it was.
    await page.locator('[data-action="edit-outcome"]').click();
    await page.locator('[data-action="cancel"]').click();
    await page.locator('[data-screen="staff-outcomes"]').waitFor();
    await page.locator('[data-action="edit-outcome"]').click();
    await page.locator('textarea[name="outcome-fi"]').click();
    await typeOnScreen(page, ' keittiöön');
    await page.locator('.hg-button[data-skbtn="{done}"]').click();
    await page.locator('[data-action="cancel"]').click();
    await page.getByText('Muutoksia ei ole tallennettu. Heitetäänkö ne pois?').waitFor();
    await page.screenshot({ path: join(await screenshotDir(), 'staff-outcome-leave-question.png') });
    await page.locator('[data-action="stay"]').click();
    expect(await page.locator('textarea[name="outcome-fi"]').inputValue()).toBe('Lisää tuoleja keittiöön');
    await page.locator('[data-action="cancel"]').click();
    await page.locator('[data-action="discard"]').click();
    await page.locator('[data-screen="staff-outcomes"]').waitFor();
    expect(await page.locator('.outcome-card-text').textContent()).toBe('Lisää tuoleja');
    await page.locator('[data-action="new-outcome"]').click();
    for (let step = 0; step < 2; step += 1) await page.getByRole('button', { name: 'Näkyy alkaen: Enemmän' }).click();
    await page.locator('textarea[name="outcome-fi"]').click();
    await typeOnScreen(page, 'Uusi leikkinurkka');
    await page.locator('[data-action="save-outcome"]').click();
    await page.getByText(/Tulos tallennettu – näkyy aloitusnäytöllä \d+\.\d+\.\d{4} – \d+\.\d+\.\d{4}\.$/).waitFor();
    await page.locator('.outcome-card').filter({ hasText: 'Uusi leikkinurkka' }).locator('[data-action="remove-outcome"]').click();
    await page.locator('[data-action="confirm-remove-outcome"]').click();
    await page.locator('.outcome-card').filter({ hasText: 'Uusi leikkinurkka' }).waitFor({ state: 'detached' });
    await page.screenshot({ path: join(await screenshotDir(), 'staff-outcomes.png') });
    await expectAccessible(page, 'outcome list');
    await expectBigTargets(page, 'outcome list');
    // Removing asks for a second tap on the same card.
    await page.locator('[data-action="remove-outcome"]').click();
    expect(await page.locator('.outcome-card').count()).toBe(1);
    await page.locator('[data-action="confirm-remove-outcome"]').click();
    await page.getByText('Ei vielä tuloksia.').waitFor();
    await page.locator('[data-action="back"]').click();

    await page.locator('[data-action="council-report"]').click();
    await page.locator('[data-testid="council-report"]').waitFor();
    expect(await page.locator('[data-testid="totals"]').textContent()).toMatch(/^Vastauksia: 9 · /);
    // 2 in English is a small group; Finnish 7 is then hidden too, or 9 − 7 would give the 2 away.
    expect(await page.locator('[data-testid="languages"] dd').allTextContents()).toEqual(['≥ 5', '< 5']);
    const cells = await page.locator('[data-testid="heat-map"] td[data-count]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-count')));
    for (const cell of cells) expect(cell === 'hidden' || cell === '0' || Number(cell) >= 5).toBe(true);
    await page.screenshot({ path: join(await screenshotDir(), 'staff-council-report.png'), fullPage: true });
    await expectAccessible(page, 'council report');
    await expectBigTargets(page, 'council report');

    // In print every piece of text shown is at least 9 pt (12 CSS px), measured as the browser computes
    // it, laid out as wide as A4 inside its 11 mm margins (188 mm = 711 px).
    const screenViewport = page.viewportSize();
    await page.setViewportSize({ width: 711, height: 1040 });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const sizes: { text: string; px: number }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const element = node.parentElement;
        const text = (node.textContent ?? '').trim();
        if (element === null || text === '' || element.getClientRects().length === 0) continue;
        sizes.push({ text: text.slice(0, 40), px: Number.parseFloat(getComputedStyle(element).fontSize) });
      }
      // A heat-map cell's text on more than one line ("<" above "5") reads as something else.
      const wrapped = [...document.querySelectorAll('[data-testid="heat-map"] td')].filter((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
      });
      return { sizes, wrappedCells: wrapped.map((cell) => cell.textContent) };
    });
    await page.emulateMedia({ media: null });
    if (screenViewport !== null) await page.setViewportSize(screenViewport);
    expect(printed.wrappedCells, 'heat-map cells on one line in print').toEqual([]);
    expect(printed.sizes.length, 'the printed report has text').toBeGreaterThan(20);
    expect(printed.sizes.filter((size) => size.px < 12), 'printed text under 9 pt').toEqual([]);
    const headerText = printed.sizes.find((size) => size.text.startsWith('Vastauksia'));
    expect(headerText?.px, 'the totals line is measured').toBeGreaterThanOrEqual(12);

    const pdf = await pdfText(page);
    expect(pdf.pages).toBe(1);
    const flat = pdf.text.replace(/\s+/g, ' ');
    expect(flat).toContain('Asiakasraadin raportti');
    expect(flat).toContain('Vastauksia: 9');
    expect(flat).not.toContain('Raportti raadille');
    await page.context().close();
    await kerro.stop();
  });
});
