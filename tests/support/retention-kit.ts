import { mkdir, readdir } from 'node:fs/promises';
import type { PathLike } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PollBook } from '../../src-main/core/domain/poll-book';
import { ResponseBook } from '../../src-main/core/domain/response-book';
import { ExportService } from '../../src-main/core/stick/export-service';
import { configuredTargets } from '../../src-main/core/stick/targets';
import { PurgeLedger } from '../../src-main/core/retention/purge-ledger';
import { RetentionPurge } from '../../src-main/core/retention/retention-purge';
import { StoreContext } from '../../src-main/core/store/store-context';
import { toLocalIsoString, type Clock } from '../../src-main/core/time';
import type { Kiosk, KioskOptions } from '../../src-main/core/kiosk';
import { silentLogger, type LogFields, type Logger } from '../../src-main/core/logger';
import { nodeFileSystem, type FileSystem } from '../../src-main/core/store/file-system';
import { testSettings } from '../../scripts/fixtures/export-kit';
import { call, openTestKiosk, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { manualClock, openSetUpKiosk } from './staff';
import { makeTempDir } from './temp-dir';

export const dayMs = 24 * 60 * 60 * 1000;

export interface LoggedEvent {
  level: 'info' | 'warn' | 'error';
  event: string;
  fields: LogFields;
}

export function recordingLogger(): Logger & { events: LoggedEvent[] } {
  const events: LoggedEvent[] = [];
  const record = (level: LoggedEvent['level']) => (event: string, fields: LogFields = {}) => {
    events.push({ level, event, fields });
  };
  return { events, info: record('info'), warn: record('warn'), error: record('error') };
}

/** A stick that, while `isForgetful`, loses a file after the folder is renamed, so the read-back fails. */
export function switchableStick(state: { isForgetful: boolean }): FileSystem {
  return {
    ...nodeFileSystem,
    rename: async (from: PathLike, to: PathLike) => {
      await nodeFileSystem.rename(from, to);
      if (state.isForgetful && String(from).endsWith('.incomplete')) await writeFile(join(String(to), 'responses.csv'), 'lost\r\n');
    },
  };
}

export interface RetentionKit {
  dataDir: string;
  stick: string;
  clock: ReturnType<typeof manualClock>;
  logger: ReturnType<typeof recordingLogger>;
  stickState: { isForgetful: boolean };
  kiosk: Kiosk;
  /** Stores `count` answers to the standing question; returns their numbers. */
  answer(count: number): Promise<number[]>;
  /** Seals new answers and writes every unexported batch to the stick, read back and checked. */
  exportAll(): ReturnType<Kiosk['exports']['exportTo']>;
  /** Closes the kiosk and opens it again on the same data, with the same clock. */
  reopen(): Promise<Kiosk>;
  segments(): Promise<string[]>;
  batchFiles(): Promise<string[]>;
}

/** Small journal segments (4 lines), so a few answers span several segment files. */
export const segmentCapacity = 4;

export async function openRetentionKit(options: Partial<KioskOptions> = {}): Promise<RetentionKit> {
  const dataDir = await makeTempDir();
  const stick = join(await makeTempDir(), 'STICK');
  await mkdir(stick);
  const clock = manualClock();
  const logger = recordingLogger();
  const stickState = { isForgetful: false };
  const kioskOptions: Partial<KioskOptions> = {
    clock: clock.clock,
    logger,
    segmentCapacity,
    exportTargets: configuredTargets({ KERRO_EXPORT_DIRS: `folder=${stick}` }),
    targetFileSystem: switchableStick(stickState),
    ...options,
  };
  const kit: RetentionKit = {
    dataDir,
    stick,
    clock,
    logger,
    stickState,
    kiosk: await openSetUpKiosk(dataDir, kioskOptions),
    async answer(count) {
      const numbers: number[] = [];
      for (let index = 0; index < count; index += 1) {
        const stored = valueOf(await call(kit.kiosk, 'responses.submit', standingAnswer('good'))) as { seq: number };
        numbers.push(stored.seq);
      }
      return numbers;
    },
    exportAll: () => kit.kiosk.exports.exportTo({ path: stick, name: 'STICK' }),
    async reopen() {
      await kit.kiosk.close();
      kit.kiosk = await openTestKiosk(dataDir, kioskOptions);
      return kit.kiosk;
    },
    segments: async () => (await readdir(join(dataDir, 'answers'))).sort(),
    // A kept report's name carries its batch's hash; shown without it, to compare by number.
    batchFiles: async () =>
      (await readdir(join(dataDir, 'batches')))
        .filter((name) => name.endsWith('.json') || name.endsWith('.report.html'))
        .map((name) => name.replace(/\.[0-9a-f]{16}\.report\.html$/, '.report.html'))
        .sort(),
  };
  return kit;
}

export interface RetentionParts {
  context: StoreContext;
  ledger: PurgeLedger;
  responses: ResponseBook;
  exports: ExportService;
  purge: RetentionPurge;
  /** Stores one answer to the standing question, as the kiosk does. */
  answer(): Promise<string>;
  close(): Promise<void>;
}

/** The store, export and purge as the kiosk wires them, without the rest of the kiosk, so a test can see every stored answer. */
export async function openRetentionParts(
  dataDir: string,
  options: { clock: Clock; stickFileSystem: FileSystem; retentionDays: () => number },
): Promise<RetentionParts> {
  const context = new StoreContext(dataDir, nodeFileSystem, options.clock, silentLogger);
  await context.prepare();
  const ledger = await PurgeLedger.open(context);
  const responses = await ResponseBook.open(context, segmentCapacity, ledger.floorSeq);
  const polls = await PollBook.open(context);
  const exports = await ExportService.open({
    context,
    responses,
    findPoll: (id, version) => polls.find(id, version),
    settings: () => testSettings,
    appVersion: '0.0.0-test',
    clock: options.clock,
    targets: configuredTargets({}),
    targetFileSystem: options.stickFileSystem,
    purged: ledger,
  });
  const purge = new RetentionPurge({ context, ledger, responses, batches: exports, retentionDays: options.retentionDays, clock: options.clock });
  return {
    context,
    ledger,
    responses,
    exports,
    purge,
    async answer() {
      const stored = await responses.submit({
        kioskId: testSettings.kioskId,
        pollId: 'council-feedback',
        pollVersion: 1,
        answer: { optionIds: ['good'] },
        language: 'fi',
        answeredAt: toLocalIsoString(options.clock()),
        flags: [],
      });
      return stored.id;
    },
    close: async () => {
      await purge.stop();
      await exports.close();
      await responses.close();
    },
  };
}
