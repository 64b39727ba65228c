// The staff walk, timed (a section of `npm run bench`, alone: `node scripts/bench.mjs staff`): a
// three-option quick poll made by touch only, finding each button by its visible Finnish text,
// from the hidden corner to the poll running on the kiosk. The browser's own time is measured;
// a person's is the touches, keys and the corner hold counted at a stated pace (scripts/fixtures/finger.ts).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { Finger, statedPace } from './fixtures/finger';
import { describeLoad } from './bench/machine.mjs';
import { median, runCount, spread } from './bench/repeated.mjs';
import type { BenchContext, BenchSection } from './bench/section.mjs';
import { requireChromium } from './programs.mjs';
import { provisionKiosk, startServerProcess } from './bench/server-process.mjs';

const runs = runCount('KERRO_BENCH_STAFF_RUNS', 3);
const pin = '135790';
const targetSeconds = 60;
const headless = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];



interface WalkFigures {
  taps: number;
  keys: number;
  screens: number;
  machineSeconds: number;
  humanSeconds: number;
}

/**
 * One walk on a kiosk of its own: a fresh copy of a data folder `kerro setup` made (and nothing
 * opened), its own server, a fresh browser context. The browser itself is shared: starting it is
 * not part of the walk.
 */
async function walk(projectRoot: string, setUp: string, browser: Browser, viewport: { width: number; height: number }): Promise<WalkFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kerro-bench-staff-'));
  await cp(setUp, dataDir, { recursive: true });
  const server = await startServerProcess(projectRoot, dataDir);
  const context = await browser.newContext({ viewport, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('[data-screen="start"]').waitFor();
    const finger = new Finger(page);
    const startedAt = performance.now();
    await finger.hold(page.locator('[data-staff-corner]'), 2100);
    for (const digit of pin) await finger.tapButton(digit);
    await finger.tapButton('Avaa');
    await finger.tapButton('+ Uusi kysely');
    await finger.tap(page.getByLabel('Kysymys suomeksi (pakollinen)'));
    await finger.type('Mikä päivä sopii retkelle?');
    const option = (number: number) => page.getByLabel(`Vaihtoehto ${number} suomeksi (pakollinen)`);
    await finger.tap(option(1));
    await finger.type('Maanantai');
    await finger.tap(option(2));
    await finger.type('Keskiviikko');
    await finger.tapButton('+ Lisää vaihtoehto');
    await finger.tap(option(3));
    await finger.type('Perjantai');
    await finger.tapButton('Valmis');
    await finger.tapButton('Tallenna ja käynnistä');
    await page.getByText('Kysely käynnissä – näkyy nyt kioskissa').waitFor();
    await finger.tapButton('Lukitse nyt');
    await page.getByRole('heading', { name: 'Mikä päivä sopii retkelle?' }).waitFor();
    const machineSeconds = (performance.now() - startedAt) / 1000;
    return { taps: finger.taps, keys: finger.keys, screens: finger.screenCount, machineSeconds, humanSeconds: finger.humanSeconds() };
  } finally {
    await context.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function run(context: BenchContext): Promise<BenchSection> {
  const loadBefore = describeLoad('before');
  const orientations = [
    { name: 'landscape 1920×1080', viewport: { width: 1920, height: 1080 } },
    { name: 'portrait 1080×1920', viewport: { width: 1080, height: 1920 } },
  ];
  const rows: string[][] = [];
  const checks = [];
  const setUp = await mkdtemp(join(tmpdir(), 'kerro-bench-staff-set-up-'));
  await provisionKiosk(context.projectRoot, setUp, pin);
  const browser = await chromium.launch({ executablePath: requireChromium(), args: headless });
  const walks = new Map<string, WalkFigures[]>();
  try {
    for (const orientation of orientations) {
      const figures: WalkFigures[] = [];
      for (let index = 0; index < runs; index += 1) {
        context.progress(`staff walk, ${orientation.name}, run ${index + 1} of ${runs}`);
        figures.push(await walk(context.projectRoot, setUp, browser, orientation.viewport));
      }
      walks.set(orientation.name, figures);
    }
  } finally {
    await browser.close();
    await rm(setUp, { recursive: true, force: true });
  }
  for (const orientation of orientations) {
    const figures = walks.get(orientation.name) ?? [];
    const human = figures.map((figure) => figure.humanSeconds);
    const machine = figures.map((figure) => figure.machineSeconds);
    const first = figures[0];
    if (first === undefined) continue;
    rows.push([
      orientation.name,
      String(first.taps),
      String(first.keys),
      String(first.screens),
      spread(machine, (value) => `${value.toFixed(1)} s`),
      spread(human, (value) => `${value.toFixed(0)} s`),
    ]);
    checks.push({ label: `a three-option poll by touch in ${orientation.name} within ${targetSeconds} s at a person's pace`, isMet: median(human) <= targetSeconds, isRequired: false });
  }
  return {
    title: 'Staff walk: a three-option quick poll by touch',
    notes: [
      `From the hidden corner to the poll running on the kiosk, by visible text and touch only; ${runs} runs per orientation.`,
      `A person's pace as stated: ${statedPace.tapSeconds} s to find and touch a button, ${statedPace.keySeconds} s a key on the on-screen keyboard (one finger, about 25 words a minute), the corner held 2.1 s.`,
      loadBefore,
      describeLoad('after'),
    ],
    tables: [{ title: 'Touches, screens and seconds', columns: ['orientation', 'touches', 'keys', 'screens', 'machine, median (min–max)', 'at a person’s pace'], rows }],
    checks,
  };
}
