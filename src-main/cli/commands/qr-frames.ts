import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { qrMatrix, rasterize, type ErrorCorrection } from '../../../src-shared/qr/qr-image';
import { qrFramesOfBatch } from '../../core/offline-kiosk';
import { exitCodes, type Command, type CommandIo } from '../command';
import { readCommandLine } from '../command-line';

const usage = `kerro qr-frames --data DIR --batch N --out DIR [--scale PX] [--large]

Writes the QR codes the kiosk shows for sealed batch N, in showing order, as
frame-0001.png, frame-0002.png, … (the order repeats on the kiosk), and the one-frame
summary as summary.png and summary.txt. --scale is pixels per QR module (default 4);
--large writes the kiosk's "Larger code": fewer bytes per frame, more frames.
For support, and to print a batch on paper: \`kerro receive\` reads the frames back.`;

async function run(args: string[], io: CommandIo): Promise<number> {
  const commandLine = readCommandLine(args, { options: { data: { type: 'string' }, batch: { type: 'string' }, out: { type: 'string' }, scale: { type: 'string' }, large: { type: 'boolean' }, help: { type: 'boolean' } }, allowPositionals: false }, usage, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values } = commandLine;
  const batchNumber = Number(values.batch);
  const scale = Number(values.scale ?? '4');
  if (values.data === undefined || values.out === undefined || !Number.isInteger(batchNumber) || batchNumber < 1) {
    io.stderr.write(`--data, --out and --batch (a batch number) are required.\n\n${usage}\n`);
    return exitCodes.usage;
  }
  if (!Number.isInteger(scale) || scale < 1 || scale > 20) {
    io.stderr.write('--scale must be a whole number of pixels from 1 to 20.\n');
    return exitCodes.usage;
  }
  const frames = await qrFramesOfBatch(resolve(values.data), batchNumber, values.large === true ? 'large' : 'standard');
  if (!frames.ok) {
    io.stderr.write(`${'known' in frames ? noSuchBatch(batchNumber, values.data, frames.known) : frames.reason}\n`);
    return exitCodes.failed;
  }
  const transfer = frames.value;
  await mkdir(values.out, { recursive: true });
  const digits = Math.max(4, String(transfer.frames.length).length);
  for (const [index, frame] of transfer.frames.entries()) {
    await writePng(join(values.out, `frame-${String(index + 1).padStart(digits, '0')}.png`), frame, transfer.errorCorrection, scale);
  }
  // The summary is read by phones' own camera apps, which cope better with a little more correction.
  await writePng(join(values.out, 'summary.png'), transfer.summary, 'M', scale);
  await writeFile(join(values.out, 'summary.txt'), `${transfer.summary}\n`);
  io.stdout.write(
    `Batch ${batchNumber} (${transfer.count} answers, ${transfer.payloadBytes} bytes): ${transfer.frames.length} frames in ${values.out}; ` +
      `any ${transfer.fragmentCount} or a few more of them rebuild it. Shown at ${transfer.framesPerSecond} per second on the kiosk.\n`,
  );
  return exitCodes.done;
}

function noSuchBatch(batchNumber: number, dataDir: string, known: readonly number[]): string {
  const range = known.length === 0 ? 'no batches sealed yet' : `batches ${known[0]}–${known.at(-1)}`;
  return `There is no batch ${batchNumber} in ${dataDir} (${range}).`;
}

async function writePng(path: string, text: string, errorCorrection: ErrorCorrection, scale: number): Promise<void> {
  const raster = rasterize(qrMatrix(text, errorCorrection), scale);
  const png = new PNG({ width: raster.width, height: raster.height });
  png.data.set(raster.data);
  await writeFile(path, PNG.sync.write(png, { colorType: 0 }));
}

export const qrFramesCommand: Command = {
  name: 'qr-frames',
  summary: 'Write the QR frames the kiosk shows for a batch as numbered PNG files.',
  usage,
  run,
};
