// The export bench (`npm run bench:export`, and a section of `npm run bench`): 100,000 stored
// answers sealed into one batch and written as a checked export folder, timed, with the memory
// it takes, in several runs. Runs the kiosk's own code in a child process so the figures are the
// export's alone, beside the floor for writing the same folder.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { StoredResponse } from '../src-shared/contract/responses';
import { defaultSegmentCapacity } from '../src-main/core/domain/response-book';
import { openKiosk } from '../src-main/core/kiosk';
import { silentLogger } from '../src-main/core/logger';
import { sealedName } from '../src-main/core/store/journal';
import { toLocalIsoString } from '../src-main/core/time';
import { startBusyCore } from './bench/busy-core.mjs';
import { describeLoad, describeMachine } from './bench/machine.mjs';
import { median, runCount, spread } from './bench/repeated.mjs';
import type { BenchContext, BenchSection } from './bench/section.mjs';
import { commentPoll } from './fixtures/export-kit';

const answerCount = Number(process.env.KERRO_BENCH_EXPORT_ANSWERS ?? 100_000);
/** A run is a few seconds on a quiet machine and a minute or more on a loaded one with a core busy: three keep the section short. */
const runs = runCount('KERRO_BENCH_EXPORT_RUNS', 3);
const targets = { seconds: 2, megabytes: 100 };
/** The target holds while the machine runs other work: another process keeps one core busy through every run (KERRO_BENCH_EXPORT_BUSY=0 leaves it out). */
const isCoreBusy = process.env.KERRO_BENCH_EXPORT_BUSY !== '0';

interface ChildFigures {
  answers: number;
  openSeconds: number;
  sealSeconds: number;
  writeSeconds: number;
  verifySeconds: number;
  /** The same files written, flushed, renamed and read back by plain calls (scripts/bench/export-floor.mts). */
  floorSeconds: number;
  isVerified: boolean;
  rssAfterOpenMb: number;
  peakRssMb: number;
  maxRssMb: number;
  heapAfterOpenMb: number;
  peakHeapMb: number;
  files: { name: string; megabytes: number }[];
}

const comments = [
  'Tosi kiva paikka, kiitos henkilökunnalle!',
  'Kahvi oli kylmää; voisiko termarin vaihtaa?',
  'Lapset tykkäsivät "satutuokiosta" kovasti.',
  'Enemmän istumapaikkoja imettäville, kiitos.\nJa lämpimämpi eteinen.',
  'Hyvä että on auki myös lauantaisin.',
];

/** A history like a busy year's: smiley answers, a third of them on a quick poll with topics and comments. */
async function writeHistory(dataDir: string, kioskId: string): Promise<void> {
  const answers = join(dataDir, 'answers');
  await mkdir(answers, { recursive: true });
  const start = new Date(2026, 0, 5, 9, 0, 0).getTime();
  const smileys = ['very-bad', 'bad', 'okay', 'good', 'very-good'];
  let seq = 1;
  for (let segment = 1; seq <= answerCount; segment += 1) {
    const lines: string[] = [];
    for (let line = 0; line < defaultSegmentCapacity && seq <= answerCount; line += 1, seq += 1) {
      const isQuickPoll = seq % 3 === 0;
      const response: StoredResponse = {
        id: randomUUID(),
        kioskId,
        seq,
        pollId: isQuickPoll ? 'coffee-corner' : 'council-feedback',
        pollVersion: 1,
        answer: { optionIds: [isQuickPoll ? (seq % 2 === 0 ? 'like' : 'dislike') : (smileys[seq % 5] ?? 'good')] },
        language: seq % 10 === 0 ? 'sv' : 'fi',
        answeredAt: toLocalIsoString(new Date(start + seq * 150_000)),
        flags: seq % 97 === 0 ? ['burst'] : [],
        topics: isQuickPoll ? ['coffee'] : [],
        comment: isQuickPoll ? `${comments[seq % comments.length] ?? ''} (${seq})` : null,
      };
      lines.push(`${JSON.stringify({ v: 1, type: 'response', response })}\n`);
    }
    await writeFile(join(answers, sealedName(segment)), lines.join(''));
  }
}

