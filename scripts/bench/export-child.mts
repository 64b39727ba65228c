// Runs in its own process so its memory is the export's and the kiosk's alone, not the bench
// runner's (which has Vite loaded). Prints one JSON line with the figures.
import { openKiosk } from '../../src-main/core/kiosk';
import { silentLogger } from '../../src-main/core/logger';
import { defaultCsvDialect } from '../../src-main/core/stick/export-service';
import { verifyExportFolders } from '../../src-main/core/stick/verify';
import { readFolder, timeFloor } from './export-floor.mjs';

const [dataDir = '', stick = ''] = process.argv.slice(2);
const megabytes = (bytes: number) => bytes / 2 ** 20;

const openStarted = performance.now();
const kiosk = await openKiosk({ dataDir, version: 'bench', logger: silentLogger, exportTargets: async () => [] });
const openSeconds = (performance.now() - openStarted) / 1000;
globalThis.gc?.();
const before = process.memoryUsage();
let peakRss = before.rss;
let peakHeap = before.heapUsed;
// The resident size alone every 2 ms (cheap), the heap every 20th time: a full memoryUsage()
// every 2 ms walks the heap's spaces and cost half a second of a loaded export in a profile.
let samples = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  samples += 1;
  if (samples % 20 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 2);

const sealStarted = performance.now();
// Sealed as `exportTo` seals: with the folder's content made in the same pass, for the write that follows.
const sealed = await kiosk.exports.seal(defaultCsvDialect, { isFolderDrafted: true });
const sealSeconds = (performance.now() - sealStarted) / 1000;
const writeStarted = performance.now();
const run = await kiosk.exports.exportTo({ path: stick, name: 'bench' });
const writeSeconds = (performance.now() - writeStarted) / 1000;
clearInterval(sampler);
const after = process.memoryUsage();
peakRss = Math.max(peakRss, after.rss);
peakHeap = Math.max(peakHeap, after.heapUsed);
const folder = run.written[0];

const verifyStarted = performance.now();
const report = await verifyExportFolders(folder === undefined ? [] : [folder.path]);
const verifySeconds = (performance.now() - verifyStarted) / 1000;
await kiosk.close();
// After the export, so the floor's memory and disk work touch none of the export's figures.
const floorSeconds = folder === undefined ? Number.NaN : await timeFloor(await readFolder(folder.path), stick, 'floor');

process.stdout.write(
  `${JSON.stringify({
    answers: sealed?.count ?? 0,
    openSeconds,
    sealSeconds,
    writeSeconds,
    verifySeconds,
    floorSeconds,
    isVerified: report.isOk,
    rssAfterOpenMb: megabytes(before.rss),
    peakRssMb: megabytes(peakRss),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapAfterOpenMb: megabytes(before.heapUsed),
    peakHeapMb: megabytes(peakHeap),
    files: folder?.manifest.files.map((file) => ({ name: file.name, megabytes: megabytes(file.bytes) })) ?? [],
  })}\n`,
);
