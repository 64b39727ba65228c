// The receiver page at county scale (a section of `npm run bench`, alone: `node scripts/bench.mjs
// receiver`): thirty kiosks' export folders of 30,000 answers each, brought in by one folder pick
// in Debian's headless Chromium, against a floor measured in the same run by the same browser:
// reading and parsing the same responses.json files, keeping nothing.
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sampleBatch } from './fixtures/sample-batch';
import { writeExportFolder } from './fixtures/receiver-folders';
import { describeLoad } from './bench/machine.mjs';
import { runCount, spread } from './bench/repeated.mjs';
import type { BenchCheck, BenchContext, BenchSection } from './bench/section.mjs';

const runs = runCount('KERRO_BENCH_RECEIVER_RUNS', 3);
const kiosks = Number(process.env.KERRO_BENCH_RECEIVER_KIOSKS ?? 30);
const answersPerKiosk = Number(process.env.KERRO_BENCH_RECEIVER_ANSWERS ?? 30_000);
/** Share of answers from children, on the children's poll, as a kiosk with the children's way sees them. */
const childShare = 0.08;
const targets = { importSeconds: 30, openSeconds: 1, reimportSeconds: 10, csvSeconds: 10, heapMb: 500, longTaskMs: 50 };
const headless = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The folders are made once per size and kept in the temp folder: the same bytes for every run. Returns the stick and its children's answers. */
async function stickWithFolders(progress: (message: string) => void): Promise<{ stick: string; childAnswers: number }> {
  const stick = join(tmpdir(), `kerro-bench-receiver-${kiosks}x${answersPerKiosk}-v3`, 'KINGSTON');
  const marker = join(stick, '..', 'complete.json');
  const made: unknown = await readFile(marker, 'utf8').then((text) => JSON.parse(text), () => null);
  const known = typeof made === 'object' && made !== null ? Reflect.get(made, 'childAnswers') : undefined;
  if (typeof known === 'number') return { stick, childAnswers: known };
  await rm(join(stick, '..'), { recursive: true, force: true });
  await mkdir(stick, { recursive: true });
  let childAnswers = 0;
  for (let index = 0; index < kiosks; index += 1) {
    const kioskId = `K-${String(index + 1).padStart(4, '0')}-BENCH`;
    const batch = sampleBatch({ answers: answersPerKiosk, seed: 1000 + index, kioskId, site: `Perhekeskus ${index + 1}`, childShare });
    childAnswers += batch.answers.filter((answer) => answer.audience === 'child').length;
    await writeExportFolder(stick, batch);
    if ((index + 1) % 10 === 0) progress(`receiver: folders written ${index + 1}/${kiosks}`);
  }
  await writeFile(marker, JSON.stringify({ childAnswers }));
  return { stick, childAnswers };
}

async function folderBytes(stick: string): Promise<number> {
  let bytes = 0;
  for (const folder of await readdir(stick)) bytes += (await stat(join(stick, folder, 'responses.json'))).size;
  return bytes;
}

/**
 * Long tasks on the page's main thread, as the browser itself reports them, and beside them the
 * long animation frames with the scripts that ran in them: which callback, in which function, for
 * how long, so a long task can be traced to its cause.
 */
