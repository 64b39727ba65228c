import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shiftDay } from '../../src-shared/i18n/days';
import { expectFitsScreen, expectNoOverlap } from '../support/page-checks';
import { openTouchKiosk, provisionKerro, screenshotDir, startKerro, useBrowser, type RunningKerro } from '../support/browser-shell';
import { callApi, unlockOverHttp } from '../support/kerro-api';
import { importReport } from '../support/receiver-kit';
import { unlockStaffArea } from '../support/staff-screens';
import { serveFolder } from '../support/static-server';
import { makeTempDir } from '../support/temp-dir';
import { boxOfText, userTextOutsideIsolation } from '../support/text-direction';

// Hebrew is no kiosk language: every Hebrew letter on a page is a person's words.
const site = 'חצר המשפחות';
const question = 'איך היה ב-Kerro היום';
const options = ['טוב מאוד', 'לא טוב'];
const textQuestion = 'מה לשפר? 3 דברים';
const outcome = 'הוספנו כיסאות, 12 new chairs';
/** The reproduction: a right-to-left override that made 7654321-040 read as a phone number. */
const overridden = '\u202E7654321-040';
const mixed = 'החדר היה קר, room 3';

const browser = useBrowser();

async function fillKiosk(kerro: RunningKerro): Promise<{ choicePoll: string; textPoll: string }> {
  const token = await unlockOverHttp(kerro);
  const create = async (draft: Record<string, unknown>) => {
    const saved = await callApi(kerro, 'polls.save', { pollId: null, draft: { options: [], start: { type: 'now' }, end: { type: 'none' }, comment: false, ...draft } }, token);
    const poll = (saved as { poll: { id: string; version: number; options: { id: string }[] } }).poll;
    await callApi(kerro, 'polls.setState', { pollId: poll.id, state: 'active' }, token);
    return poll;
  };
  const choice = await create({ kind: 'single', question: { fi: question }, options: options.map((label) => ({ label: { fi: label } })) });
  const text = await create({ kind: 'text', question: { fi: textQuestion } });
  const list = (await callApi(kerro, 'outcomes.list', {}, token)) as { today: string };
  await callApi(kerro, 'outcomes.save', { id: null, draft: { text: { fi: outcome }, startsOn: list.today, endsOn: shiftDay(list.today, 3) } }, token);
  const first = choice.options[0]?.id ?? '';
  for (let index = 0; index < 5; index += 1) {
    await callApi(kerro, 'responses.submit', { pollId: choice.id, pollVersion: choice.version, answer: { optionIds: [first] }, language: 'fi' });
  }
  for (const answer of [overridden, mixed]) {
    await callApi(kerro, 'responses.submit', { pollId: text.id, pollVersion: text.version, answer: { text: answer }, language: 'fi' });
  }
  return { choicePoll: choice.id, textPoll: text.id };
}

/** No Hebrew text outside its own isolation on this page, and at least `least` of them looked at; soft, so one run names every page. */
async function expectIsolated(page: Page, label: string, least: number): Promise<void> {
  const { found, outside } = await userTextOutsideIsolation(page);
  expect.soft(outside, label).toEqual([]);
  expect.soft(found.length, `${label}: ${found.join(' | ')}`).toBeGreaterThanOrEqual(least);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(await screenshotDir(), `text-direction-${name}.png`), fullPage: true });
}

const startScreenParts = ['.start-header', '.standing-poll .poll-question', '.standing-poll .read-aloud-button', '.face-button', '.standing-poll .hint', '.quick-poll .poll-question', '.quick-poll button', '.children-entry', '[data-testid="outcome-band"]', '.start-footer'] as const;

