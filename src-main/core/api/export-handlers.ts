import type { PollPack } from '../../../src-shared/contract/poll-pack';
import { pollPackFileName } from '../../../src-shared/contract/poll-pack';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { KerroError } from '../errors';
import { TransferFailure } from '../export/export-failure';
import { summarize, type ExportRun, type ExportService } from '../export/export-service';
import { buildPollPack, importPollPack, previewPollPack, writePollPack, type OutcomeShelf, type PollShelf } from '../poll-pack/poll-pack';
import { readPollPack } from '../poll-pack/read-pack';
import type { FileSystem } from '../store/file-system';
import { toLocalIsoString, type Clock } from '../time';
import type { Handlers } from './handlers';
import { join } from 'node:path';

export interface ExportDependencies {
  exports: ExportService;
  polls: PollShelf;
  outcomes: OutcomeShelf;
  settings: () => { kioskId: string; siteName: string; defaultLanguage: LanguageCode };
  clock: Clock;
  /** Reaches the sticks; the tests put disk faults here. */
  targetFileSystem: FileSystem;
}

type ExportMethod =
  | 'exports.targets'
  | 'exports.batches'
  | 'exports.run'
  | 'exports.reexport'
  | 'exports.progress'
  | 'polls.previewPack'
  | 'polls.importPack'
  | 'polls.exportPack';

/** The staff area's USB methods: batches out, poll packs in and out. */
export function createExportHandlers(dependencies: ExportDependencies): Pick<Handlers, ExportMethod> {
  const { exports, polls, outcomes, settings, clock, targetFileSystem } = dependencies;

  /** A stick's trouble is told to staff in the kiosk's own language; the code stays for the screens. */
  const inKioskLanguage = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TransferFailure) throw new KerroError(error.code, error.localized(settings().defaultLanguage));
      throw error;
    }
  };

  const readPack = async (targetId: string): Promise<PollPack> => {
    const target = await exports.resolveTarget(targetId);
    return readPollPack(targetFileSystem, join(target.path, pollPackFileName));
  };

  return {
    'exports.targets': async () => ({ targets: await exports.targets() }),
    'exports.batches': async () => ({ batches: exports.batches(), unexported: exports.unexported, unsealed: exports.unsealed }),
    'exports.run': (input) =>
      inKioskLanguage(async () => describeRun(await exports.exportTo(await exports.resolveTarget(input.targetId), input.csvDialect))),
    'exports.reexport': (input) =>
      inKioskLanguage(async () => describeRun(await exports.reexportTo(await exports.resolveTarget(input.targetId), input.batchNumber))),
    'exports.progress': async () => exports.progress,
    'polls.previewPack': (input) => inKioskLanguage(async () => previewPollPack(await readPack(input.targetId), polls, settings().defaultLanguage)),
    'polls.importPack': (input) => inKioskLanguage(async () => importPollPack(await readPack(input.targetId), polls, outcomes)),
    'polls.exportPack': (input) =>
      inKioskLanguage(async () => {
        const target = await exports.resolveTarget(input.targetId);
        const { kioskId, siteName } = settings();
        const pack = buildPollPack(polls.all(), { kioskId, site: siteName }, toLocalIsoString(clock()), outcomes.all());
        const written = await writePollPack(targetFileSystem, target.path, target.name, pack, input.replace ?? false);
        return { target: target.name, file: pollPackFileName, bytes: written.bytes, polls: pack.polls.length };
      }),
  };
}

function describeRun(run: ExportRun) {
  return {
    target: run.target,
    written: run.written.map((folder) => ({ batch: summarize(folder.batch), folder: folder.folder, files: folder.manifest.files, printFailure: folder.printFailure })),
  };
}
