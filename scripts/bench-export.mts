// The export bench (`npm run bench:export`, and a section of `npm run bench`): 100,000 stored
// answers sealed into one batch and written as a checked export folder, timed, with the memory
// it takes. Runs the kiosk's own code in a child process so the figures are the export's alone.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { StoredResponse } from '../src-shared/contract/responses';
import { defaultSegmentCapacity } from '../src-main/core/domain/response-book';
import { openKiosk } from '../src-main/core/kiosk';
import { silentLogger } from '../src-main/core/logger';
import { sealedName } from '../src-main/core/store/journal';
import { toLocalIsoString } from '../src-main/core/time';
import { describeLoad, describeMachine } from './bench/machine.mjs';
import type { BenchContext, BenchSection } from './bench/section.mjs';
import { commentPoll } from '../tests/support/export-kit';

const answerCount = Number(process.env.KERRO_BENCH_EXPORT_ANSWERS ?? 100_000);
const targets = { seconds: 2, megabytes: 100 };

interface ChildFigures {
  answers: number;
  openSeconds: number;
  sealSeconds: number;
  writeSeconds: number;
  verifySeconds: number;
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

async function prepare(root: string): Promise<{ dataDir: string; stick: string }> {
  const dataDir = join(root, 'data');
  const stick = join(root, 'stick');
  await mkdir(stick, { recursive: true });
  const kiosk = await openKiosk({ dataDir, version: 'bench', logger: silentLogger, exportTargets: async () => [] });
  await kiosk.pollShelf.addVersions([commentPoll(new Date())]);
  const { kioskId } = kiosk.health();
  await kiosk.close();
  await writeHistory(dataDir, kioskId);
  return { dataDir, stick };
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
    const { dataDir, stick } = await prepare(root);
    const child = await buildChild(context.projectRoot);
    context.progress('export: sealing and writing the batch');
    const load = describeLoad('before the export');
    const figures = await runChild(child, dataDir, stick);
    const exportSeconds = figures.sealSeconds + figures.writeSeconds;
    const addedMb = figures.peakRssMb - figures.rssAfterOpenMb;
    return {
      title: `Export: ${figures.answers.toLocaleString('en')} answers to a stick`,
      notes: [
        ...machine,
        load,
        'A third of the answers are on a quick poll with a topic and a comment; the rest are smiley answers.',
        'Export = seal (mask personal data, write the canonical batch, index it) + write the folder (responses.json, responses.csv, summary.html, manifest.json; each flushed; renamed; every file read back and hashed).',
        'The stick is a folder on the same disk as the data. A real USB stick writes far slower: the figures show the kiosk’s own cost.',
        'Memory is measured in a child process that holds the kiosk: every stored answer sits in memory by design (the response book), so the whole-process peak includes them; the export’s own share is the peak above the opened kiosk.',
      ],
      tables: [
        {
          title: 'Time',
          columns: ['step', 'seconds'],
          rows: [
            ['open the kiosk (read and check every answer)', fixed(figures.openSeconds)],
            ['seal the batch', fixed(figures.sealSeconds)],
            ['write, flush, rename, read back and check the folder', fixed(figures.writeSeconds)],
            ['**export (seal + write)**', `**${fixed(exportSeconds)}**`],
            ['kerro verify of the folder', fixed(figures.verifySeconds)],
          ],
        },
        {
          title: 'Memory (MB)',
          columns: ['measure', 'MB'],
          rows: [
            ['resident, kiosk opened, before export', fixed(figures.rssAfterOpenMb, 0)],
            ['resident, peak during export (sampled)', fixed(figures.peakRssMb, 0)],
            ['**added by the export (peak above the opened kiosk)**', `**${fixed(addedMb, 0)}**`],
            ['JS heap, kiosk opened → peak during export', `${fixed(figures.heapAfterOpenMb, 0)} → ${fixed(figures.peakHeapMb, 0)}`],
            ['whole process high-water mark (getrusage), opening included', fixed(figures.maxRssMb, 0)],
          ],
        },
        {
          title: 'Files written',
          columns: ['file', 'MB'],
          rows: figures.files.map((file) => [file.name, fixed(file.megabytes, 1)]),
        },
      ],
      checks: [
        { label: `export of ${figures.answers} answers ≤ ${targets.seconds} s (took ${fixed(exportSeconds)} s)`, isMet: exportSeconds <= targets.seconds, isRequired: false },
        { label: `memory added by the export ≤ ${targets.megabytes} MB (took ${fixed(addedMb, 0)} MB)`, isMet: addedMb <= targets.megabytes, isRequired: false },
        {
          label: `whole kiosk process during export ≤ ${targets.megabytes} MB resident (peak ${fixed(figures.peakRssMb, 0)} MB)`,
          isMet: figures.peakRssMb <= targets.megabytes,
          isRequired: false,
        },
        { label: 'the written folder passes kerro verify', isMet: figures.isVerified, isRequired: true },
        { label: `every answer is in the batch (${figures.answers} of ${answerCount})`, isMet: figures.answers === answerCount, isRequired: true },
      ],
    };
  } finally {
    if (process.env.KERRO_BENCH_KEEP === undefined) await rm(root, { recursive: true, force: true });
    else context.progress(`export: kept ${root}`);
  }
}
