import { resolve } from 'node:path';
import { csvDialects, type CsvDialect } from '../../../src-shared/contract/batch-format';
import type { ExportRun } from '../../core/offline-kiosk';
import { exitCodes, type Command, type CommandIo } from '../command';
import { readCommandLine } from '../command-line';
import { openKioskData, versionOfThisBuild } from '../kiosk-data';

const usage = `kerro export --data DIR --to DIR [--csv finnish-excel|comma] [--batch N]

Seals every answer not yet in a batch into the next batch and writes each batch that has not
reached a stick yet into DIR as Kerro_<site>_<date>_batch<N>/ (responses.csv, responses.json,
summary.html, manifest.json). The folder is written as .incomplete, flushed, renamed, and read
back; only then is the batch marked exported. The same code runs behind the staff screen.
  --csv      the CSV dialect for the new batch: finnish-excel (default: ; and d.m.yyyy) or comma
  --batch N  write batch N again instead, byte for byte as the first time
Stop the kiosk first: two programs must not write one data folder.`;

async function run(args: string[], io: CommandIo): Promise<number> {
  const commandLine = readCommandLine(
    args,
    {
      options: { data: { type: 'string' }, to: { type: 'string' }, csv: { type: 'string' }, batch: { type: 'string' }, help: { type: 'boolean' } },
      allowPositionals: false,
    },
    usage,
    io,
  );
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values } = commandLine;
  if (values.data === undefined || values.to === undefined) {
    io.stderr.write(`--data and --to are both required.\n\n${usage}\n`);
    return exitCodes.usage;
  }
  const dialect = parseDialect(values.csv);
  const batchNumber = values.batch === undefined ? null : Number(values.batch);
  if (dialect === null || (batchNumber !== null && !(Number.isSafeInteger(batchNumber) && batchNumber >= 1))) {
    io.stderr.write(`${dialect === null ? `--csv must be one of: ${csvDialects.join(', ')}` : '--batch must be a batch number'}\n`);
    return exitCodes.usage;
  }
  const opened = await openKioskData(values.data, io);
  if (opened === null) return exitCodes.usage;
  const { kiosk } = opened;
  const started = performance.now();
  const destination = resolve(values.to);
  try {
    const result = batchNumber === null ? await kiosk.exportTo(destination, dialect) : await kiosk.reexportTo(destination, batchNumber);
    if (!result.ok) {
      io.stderr.write(`Not exported: ${result.reason}\n`);
      return exitCodes.failed;
    }
    io.stdout.write(describe(result.value, (performance.now() - started) / 1000, versionOfThisBuild()));
    return exitCodes.done;
  } finally {
    await kiosk.close();
  }
}

function parseDialect(value: string | undefined): CsvDialect | null {
  if (value === undefined) return 'finnish-excel';
  return csvDialects.find((dialect) => dialect === value) ?? null;
}

function describe(result: ExportRun, seconds: number, version: string): string {
  const lines = result.written.map(({ batch, path }) => {
    const range = `answers ${batch.seqFrom}–${batch.seqTo}`;
    return `Batch ${batch.number} (${batch.count} answers, ${range}) written and checked: ${path}\n  hash ${batch.hash}\n`;
  });
  return `${lines.join('')}Done in ${seconds.toFixed(2)} s by Kerro ${version}.\n`;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Seal new answers into a batch and write it to a folder or stick, checked.',
  usage,
  run,
};