const watchLongTasks = () => {
  const tasks: { start: number; duration: number }[] = [];
  const frames: { start: number; duration: number; blocking: number; scripts: string[] }[] = [];
  const picks: number[] = [];
  Reflect.set(window, 'kerroLongTasks', tasks);
  Reflect.set(window, 'kerroLongFrames', frames);
  Reflect.set(window, 'kerroPicks', picks);
  // When the browser hands a pick's files to the page: the task that fires this event is the one that made them.
  addEventListener('change', (event) => event.target instanceof HTMLInputElement && event.target.type === 'file' && picks.push(performance.now()), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const frame = entry.toJSON() as { blockingDuration?: number; scripts?: { invoker?: string; sourceFunctionName?: string; sourceCharPosition?: number; duration?: number }[] };
      const scripts = (frame.scripts ?? []).map((script) => `${script.invoker ?? '?'} → ${script.sourceFunctionName || '(anonymous)'}@${script.sourceCharPosition ?? -1} ${Math.round(script.duration ?? 0)} ms`);
      frames.push({ start: entry.startTime, duration: entry.duration, blocking: frame.blockingDuration ?? 0, scripts });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
};

interface LongFrame {
  duration: number;
  blocking: number;
  scripts: string[];
}

interface Step {
  seconds: number;
  longestTaskMs: number;
  /** The longest task that handed the page a pick's files (the browser making a File for each file), 0 if none was long. */
  pickTaskMs: number;
  /** The longest of the other tasks. */
  otherTaskMs: number;
  heapMb: number;
  /** The longest animation frame of the step, with what ran in it. */
  longestFrame: LongFrame | null;
}

/** Runs one step, sampling the page's JS heap (main thread) while it lasts and its long tasks after. */
async function measure(page: Page, work: () => Promise<void>): Promise<Step> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  let heap = 0;
  let isSampling = true;
  const sampler = (async () => {
    while (isSampling) {
      const { metrics } = await session.send('Performance.getMetrics');
      heap = Math.max(heap, metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  // On the page's own clock taken from its origin, so a step that reloads the page (a new clock from 0) keeps its tasks.
  const since = await page.evaluate(() => performance.timeOrigin + performance.now()).catch(() => 0);
  const startedAt = performance.now();
  await work();
  const seconds = (performance.now() - startedAt) / 1000;
  isSampling = false;
  await sampler;
  await session.detach();
  const { tasks, frames, picks } = await page.evaluate(
    (from) => ({
      picks: Reflect.get(window, 'kerroPicks') as number[],
      tasks: (Reflect.get(window, 'kerroLongTasks') as { start: number; duration: number }[]).filter((task) => performance.timeOrigin + task.start >= from),
      frames: (Reflect.get(window, 'kerroLongFrames') as (LongFrame & { start: number })[]).filter((frame) => performance.timeOrigin + frame.start >= from),
    }),
    since,
  );
  const longestFrame = frames.reduce<LongFrame | null>((longest, frame) => (longest === null || frame.duration > longest.duration ? frame : longest), null);
  const isPick = (task: { start: number; duration: number }) => picks.some((at) => at >= task.start && at <= task.start + task.duration);
  const longestOf = (list: { duration: number }[]) => Math.max(0, ...list.map((task) => task.duration));
  return {
    seconds,
    longestTaskMs: longestOf(tasks),
    pickTaskMs: longestOf(tasks.filter(isPick)),
    otherTaskMs: longestOf(tasks.filter((task) => !isPick(task))),
    heapMb: heap / 1e6,
    longestFrame,
  };
}

async function waitForImport(page: Page, round: number): Promise<void> {
  await page.locator(`.import-report[data-round="${round}"][data-done="true"]`).waitFor({ timeout: 600_000 });
}

/** The floor: the same files read and parsed in the same browser, kept nowhere. */
async function floorRun(browser: Browser, stick: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent('<input type="file" webkitdirectory multiple>');
  await page.evaluate(() => {
    const input = document.querySelector('input');
    const parseAll = async (files: readonly File[]) => {
      let answers = 0;
      for (const file of files) {
        if (file.name !== 'responses.json') continue;
        const parsed: unknown = JSON.parse(await file.text());
        answers += (Reflect.get(parsed as object, 'answers') as unknown[]).length;
      }
      document.body.dataset.answers = String(answers);
    };
    input?.addEventListener('change', () => void parseAll([...(input.files ?? [])]));
  });
  const startedAt = performance.now();
  await page.locator('input').setInputFiles(stick);
  await page.locator('body[data-answers]').waitFor({ timeout: 600_000 });
  const seconds = (performance.now() - startedAt) / 1000;
  await context.close();
  return seconds;
}

/**
 * The floor for long tasks: the same folder pick into a page holding only a hidden file input,
 * whose change handler keeps the files and clears the input, as the receiver's does. Its long
 * tasks are the browser's own, making a File for each file on the stick.
 */
async function barePickRun(browser: Browser, stick: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent('<input type="file" webkitdirectory multiple hidden>');
  await page.evaluate(() => {
    const tasks: number[] = [];
    Reflect.set(window, 'kerroLongTasks', tasks);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    const input = document.querySelector('input');
    input?.addEventListener('change', () => {
      document.body.dataset.files = String([...(input.files ?? [])].length);
      input.value = '';
    });
  });
  await page.locator('input').setInputFiles(stick);
  await page.locator('body[data-files]').waitFor({ state: 'attached', timeout: 600_000 });
  // Long-task entries are handed to observers after their task.
  await page.waitForTimeout(200);
  const longest = await page.evaluate(() => Math.max(0, ...(Reflect.get(window, 'kerroLongTasks') as number[])));
  await context.close();
  return longest;
}

interface ReceiverRun {
  floor: number;
  /** The longest task of the same pick into a bare page. */
  barePickMs: number;
  pick: Step;
  open: Step;
  reimport: Step;
  csv: Step;
  csvRows: number;
  total: string;
  /** What the children's part of the page says of their answers. */
  children: string;
  duplicates: number;
}

async function receiverRun(browser: Browser, projectRoot: string, stick: string): Promise<ReceiverRun> {
  const floor = await floorRun(browser, stick);
  const barePickMs = await barePickRun(browser, stick);
  const context = await browser.newContext({ locale: 'fi-FI', acceptDownloads: true });
  await context.addInitScript(watchLongTasks);
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(projectRoot, 'out', 'receiver', 'index.html')).href);
  await page.getByTestId('folder-picker').waitFor({ state: 'attached' });

  const pick = await measure(page, async () => {
    await page.getByTestId('folder-picker').setInputFiles(stick);
    await waitForImport(page, 1);
    await page.getByTestId('result-poll').first().waitFor();
  });
  const total = (await page.getByTestId('total').textContent()) ?? '';
  const children = (await page.getByTestId('children-results').locator('p').first().textContent()) ?? '';

  const open = await measure(page, async () => {
    await page.reload();
    await page.getByTestId('result-poll').first().waitFor({ timeout: 60_000 });
  });

  const reimport = await measure(page, async () => {
    await page.getByTestId('folder-picker').setInputFiles(stick);
    await waitForImport(page, 1);
  });
  const duplicates = (await page.getByTestId('import-report').locator('li').allTextContents()).filter((line) => line.includes('oli jo tallessa')).length;

  let saved = '';
  // From the click to the file saved by the browser; counting its lines, the bench's own check, is not timed.
  const csv = await measure(page, async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByRole('button', { name: 'Tallenna CSV (Excel)' }).click()]);
    saved = await download.path();
  });
  const csvRows = await countLines(saved);
  await context.close();
  return { floor, barePickMs, pick, open, reimport, csv, csvRows, total, children, duplicates };
}