/** The kiosk with its history, never exported from: each run exports a copy of it. */
async function prepare(dataDir: string): Promise<void> {
  const kiosk = await openKiosk({ dataDir, version: 'bench', logger: silentLogger, exportTargets: async () => [] });
  await kiosk.pollShelf.addVersions([commentPoll(new Date())]);
  const { kioskId } = kiosk.health();
  await kiosk.close();
  await rm(join(dataDir, 'checkpoint'), { recursive: true, force: true });
  await writeHistory(dataDir, kioskId);
  // Opened once here, so the answers' state is built and checkpointed as a kiosk keeps it: each run then opens as a kiosk does, from the checkpoint.
  await (await openKiosk({ dataDir, version: 'bench', logger: silentLogger, exportTargets: async () => [] })).close();
}

/** One export of a fresh copy of the prepared kiosk to an empty stick, in a process of its own. */
async function exportCopy(child: string, template: string, runDir: string): Promise<ChildFigures> {
  const dataDir = join(runDir, 'data');
  const stick = join(runDir, 'stick');
  await cp(template, dataDir, { recursive: true });
  await mkdir(stick, { recursive: true });
  try {
    return await runChild(child, dataDir, stick);
  } finally {
    // Five copies of the kiosk would fill the disk; KERRO_BENCH_KEEP keeps them to look at.
    if (process.env.KERRO_BENCH_KEEP === undefined) await rm(runDir, { recursive: true, force: true });
  }
}

async function buildChild(projectRoot: string): Promise<string> {
  const outDir = join(projectRoot, 'node_modules', '.cache', 'kerro-bench', 'export-child');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: projectRoot,
    build: {
      ssr: join(projectRoot, 'scripts', 'bench', 'export-child.mts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'export-child.mjs' } },
    },
  });
  return join(outDir, 'export-child.mjs');
}

function runChild(child: string, dataDir: string, stick: string): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--expose-gc', child, dataDir, stick], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    process_.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    process_.on('error', reject);
    process_.on('close', (code) => {
      if (code !== 0) reject(new Error(`The export child ended with ${String(code)}`));
      else resolve(JSON.parse(output) as ChildFigures);
    });
  });
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

