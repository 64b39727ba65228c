import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eStaffPin, openTouchKiosk, screenshotDir, startKerro, useBrowser, type RunningKerro } from '../support/browser-shell';
import { expectAccessible, expectBigTargets } from '../support/page-checks';
import { enterPin, holdStaffCorner, typeOnScreen, unlockStaffArea } from '../support/staff-screens';
import { makeTempDir } from '../support/temp-dir';

const browser = useBrowser();

function openKiosk(kerro: RunningKerro): Promise<Page> {
  return openTouchKiosk(browser(), kerro.url);
}

async function checkStaffScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(await screenshotDir(), `staff-${name}.png`) });
  await expectAccessible(page, `staff ${name}`);
  await expectBigTargets(page, `staff ${name}`);
}

describe('the staff area', () => {
  it('opens with the hidden gesture and PIN; a poll typed on the screen keyboard runs, is answered, counted and closed', async () => {
    const kerro = await startKerro(await makeTempDir());
    const page = await openKiosk(kerro);

    // A short press in the corner does nothing; nothing on the start screen points to the staff area.
    await holdStaffCorner(page, 600);
    await page.waitForTimeout(2000);
    expect(await page.locator('[data-screen="start"]').count()).toBe(1);
    expect(await page.getByText(/henkilökunta|staff|personal/i).count()).toBe(0);

    await holdStaffCorner(page);
    await page.locator('[data-screen="staff-pin"]').waitFor();
    await checkStaffScreen(page, 'pin');

    const startedAt = performance.now();
    await enterPin(page, e2eStaffPin);
    await page.locator('[data-screen="staff-home"]').waitFor();
    await page.locator('[data-action="new-poll"]').click();
    await page.locator('[data-screen="staff-editor"]').waitFor();
    await page.locator('[data-choice="kind:single"]').click();
    await page.locator('textarea[name="question-fi"]').click();
    await typeOnScreen(page, 'Mikä aamu sopii vauvahierontaan?');
    await page.locator('input[name="option-0-fi"]').click();
    await typeOnScreen(page, 'Maanantai');
    await page.locator('input[name="option-1-fi"]').click();
    await typeOnScreen(page, 'Keskiviikko');
    await page.locator('[data-choice="text-language:en"]').click();
    await page.locator('textarea[name="question-en"]').click();
    await typeOnScreen(page, 'Which morning suits baby massage?');
    await page.locator('input[name="option-0-en"]').click();
    await typeOnScreen(page, 'Monday');
    await page.locator('input[name="option-1-en"]').click();
    await typeOnScreen(page, 'Wednesday');
    await page.locator('.hg-button[data-skbtn="{done}"]').click();
    await checkStaffScreen(page, 'editor');
    await page.locator('[data-action="save-activate"]').click();
    await page.locator('.poll-card-active').filter({ hasText: 'Mikä aamu sopii vauvahierontaan?' }).waitFor();
    const seconds = (performance.now() - startedAt) / 1000;
    process.stdout.write(`\nStaff create-and-activate (unlock, type fi+en with the screen keyboard, start): ${seconds.toFixed(1)} s\n`);
    await checkStaffScreen(page, 'home');

    await page.locator('[data-action="lock"]').click();
    await page.locator('[data-screen="start"]').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Which morning suits baby massage?' }).waitFor();
    await page.screenshot({ path: join(await screenshotDir(), 'en-start-with-quick-poll-portrait.png') });
    await expectAccessible(page, 'start with a quick poll');
    await page.getByRole('button', { name: 'Monday', exact: true }).click();
    await page.locator('[data-screen="thanks"]').waitFor();
    await backToStart(page);
    await page.locator('[data-screen="start"]').waitFor();

    await unlockStaffArea(page);
    const card = page.locator('.poll-card-active').filter({ hasText: 'Mikä aamu sopii vauvahierontaan?' });
    await expect.poll(() => card.locator('.answer-count').innerText(), { timeout: 15_000 }).toBe('1 vastaus');
    await card.locator('[data-action="results"]').click();
    await page.locator('[data-screen="staff-results"]').waitFor();
    await expect.poll(() => page.locator('[data-fact="total"]').innerText(), { timeout: 15_000 }).toBe('Vastauksia: 1');
    await expect.poll(() => page.locator('[data-bar="option-1"]').textContent(), { timeout: 15_000 }).toContain('1 (100 %)');
    expect(await page.locator('[data-bar="option-2"]').textContent()).toContain('0 (0 %)');
    await checkStaffScreen(page, 'results');

    await page.locator('[data-action="back"]').click();
    await page.locator('[data-action="settings"]').click();
    await page.locator('[data-screen="staff-settings"] .clock-time').waitFor();
    // Draft translations say so where staff choose the kiosk's languages; checked ones do not.
    for (const draft of ['ru', 'uk', 'ar']) {
      expect(await page.locator(`[data-choice="language:${draft}"]`).innerText()).toContain('käännös tarkistamatta');
    }
    expect(await page.locator('[data-choice="language:sv"]').innerText()).not.toContain('tarkistamatta');
    await checkStaffScreen(page, 'settings');
    await page.locator('[data-action="back"]').click();

    await card.locator('[data-action="close"]').click();
    await page.locator('.poll-card [data-action="closed"]').click();
    await page.locator('.poll-card-closed').filter({ hasText: 'Mikä aamu sopii vauvahierontaan?' }).waitFor();
    await page.locator('[data-action="lock"]').click();
    await page.locator('[data-screen="start"]').waitFor();
    await expect.poll(() => page.getByText('Mikä aamu sopii vauvahierontaan?').count(), { timeout: 15_000 }).toBe(0);
    await page.context().close();
  });

  it('shows what is wrong next to the field and saves nothing', async () => {
    const kerro = await startKerro(await makeTempDir());
    const page = await openKiosk(kerro);
    await unlockStaffArea(page);
    await page.locator('.poll-card').first().waitFor();
    const pollsBefore = await page.locator('.poll-card').count();
    await page.locator('[data-action="new-poll"]').click();
    await page.locator('input[name="option-0-fi"]').click();
    await typeOnScreen(page, 'Aamu');
    await page.locator('input[name="option-1-fi"]').click();
    await typeOnScreen(page, 'aamu');
    await page.locator('[data-action="save-activate"]').click();
    await page.getByText('Suomenkielinen teksti puuttuu.').waitFor();
    await page.getByText('Sama vaihtoehto on jo listassa.').waitFor();
    expect(await page.locator('textarea[name="question-fi"]').getAttribute('aria-invalid')).toBe('true');
    await checkStaffScreen(page, 'editor-problems');
    await page.locator('[data-action="cancel"]').click();
    // What was typed is not thrown away unasked: leaving asks first.
    await page.locator('[data-dialog="discard"] [data-action="discard"]').click();
    await page.locator('.poll-card').first().waitFor();
    expect(await page.locator('.poll-card').count()).toBe(pollsBefore);
    await page.context().close();
  });

  it('pauses unlocking after five wrong PINs, also for the next person at the kiosk', async () => {
    const kerro = await startKerro(await makeTempDir());
    const page = await openKiosk(kerro);
    await holdStaffCorner(page);
    await page.locator('[data-screen="staff-pin"]').waitFor();
    for (let attempt = 1; attempt <= 5; attempt += 1) await enterPin(page, '000000');
    await page.getByText(/Liian monta väärää PIN-koodia/).waitFor();
    expect(await page.locator('.pin-key[data-digit="1"]').isDisabled()).toBe(true);
    await checkStaffScreen(page, 'locked-out');
    const status = (await (await fetch(`${kerro.url}/api/staff.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kerro-client': '1' },
      body: '{}',
    })).json()) as { value: { lockedUntil: string | null } };
    expect(status.value.lockedUntil).not.toBeNull();
    await page.reload();
    await page.locator('[data-screen="start"]').waitFor();
    await holdStaffCorner(page);
    await page.getByText(/Liian monta väärää PIN-koodia/).waitFor();
    await page.context().close();
  });

  it('asks a new kiosk to be set up first, with the screen keyboard and the PIN pad', async () => {
    const kerro = await startKerro(await makeTempDir(), {}, { isSetUp: false });
    const context = await browser().newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(kerro.url);
    await page.locator('[data-screen="setup"]').waitFor();
    await page.locator('input[name="site-name"]').click();
    for (let index = 0; index < 20; index += 1) await page.locator('.hg-button[data-skbtn="{bksp}"]').click();
    await typeOnScreen(page, 'Kemin perhekeskus');
    await page.locator('[data-choice="language:sv"]').click();
    await checkStaffScreen(page, 'setup');
    await page.locator('[data-action="setup-next"]').click();
    await enterPin(page, '13572468');
    await enterPin(page, '13572468');
    await page.locator('[data-screen="start"]').waitFor();
    expect(await page.locator('.site-name').innerText()).toBe('Kemin perhekeskus');
    expect(await page.getByRole('button', { name: 'Svenska' }).count()).toBe(0);
    await unlockStaffArea(page, '13572468');
    await context.close();
  });
});

describe('an unattended staff area', () => {
  it('locks itself and returns to the parents after two minutes untouched (landscape)', async () => {
    const kerro = await startKerro(await makeTempDir());
    const context = await browser().newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(kerro.url);
    await page.locator('[data-screen="start"]').waitFor();
    await holdStaffCornerWithClock(page);
    await enterPin(page, e2eStaffPin);
    await page.locator('[data-screen="staff-home"]').waitFor();
    await page.screenshot({ path: join(await screenshotDir(), 'staff-home-landscape.png') });
    await page.locator('[data-action="new-poll"]').click();
    await page.locator('textarea[name="question-fi"]').click();
    await page.screenshot({ path: join(await screenshotDir(), 'staff-editor-landscape.png') });
    await expectBigTargets(page, 'editor landscape');
    await page.clock.runFor(60_000);
    await page.locator('[data-screen="staff-editor"]').waitFor();
    await page.clock.runFor(61_000);
    await page.locator('[data-screen="start"]').waitFor();
    await holdStaffCornerWithClock(page);
    await page.locator('[data-screen="staff-pin"]').waitFor();
    await context.close();
  });
});

async function holdStaffCornerWithClock(page: Page): Promise<void> {
  const box = await page.locator('[data-staff-corner]').boundingBox();
  if (box === null) throw new Error('no staff corner');
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  await page.clock.runFor(2100);
  await page.mouse.up();
}

describe('parents typing', () => {
  it('answer a text poll and add a comment with the screen keyboard; staff read both', async () => {
    const kerro = await startKerro(await makeTempDir());
    const api = async (method: string, input: unknown, token?: string) => {
      const response = await fetch(`${kerro.url}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kerro-client': '1', ...(token === undefined ? {} : { 'x-kerro-staff-token': token }) },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
      if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body)}`);
      return body.value;
    };
    const { token } = (await api('staff.unlock', { pin: e2eStaffPin })) as { token: string };
    const create = async (draft: Record<string, unknown>) => {
      const { poll } = (await api('polls.save', { pollId: null, draft: { options: [], start: { type: 'now' }, end: { type: 'none' }, ...draft } }, token)) as {
        poll: { id: string };
      };
      await api('polls.setState', { pollId: poll.id, state: 'active' }, token);
      return poll.id;
    };
    const textPoll = await create({ kind: 'text', question: { fi: 'Mitä toivot syksyyn?', en: 'What do you wish for the autumn?' }, comment: false });
    const yesNoPoll = await create({ kind: 'yesno', question: { fi: 'Tuletko ensi viikolla?' }, comment: true });

    const page = await openKiosk(kerro);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator(`[data-poll="${textPoll}"] [data-action="write"]`).click();
    await page.locator('[data-screen="text-answer"]').waitFor();
    await page.locator('textarea[name="answer"]').click();
    await typeOnScreen(page, 'More outings, please!');
    await page.screenshot({ path: join(await screenshotDir(), 'en-text-answer-portrait.png') });
    await expectAccessible(page, 'text answer');
    await expectBigTargets(page, 'text answer');
    await page.locator('[data-action="send"]').click();
    await page.locator('[data-screen="thanks"]').waitFor();
    await backToStart(page);

    await page.locator(`[data-poll="${yesNoPoll}"] [data-option="yes"]`).click();
    await page.locator('[data-screen="comment"]').waitFor();
    // The question has no English text: the parent saw the Finnish one with a note.
    await page.locator('textarea[name="comment"]').click();
    await typeOnScreen(page, 'Ehkä tiistaina');
    await page.screenshot({ path: join(await screenshotDir(), 'en-comment-portrait.png') });
    await expectAccessible(page, 'comment');
    await expectBigTargets(page, 'comment');
    await page.locator('[data-action="send"]').click();
    await page.locator('[data-screen="thanks"]').waitFor();

    const text = (await api('results.poll', { pollId: textPoll, from: null, to: null }, token)) as { total: number; comments: { text: string; language: string }[] };
    expect(text).toMatchObject({ total: 1, comments: [{ text: 'More outings, please!', language: 'en' }] });
    const yesNo = (await api('results.poll', { pollId: yesNoPoll, from: null, to: null }, token)) as { comments: { text: string }[] };
    expect(yesNo.comments.map((comment) => comment.text)).toEqual(['Ehkä tiistaina']);
    await page.context().close();
  });
});

/** From the thank-you back to the start; on a slow machine the thank-you may already have gone by itself. */
async function backToStart(page: Page): Promise<void> {
  await page
    .locator('[data-screen="thanks"] .secondary-button')
    .click({ timeout: 3000 })
    .catch(() => undefined);
  await page.locator('[data-screen="start"]').waitFor();
}
