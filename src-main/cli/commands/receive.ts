import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { BatchRefused, openTransferredBatch } from '../../../src-shared/qr/batch-intake';
import { FrameReceiver } from '../../../src-shared/qr/frame-receiver';
import { exitCodes, type Command, type CommandIo } from '../command';
import { readCommandLine } from '../command-line';

const usage = `kerro receive [--out FILE] FRAME.png...

Rebuilds a batch from pictures of its QR frames, in any order, some missing (as written by
\`kerro qr-frames\`, or photographed from paper). Checks the batch hash, then writes the batch's
responses.json to --out, or to standard output. Pictures that are not Kerro frames are skipped.`;

const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function run(args: string[], io: CommandIo): Promise<number> {
  const commandLine = readCommandLine(args, { options: { out: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true }, usage, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values, positionals: files } = commandLine;
  if (files.length === 0) {
    io.stderr.write(`Name at least one picture.\n\n${usage}\n`);
    return exitCodes.usage;
  }
  await prepareReader();
  const receiver = new FrameReceiver();
  let skipped = 0;
  for (const file of files) {
    // zxing decodes PNG and JPEG itself.
    const results = await readBarcodes(await readFile(file), { formats: ['QRCode'] });
    const texts = results.filter((result) => result.isValid).map((result) => result.text);
    if (texts.length === 0) skipped += 1;
    for (const text of texts) {
      const outcome = receiver.receive(text);
      if (outcome.kind === 'ignored') {
        skipped += 1;
        continue;
      }
      if (outcome.kind !== 'complete') continue;
      try {
        const batch = await openTransferredBatch(outcome.payload, sha256);
        if (values.out === undefined) io.stdout.write(batch.canonical);
        else await writeFile(values.out, batch.canonical);
        io.stderr.write(
          `Batch ${batch.header.number} of kiosk ${batch.header.kioskId}: ${batch.header.count} answers, hash ${batch.sha256} checked` +
            `${values.out === undefined ? '' : `, written to ${values.out}`}.\n`,
        );
        return exitCodes.done;
      } catch (error) {
        if (error instanceof BatchRefused) {
          io.stderr.write(`Refused: ${error.message}\n`);
          return exitCodes.failed;
        }
        throw error;
      }
    }
  }
  io.stderr.write(`Not enough frames to rebuild a batch (${files.length} pictures, ${skipped} without a Kerro frame). Add more frames.\n`);
  return exitCodes.failed;
}

/** zxing-wasm would fetch its .wasm from a CDN; the CLI reads the copy in node_modules. */
async function prepareReader(): Promise<void> {
  const wasm = await readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
    fireImmediately: true,
  });
}

export const receiveCommand: Command = {
  name: 'receive',
  summary: 'Rebuild a batch from PNG pictures of its QR frames, in any order.',
  usage,
  run,
};
