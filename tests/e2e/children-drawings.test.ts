import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childTemplates } from '../../src-shared/contract/child-templates';
import { launchChromium, openTouchKiosk, screenshotDir, startKerro, type RunningKerro } from '../support/browser-shell';
import { drawStroke, storedResponses } from '../support/children-kit';
import { callApi, unlockOverHttp } from '../support/kerro-api';
import { expectAccessible, expectBigTargets, expectFitsScreen } from '../support/page-checks';
import { importReport } from '../support/receiver-kit';
import { serveFolder } from '../support/static-server';
import { makeTempDir } from '../support/temp-dir';

const receiverDir = join(import.meta.dirname, '..', '..', 'out', 'receiver');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

async function checkChildScreen(page: Page, label: string): Promise<void> {
  await expectAccessible(page, label);
  await expectBigTargets(page, label, 96);
  await expectFitsScreen(page, label);
}

/** Saves and opens a ready-made children's poll over the API, as the staff's editor does. */
async function openTemplate(kerro: RunningKerro, token: string, template: keyof typeof childTemplates): Promise<string> {
  const saved = await callApi(kerro, 'polls.save', { pollId: null, draft: childTemplates[template] }, token);
  const pollId = typeof saved === 'object' && saved !== null && 'poll' in saved && typeof saved.poll === 'object' && saved.poll !== null && 'id' in saved.poll ? String(saved.poll.id) : '';
  await callApi(kerro, 'polls.setState', { pollId, state: 'active' }, token);
  return pollId;
}

/** With several children's polls open they take turns; `language` is the button that chooses it again after home. */
async function openChildrenPoll(page: Page, kind: string, language?: string): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await page.locator('[data-action="children"]').tap();
    const screen = page.locator('[data-screen="children"]');
    await screen.waitFor();
    if ((await screen.getAttribute('data-kind')) === kind) return;
    await page.locator('[data-action="home"]').tap();
    await page.locator('[data-screen="start"]').waitFor();
    if (language !== undefined) await page.getByRole('button', { name: language }).tap();
  }
  throw new Error(`The children's way never showed a ${kind} poll`);
}