export async function run(context: BenchContext): Promise<BenchSection> {
  const root = await mkdtemp(join(process.env.KERRO_BENCH_DIR ?? tmpdir(), 'kerro-bench-export-'));
  try {
    const machine = await describeMachine(root);
    context.progress(`export: writing a history of ${answerCount} answers`);
    const template = join(root, 'template');
    await prepare(template);
    const child = await buildChild(context.projectRoot);
    const load = describeLoad('before the export');
    const figures: ChildFigures[] = [];
    const busy = isCoreBusy ? startBusyCore() : null;
    try {
      for (let index = 0; index < runs; index += 1) {
        context.progress(`export: run ${index + 1} of ${runs}, sealing and writing the batch`);
        figures.push(await exportCopy(child, template, join(root, `run-${index + 1}`)));
      }
    } finally {
      await busy?.stop();
    }
    const loadAfter = describeLoad('after it');
    const each = (figure: (run: ChildFigures) => number) => figures.map(figure);
    const exportSeconds = (run: ChildFigures) => run.sealSeconds + run.writeSeconds;
    const addedMb = (run: ChildFigures) => run.peakRssMb - run.rssAfterOpenMb;
    const seconds = (figure: (run: ChildFigures) => number) => spread(each(figure), (value) => fixed(value));
    const megabytes = (figure: (run: ChildFigures) => number) => spread(each(figure), (value) => fixed(value, 0));
    const ratio = (figure: (run: ChildFigures) => number) => spread(each((run) => figure(run) / run.floorSeconds), (value) => `${fixed(value)}×`);
    const exportMedian = median(each(exportSeconds));
    const addedMedian = median(each(addedMb));
    const peakMedian = median(each((run) => run.peakRssMb));
    const answers = each((run) => run.answers);
    const first = figures[0];
    return {
      title: `Export: ${answerCount.toLocaleString('en')} answers to a stick`,
      notes: [
        ...machine,
        `${load}; ${loadAfter.charAt(0).toLowerCase()}${loadAfter.slice(1)}`,
        'A third of the answers are on a quick poll with a topic and a comment; the rest are smiley answers.',
        'Export = seal (mask personal data, write the canonical batch, index it, and in the same pass make the folder’s CSV rows and tallies, as `exportTo` does) + write the folder (responses.json copied from the sealed batch with its hash checked, responses.csv, summary.html, report.html, manifest.json; each flushed; renamed; every file read back and hashed).',
        `${runs} runs (KERRO_BENCH_EXPORT_RUNS), each a fresh copy of the same kiosk exported to an empty folder in a new process; cells are the median run (lowest–highest run).`,
        'Floor: the same files, byte for byte, written to a new folder the way the kiosk writes them (each flushed, the folder flushed and renamed, its parent flushed) and read back and hashed, with nothing built or checked; timed in the same process right after the export. Ratios to it are computed run by run.',
        'The stick is a folder on the same disk as the data. A real USB stick writes far slower: the figures show the kiosk’s own cost.',
        'Memory is measured in a child process that holds the kiosk; the export’s own share is the peak above the opened kiosk. The seal reads the answers it takes from the journal; the kiosk holds none of them.',
        isCoreBusy
          ? 'Another process keeps one core busy through every run (a spinning loop started by the bench; KERRO_BENCH_EXPORT_BUSY=0 leaves it out), so the export has the rest of the machine, as on a kiosk doing other work.'
          : 'No busy process beside the runs (KERRO_BENCH_EXPORT_BUSY=0).',
      ],
      tables: [
        {
          title: 'Time, seconds: median run (lowest–highest run)',
          columns: ['step', 'seconds', '÷ floor'],
          rows: [
            ['open the kiosk (from its checkpoint)', seconds((run) => run.openSeconds), '—'],
            ['seal the batch', seconds((run) => run.sealSeconds), '—'],
            ['write, flush, rename, read back and check the folder', seconds((run) => run.writeSeconds), ratio((run) => run.writeSeconds)],
            ['**export (seal + write)**', `**${seconds(exportSeconds)}**`, ratio(exportSeconds)],
            ['floor: the same files written, flushed, renamed, read back and hashed', seconds((run) => run.floorSeconds), '1.00×'],
            ['kerro verify of the folder', seconds((run) => run.verifySeconds), '—'],
          ],
        },
        {
          title: 'Memory (MB): median run (lowest–highest run)',
          columns: ['measure', 'MB'],
          rows: [
            ['resident, kiosk opened, before export', megabytes((run) => run.rssAfterOpenMb)],
            ['resident, peak during export (sampled)', megabytes((run) => run.peakRssMb)],
            ['**added by the export (peak above the opened kiosk)**', `**${megabytes(addedMb)}**`],
            ['JS heap, kiosk opened', megabytes((run) => run.heapAfterOpenMb)],
            ['JS heap, peak during export', megabytes((run) => run.peakHeapMb)],
            ['whole process high-water mark (getrusage), opening included', megabytes((run) => run.maxRssMb)],
          ],
        },
        {
          title: 'Files written (the first run; every run exports the same answers)',
          columns: ['file', 'MB'],
          rows: (first?.files ?? []).map((file) => [file.name, fixed(file.megabytes, 1)]),
        },
      ],
      checks: [
        { label: `export of ${answerCount} answers ≤ ${targets.seconds} s${isCoreBusy ? ' with one core busy' : ''} (median ${fixed(exportMedian)} s of ${runs} runs; ${fixed(median(each((run) => exportSeconds(run) / run.floorSeconds)))}× the floor)`, isMet: exportMedian <= targets.seconds, isRequired: false },
        { label: `memory added by the export ≤ ${targets.megabytes} MB (median ${fixed(addedMedian, 0)} MB)`, isMet: addedMedian <= targets.megabytes, isRequired: false },
        {
          label: `whole kiosk process during export ≤ ${targets.megabytes} MB resident (median peak ${fixed(peakMedian, 0)} MB)`,
          isMet: peakMedian <= targets.megabytes,
          isRequired: false,
        },
        { label: `the written folder passes kerro verify (${figures.filter((run) => run.isVerified).length} of ${runs} runs)`, isMet: figures.every((run) => run.isVerified), isRequired: true },
        {
          label: `every answer is in the batch (${Math.min(...answers)}–${Math.max(...answers)} of ${answerCount}, every run)`,
          isMet: answers.every((count) => count === answerCount),
          isRequired: true,
        },
      ],
    };
  } finally {
    if (process.env.KERRO_BENCH_KEEP === undefined) await rm(root, { recursive: true, force: true });
    else context.progress(`export: kept ${root}`);
  }
}