describe('a person’s words keep their own direction on every page', () => {
  it('isolates every user text on the parents’, staff, exported and receiver pages, and shows the reproduction in order', async () => {
    const dataDir = await makeTempDir();
    await provisionKerro(dataDir, site);
    const stick = await makeTempDir('kerro-stick-');
    const kerro = await startKerro(dataDir, { KERRO_EXPORT_DIRS: `folder=${stick}` });
    const { choicePoll, textPoll } = await fillKiosk(kerro);

    const page = await openTouchKiosk(browser(), kerro.url);
    await page.locator(`[data-poll="${choicePoll}"]`).waitFor();
    await page.locator('[data-testid="outcome-band"]').waitFor();
    // Site, outcome, the question and its two option buttons.
    await expectIsolated(page, 'start screen', 5);
    // The question reads right to left: its first word stands right of the Latin word inside it.
    const heading = page.locator(`[data-poll="${choicePoll}"] .poll-question`);
    expect.soft((await boxOfText(heading, 'איך')).left, 'the question').toBeGreaterThan((await boxOfText(heading, 'Kerro')).right);
    await shoot(page, 'start');
    // Every part of the fullest start screen in its own place: header, both polls with their buttons, the children's way, outcomes, footer.
    await expectNoOverlap(page, startScreenParts, 'start screen with a quick poll, the children’s way and an outcome');
    await expectFitsScreen(page, 'start screen with a quick poll, the children’s way and an outcome');

    await unlockStaffArea(page);
    // The staff home lists the polls once they have been read; count only then.
    await page.locator(`[data-poll="${textPoll}"] [data-action="results"]`).waitFor();
    await expectIsolated(page, 'staff home', 2);
    await page.locator(`[data-poll="${choicePoll}"] [data-action="results"]`).click();
    await page.locator('[data-screen="staff-results"] [data-bar]').first().waitFor();
    // The question, each option in the chart and in its table.
    await expectIsolated(page, 'results', 5);
    await shoot(page, 'results');
    await page.locator('[data-action="back"]').click();
    await page.locator(`[data-poll="${textPoll}"] [data-action="results"]`).click();
    await page.locator('.comment-text').first().waitFor();
    await expectIsolated(page, 'text results', 2);
    await page.locator('[data-action="back"]').click();
    await page.locator('[data-action="outcomes"]').click();
    await page.locator('.outcome-card').waitFor();
    await expectIsolated(page, 'outcomes', 1);
    await page.locator('[data-action="back"]').click();

    await page.locator('[data-action="council-report"]').click();
    const report = page.locator('[data-testid="council-report"]');
    await report.waitFor();
    await expectIsolated(page, 'council report', 4);
    await expectInOrder(report.locator('[data-testid="comments"]'));
    await shoot(page, 'council-report');
    await page.locator('[data-action="back"]').click();

    await page.locator('[data-action="usb-export"]').click();
    await page.locator('[data-action="export"]').click();
    await page.locator('[data-fact="export-done"]').waitFor({ timeout: 20_000 });
    await expectIsolated(page, 'usb export', 1);
    await page.context().close();
    await kerro.stop();

    const [folder] = (await readdir(stick)).filter((name) => name.startsWith('Kerro_'));
    if (folder === undefined) throw new Error('No export folder on the stick');
    const documents = await browser().newPage();
    for (const name of ['summary.html', 'report.html']) {
      await documents.goto(pathToFileURL(join(stick, folder, name)).href);
      await expectIsolated(documents, name, 5);
      await expectInOrder(documents.locator('body'));
      await shoot(documents, name.replace('.html', ''));
    }
    await documents.close();

    const receiverSite = await serveFolder(join(import.meta.dirname, '..', '..', 'out', 'receiver'));
    const receiver = await (await browser().newContext({ locale: 'fi-FI', viewport: { width: 420, height: 900 } })).newPage();
    await receiver.goto(`${receiverSite.url}/index.html`);
    const files = (await readdir(join(stick, folder))).map((name) => join(stick, folder, name));
    await importReport(receiver, () => receiver.getByTestId('folder-files').setInputFiles(files));
    await receiver.locator('[data-testid="result-poll"]').first().waitFor();
    await expectIsolated(receiver, 'receiver', 5);
    // "question (5)": the count stays after the whole question, not pulled to its left.
    const title = receiver.locator('[data-testid="result-poll"] h3').filter({ hasText: 'Kerro' });
    expect(await title.locator('.result-count').textContent()).toBe('(5)');
    expect.soft((await boxOfText(title.locator('.result-count'), '5')).left, 'the receiver’s count').toBeGreaterThan((await boxOfText(title, 'איך')).right);
    await shoot(receiver, 'receiver');
    await receiver.context().close();
  });
});

/** The reproduction reads 7654321-040, never 040-1234567; the mixed comment reads right to left. */
async function expectInOrder(root: ReturnType<Page['locator']>): Promise<void> {
  expect.soft((await boxOfText(root, '7654321')).right, 'the override').toBeLessThanOrEqual((await boxOfText(root, '040')).left);
  expect.soft((await boxOfText(root, 'החדר')).left, 'the mixed comment').toBeGreaterThan((await boxOfText(root, 'room')).right);
}