describe('children pick pictures and draw, by touch alone', () => {
  it('a pick-pictures answer and a finger drawing arrive, and the drawing leaves as an SVG that renders and matches its hash', async () => {
    const stick = await makeTempDir();
    const kerro = await startKerro(await makeTempDir(), { KERRO_EXPORT_DIRS: `folder=${stick}` });
    const token = await unlockOverHttp(kerro);
    await callApi(kerro, 'polls.setState', { pollId: 'children-playing', state: 'closed' }, token);
    const bestId = await openTemplate(kerro, token, 'child-best');
    const wishId = await openTemplate(kerro, token, 'child-wish');
    const shots = await screenshotDir();
    const page = await openTouchKiosk(browser, kerro.url);

    await openChildrenPoll(page, 'child-pictures');
    await page.getByRole('heading', { name: 'Mikä oli kivointa?' }).waitFor();
    const done = page.locator('[data-action="done"]');
    expect(await done.isDisabled()).toBe(true);
    for (const picture of ['pic-swing', 'pic-books', 'pic-snacks', 'pic-swing']) await page.locator(`[data-option="${picture}"]`).tap();
    await expect.poll(() => page.locator('[data-option][aria-pressed="true"]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-option')))).toEqual(['pic-books', 'pic-snacks']);
    await page.screenshot({ path: join(shots, 'children-pictures-fi.png') });
    await checkChildScreen(page, 'pick pictures');
    await done.tap();
    await page.locator('[data-screen="children-thanks"]').waitFor();
    await page.locator('[data-action="home"]').tap();

    await openChildrenPoll(page, 'child-drawing');
    await page.getByRole('heading', { name: 'Piirrä, mitä toivoisit tänne!' }).waitFor();
    await checkChildScreen(page, 'drawing, empty');

    await drawStroke(page, [[0.2, 0.7], [0.3, 0.4], [0.4, 0.25], [0.5, 0.4], [0.6, 0.7]]);
    await page.locator('[data-color="red"]').tap();
    await drawStroke(page, [[0.3, 0.8], [0.5, 0.85], [0.7, 0.8]]);
    await page.locator('[data-color="green"]').tap();
    await drawStroke(page, [[0.1, 0.1], [0.9, 0.9]]);
    await expect.poll(() => page.locator('.drawing-pad path').count()).toBe(3);
    // The last stroke was a slip: undo takes it away.
    await page.locator('[data-action="undo"]').tap();
    await expect.poll(() => page.locator('.drawing-pad path').count()).toBe(2);
    await page.locator('[data-color="yellow"]').tap();
    await drawStroke(page, [[0.8, 0.15], [0.85, 0.2], [0.8, 0.25], [0.75, 0.2], [0.8, 0.15]]);
    await page.screenshot({ path: join(shots, 'children-drawing-fi.png') });
    await checkChildScreen(page, 'drawing, drawn');
    await page.locator('[data-action="done"]').tap();
    await page.locator('[data-screen="children-thanks"]').waitFor();
    // The thank-you shows no drawing: nobody who comes to the kiosk next sees it.
    expect(await page.getByTestId('drawing-pad').count()).toBe(0);
    await page.context().close();

    const answers = await storedResponses(kerro.dataDir);
    const picked = answers.find((answer) => answer.pollId === bestId);
    expect(picked).toMatchObject({ answer: { optionIds: ['pic-books', 'pic-snacks'] }, audience: 'child' });
    const drawn = answers.find((answer) => answer.pollId === wishId);
    expect(drawn).toMatchObject({ audience: 'child' });
    const strokes = (drawn?.answer as { drawing: { strokes: { color: string; points: number[] }[] } }).drawing.strokes;
    expect(strokes.map((stroke) => stroke.color)).toEqual(['blue', 'red', 'yellow']);
    expect(strokes[0]?.points.length).toBeGreaterThanOrEqual(10);

    // Four more children draw, so that theirs is no small group and the pages may show the drawings.
    for (let index = 0; index < 4; index += 1) {
      const strokesOf = { strokes: [{ color: 'green', points: [100 + index * 200, 100, 150 + index * 200, 600] }] };
      await callApi(kerro, 'responses.submit', { pollId: wishId, pollVersion: 1, answer: { drawing: strokesOf }, language: 'fi' });
    }

    // Out through the export: the SVG is beside the batch, hashed in the manifest, and renders.
    const targets = (await callApi(kerro, 'exports.targets', {}, token)) as { targets: { id: string }[] };
    await callApi(kerro, 'exports.run', { targetId: targets.targets[0]?.id ?? '' }, token);
    const [folder = ''] = (await readdir(stick)).filter((name) => name.startsWith('Kerro_'));
    const svgName = `drawing-${String(drawn?.seq)}.svg`;
    const svg = await readFile(join(stick, folder, svgName));
    const manifest = JSON.parse(await readFile(join(stick, folder, 'manifest.json'), 'utf8')) as { files: { name: string; sha256: string }[] };
    expect(manifest.files.find((file) => file.name === svgName)?.sha256).toBe(createHash('sha256').update(svg).digest('hex'));
    const viewer = await (await browser.newContext({ viewport: { width: 1000, height: 750 } })).newPage();
    // The very bytes on the stick, drawn by the browser and read back pixel by pixel.
    const painted = await viewer.evaluate(async (source) => {
      const image = new Image();
      image.src = source;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (context === null) return null;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = { blue: 0, red: 0, yellow: 0 };
      for (let index = 0; index < pixels.length; index += 4) {
        const [red = 0, green = 0, blue = 0] = [pixels[index], pixels[index + 1], pixels[index + 2]];
        if (blue > 180 && red < 80) colours.blue += 1;
        else if (red > 200 && green < 90) colours.red += 1;
        else if (red > 220 && green > 160 && blue < 90) colours.yellow += 1;
      }
      return { width: image.naturalWidth, height: image.naturalHeight, colours };
    }, `data:image/svg+xml;base64,${svg.toString('base64')}`);
    expect(painted?.width).toBe(1000);
    expect(painted?.colours.blue).toBeGreaterThan(1000);
    expect(painted?.colours.red).toBeGreaterThan(1000);
    expect(painted?.colours.yellow).toBeGreaterThan(200);

    // The summary and the council report in the folder show the drawings as thumbnails that load.
    const thumbnailsIn = async (url: string, selector: string) => {
      await viewer.goto(url);
      return viewer.locator(`${selector} img`).evaluateAll((images) => images.map((image) => (image instanceof HTMLImageElement ? image.naturalWidth : 0)));
    };
    expect(await thumbnailsIn(`file://${join(stick, folder, 'summary.html')}`, '[data-testid="drawings"]')).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(await viewer.locator('[data-testid="children"]').textContent()).toBe('Lasten vastaukset');
    await viewer.screenshot({ path: join(shots, 'children-summary-drawings.png'), fullPage: true });
    expect(await thumbnailsIn(`file://${join(stick, folder, 'report.html')}`, '[data-testid="drawings"]')).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(await viewer.getByRole('heading', { name: 'Lasten piirrokset' }).count()).toBe(1);
    await viewer.screenshot({ path: join(shots, 'children-report-drawings.png'), fullPage: true });
    await viewer.context().close();

    // The receiver takes the folder and shows the children apart, their drawings among them.
    const site = await serveFolder(receiverDir);
    const receiver = await (await browser.newContext({ viewport: { width: 420, height: 900 } })).newPage();
    await receiver.goto(`${site.url}/index.html`);
    const files = (await readdir(join(stick, folder))).map((name) => join(stick, folder, name));
    await importReport(receiver, () => receiver.getByTestId('folder-files').setInputFiles(files));
    const shown = receiver.getByTestId('children-results');
    await shown.getByTestId('drawings').waitFor();
    expect(await shown.locator('[data-testid="drawings"] img').evaluateAll((images) => images.map((image) => (image instanceof HTMLImageElement ? image.naturalWidth : 0)))).toEqual([
      1000, 1000, 1000, 1000, 1000,
    ]);
    await shown.screenshot({ path: join(shots, 'children-receiver-drawings.png') });
    await receiver.context().close();
  });

  it('the pick-pictures and drawing screens in Swedish and English, and the drawing pad on a landscape screen, fit and keep big targets', async () => {
    const kerro = await startKerro(await makeTempDir());
    const token = await unlockOverHttp(kerro);
    await callApi(kerro, 'polls.setState', { pollId: 'children-playing', state: 'closed' }, token);
    await openTemplate(kerro, token, 'child-best');
    await openTemplate(kerro, token, 'child-wish');
    const shots = await screenshotDir();
    const screens = [
      { language: 'sv', button: 'Svenska', pictures: 'Vad var roligast?', drawing: 'Rita vad du önskar dig här!' },
      { language: 'en', button: 'English', pictures: 'What did you like best?', drawing: 'Draw what you would like here!' },
    ];
    for (const screen of screens) {
      const page = await openTouchKiosk(browser, kerro.url);
      await page.getByRole('button', { name: screen.button }).tap();
      await openChildrenPoll(page, 'child-pictures', screen.button);
      await page.getByRole('heading', { name: screen.pictures }).waitFor();
      for (const picture of ['pic-swing', 'pic-friends']) await page.locator(`[data-option="${picture}"]`).tap();
      await page.screenshot({ path: join(shots, `children-pictures-${screen.language}.png`) });
      await expectBigTargets(page, `pick pictures ${screen.language}`, 96);
      await expectFitsScreen(page, `pick pictures ${screen.language}`);
      // Home is a new visit: the language goes back to the kiosk's own and is chosen again.
      await page.locator('[data-action="home"]').tap();
      await page.getByRole('button', { name: screen.button }).tap();
      await openChildrenPoll(page, 'child-drawing', screen.button);
      await page.getByRole('heading', { name: screen.drawing }).waitFor();
      await drawStroke(page, [[0.2, 0.6], [0.35, 0.3], [0.5, 0.6], [0.65, 0.3], [0.8, 0.6]]);
      await page.screenshot({ path: join(shots, `children-drawing-${screen.language}.png`) });
      await expectBigTargets(page, `drawing ${screen.language}`, 96);
      await expectFitsScreen(page, `drawing ${screen.language}`);
      await page.context().close();
    }

    // A kiosk screen turned on its side: the pad, its colours, undo and done all on screen.
    const landscape = await openTouchKiosk(browser, kerro.url, { width: 1920, height: 1080 });
    await openChildrenPoll(landscape, 'child-drawing');
    await drawStroke(landscape, [[0.1, 0.8], [0.5, 0.2], [0.9, 0.8]]);
    await landscape.locator('[data-color="red"]').tap();
    await drawStroke(landscape, [[0.2, 0.5], [0.8, 0.5]]);
    await expect.poll(() => landscape.locator('.drawing-pad path').count()).toBe(2);
    await landscape.screenshot({ path: join(shots, 'children-drawing-landscape-fi.png') });
    await checkChildScreen(landscape, 'drawing, landscape');
    await landscape.context().close();
  });
});