/** Per step, the longest animation frame of all runs and the scripts that ran in it, longest first. */
function longestFrames(results: readonly ReceiverRun[]): string[] {
  const steps: [string, (result: ReceiverRun) => Step][] = [
    ['pick', (result) => result.pick],
    ['reopen', (result) => result.open],
    ['re-import', (result) => result.reimport],
    ['CSV', (result) => result.csv],
  ];
  return steps.map(([name, stepOf]) => {
    const frames = results.map((result) => stepOf(result).longestFrame).filter((frame) => frame !== null);
    const longest = frames.reduce<LongFrame | null>((worst, frame) => (worst === null || frame.duration > worst.duration ? frame : worst), null);
    if (longest === null) return `Longest animation frame, ${name}: none over 50 ms`;
    const scripts = longest.scripts.length === 0 ? 'no script (style, layout, paint or the browser itself)' : longest.scripts.slice(0, 3).join('; ');
    return `Longest animation frame, ${name}: ${Math.round(longest.duration)} ms (blocking ${Math.round(longest.blocking)} ms): ${scripts}`;
  });
}

async function countLines(path: string): Promise<number> {
  const { createReadStream } = await import('node:fs');
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    if (!(chunk instanceof Buffer)) continue;
    for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines += 1;
  }
  return lines;
}

export async function run({ projectRoot, progress }: BenchContext): Promise<BenchSection> {
  const { stick, childAnswers } = await stickWithFolders(progress);
  const bytes = await folderBytes(stick);
  const loadBefore = describeLoad('before');
  const browser = await chromium.launch({ executablePath: process.env.KERRO_CHROMIUM ?? '/usr/bin/chromium', args: headless });
  const results: ReceiverRun[] = [];
  try {
    for (let index = 0; index < runs; index += 1) {
      results.push(await receiverRun(browser, projectRoot, stick));
      progress(`receiver: run ${index + 1}/${runs} done`);
    }
  } finally {
    await browser.close();
  }
  const total = kiosks * answersPerKiosk;
  const seconds = (value: number) => `${value.toFixed(2)} s`;
  const ratio = (value: number) => `${value.toFixed(2)}×`;
  const ms = (value: number) => `${Math.round(value)} ms`;
  const mb = (value: number) => `${Math.round(value)} MB`;
  const step = (name: string, pick: (result: ReceiverRun) => Step, withFloor: boolean): string[] => [
    name,
    spread(results.map((result) => pick(result).seconds), seconds),
    withFloor ? spread(results.map((result) => pick(result).seconds / result.floor), ratio) : '',
    spread(results.map((result) => pick(result).longestTaskMs), ms),
    spread(results.map((result) => pick(result).pickTaskMs), ms),
    spread(results.map((result) => pick(result).otherTaskMs), ms),
    spread(results.map((result) => pick(result).heapMb), mb),
  ];
  const steps = (result: ReceiverRun) => [result.pick, result.open, result.reimport, result.csv];
  const worst = (pick: (result: ReceiverRun) => number) => Math.max(...results.map(pick));
  const longest = worst((result) => Math.max(...steps(result).map((one) => one.longestTaskMs)));
  const longestOther = worst((result) => Math.max(...steps(result).map((one) => one.otherTaskMs)));
  const barePick = worst((result) => result.barePickMs);
  const heap = worst((result) => Math.max(result.pick.heapMb, result.open.heapMb, result.reimport.heapMb, result.csv.heapMb));
  const checks: BenchCheck[] = [
    { label: `every answer counted once: the page shows ${total} from ${kiosks} kiosks in every run`, isMet: results.every((result) => result.total === `Yhteensä ${total} vastausta ${kiosks} laitteelta`), isRequired: true },
    {
      label: `children's answers apart: the children's part counts ${childAnswers}, in every run`,
      isMet: results.every((result) => result.children.startsWith(`${childAnswers} vastausta lapsilta`)),
      isRequired: true,
    },
    { label: `re-import adds nothing: all ${kiosks} folders reported as already kept, in every run`, isMet: results.every((result) => result.duplicates === kiosks), isRequired: true },
    { label: `the CSV holds every answer once (${total} rows and a header)`, isMet: results.every((result) => result.csvRows === total + 1), isRequired: true },
    { label: `all ${kiosks} folders in one pick ≤ ${targets.importSeconds} s (worst run ${seconds(worst((result) => result.pick.seconds))})`, isMet: worst((result) => result.pick.seconds) <= targets.importSeconds, isRequired: false },
    { label: `opening with ${total} stored → charts ≤ ${targets.openSeconds} s (worst run ${seconds(worst((result) => result.open.seconds))})`, isMet: worst((result) => result.open.seconds) <= targets.openSeconds, isRequired: false },
    { label: `re-import ≤ ${targets.reimportSeconds} s (worst run ${seconds(worst((result) => result.reimport.seconds))})`, isMet: worst((result) => result.reimport.seconds) <= targets.reimportSeconds, isRequired: false },
    { label: `CSV of the whole merge ≤ ${targets.csvSeconds} s (worst run ${seconds(worst((result) => result.csv.seconds))})`, isMet: worst((result) => result.csv.seconds) <= targets.csvSeconds, isRequired: false },
    { label: `no task on the page's main thread over ${targets.longTaskMs} ms (longest ${ms(longest)})`, isMet: longest <= targets.longTaskMs, isRequired: false },
    {
      label: `no task over ${targets.longTaskMs} ms apart from the browser making a pick's files (longest ${ms(longestOther)}; that task itself in a page holding only a file input: up to ${ms(barePick)})`,
      isMet: longestOther <= targets.longTaskMs,
      isRequired: false,
    },
    { label: `page heap ≤ ${targets.heapMb} MB (highest ${mb(heap)})`, isMet: heap <= targets.heapMb, isRequired: false },
  ];
  return {
    title: 'Receiver: thirty kiosks in one browser',
    notes: [
      `${kiosks} export folders × ${answersPerKiosk} answers (${total} in all, ${mb(bytes / 1e6)} of responses.json), written by the real batch writer (scripts/fixtures/sample-batch.ts): smiley answers with topics and comments, quick polls, some burst-flagged, and ${childAnswers} children's answers (${Math.round(childShare * 100)} %) on the children's faces poll`,
      `Debian's Chromium, headless, the built page opened from file:// as from a USB stick; ${runs} runs, each from an empty browser profile`,
      'Floor: the same browser reads the same responses.json files from one folder pick and parses them with JSON.parse, keeping nothing',
      'Long tasks: PerformanceObserver("longtask") on the page; "the pick\'s files" is the task in which the file input\'s change event fired, the one where the browser makes a File for each of the stick\'s files; its floor is the same pick into a page holding only a hidden file input; heap: the page\'s main-thread JS heap (CDP JSHeapUsedSize), sampled every 200 ms; the worker\'s heap is not in it',
      ...longestFrames(results),
      loadBefore,
      describeLoad('after'),
    ],
    tables: [
      {
        title: 'Steps (median of runs, lowest–highest)',
        columns: ['step', 'time', '÷ floor', 'longest main-thread task', 'of them: the pick\'s files', 'of them: the others', 'page heap (highest)'],
        rows: [
          ['floor: read and parse every responses.json', spread(results.map((result) => result.floor), seconds), '1.00×', '', '', '', ''],
          ['floor for tasks: the same pick into a page holding only a file input', '', '', '', spread(results.map((result) => result.barePickMs), ms), '', ''],
          step(`all ${kiosks} folders in one pick → charts`, (result) => result.pick, true),
          step(`reopen the page with ${total} stored → charts`, (result) => result.open, false),
          step(`the same ${kiosks} folders again (nothing added)`, (result) => result.reimport, true),
          step('CSV of the whole merge, saved', (result) => result.csv, true),
        ],
      },
    ],
    checks,
  };
}
