import { randomUUID } from 'node:crypto';
import type { Health } from '../../src-shared/contract/kiosk';
import type { Low } from 'lowdb';
import type { Handlers, KioskApi } from './api/handlers';
import { createCouncilHandlers } from './api/council-handlers';
import { createExportHandlers } from './api/export-handlers';
import { createQrHandlers } from './api/qr-handlers';
import { createStaffHandlers, type ExportStatus } from './api/staff-handlers';
import { defaultKioskDocument, kioskDocumentSpec, type KioskDocument } from './domain/kiosk-settings';
import { BurstDetector } from './domain/burst-detector';
import { OutcomeBook } from './domain/outcome-book';
import { checkAnswer, PollBook } from './domain/poll-book';
import { ResponseBook } from './domain/response-book';
import { KerroError } from './errors';
import { ExportService } from './export/export-service';
import { PurgeLedger } from './retention/purge-ledger';
import { RetentionPurge } from './retention/retention-purge';
import type { PdfPrinter } from './export/pdf-printer';
import { configuredTargets, type TargetSource } from './export/targets';
import { createStderrLogger, type Logger } from './logger';
import { StaffAuth } from './staff/staff-auth';
import type { defaultPinCost } from './staff/pin-hash';
import { openDocument } from './store/document';
import { nodeFileSystem, type FileSystem } from './store/file-system';
import { StoreContext } from './store/store-context';
import { systemClock, toLocalIsoString, type Clock } from './time';

export interface KioskOptions {
  dataDir: string;
  version: string;
  clock?: Clock;
  fileSystem?: FileSystem;
  logger?: Logger;
  segmentCapacity?: number;
  /** scrypt cost for the staff PIN; tests may lower it, the kiosk never does. */
  pinCost?: typeof defaultPinCost;
  /** Where exports can go; by default the folders in KERRO_EXPORT_DIRS. The Electron shell adds USB drives. */
  exportTargets?: TargetSource;
  /** Reaches the sticks; the tests put disk faults here. */
  targetFileSystem?: FileSystem;
  /** The built receiver page (index.html, receiver.js, receiver.css), copied into every export folder. */
  receiverDir?: string;
  /** Prints an HTML page to an A4 PDF where the shell can (Electron); the export then adds summary.pdf and report.pdf. */
  pdfPrinter?: PdfPrinter;
  /** How often the retention purge runs while the kiosk is open; tests shorten it. */
  purgeIntervalMs?: number;
}

export interface Kiosk extends KioskApi {
  readonly handlers: Handlers;
  readonly logger: Logger;
  /** Batches and USB export, for the command line; the screens reach it through the handlers. */
  readonly exports: ExportService;
  /** Poll versions as poll packs see them, for the command line. */
  readonly pollShelf: PollBook;
  /** "You said, we did" outcomes, for poll packs on the command line. */
  readonly outcomeShelf: OutcomeBook;
  /** The retention purge; it runs by itself at open and then periodically. */
  readonly retention: RetentionPurge;
  health(): Health;
  close(): Promise<void>;
}

/** A follow-up belongs to the visit it came from; later additions would rewrite history. */
const followUpWindowMs = 15 * 60_000;

export async function openKiosk(options: KioskOptions): Promise<Kiosk> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createStderrLogger();
  const context = new StoreContext(options.dataDir, options.fileSystem ?? nodeFileSystem, clock, logger);
  await context.prepare();
  const ledger = await PurgeLedger.open(context);
  const responses = await ResponseBook.open(context, options.segmentCapacity, ledger.floorSeq);
  const settings = await openSettings(context, responses);
  const polls = await PollBook.open(context);
  const outcomes = await OutcomeBook.open(context);
  const startedAt = clock().toISOString();
  const bursts = new BurstDetector();
  const settingsData = () => settings.data;
  const auth = new StaffAuth(settings, { clock, pinCost: options.pinCost });
  const exportService = await ExportService.open({
    context,
    responses,
    findPoll: (id, version) => polls.find(id, version),
    settings: settingsData,
    appVersion: options.version,
    clock,
    targets: options.exportTargets ?? configuredTargets(),
    targetFileSystem: options.targetFileSystem ?? nodeFileSystem,
    receiverDir: options.receiverDir,
    pdfPrinter: options.pdfPrinter,
    purged: ledger,
  });
  const retention = new RetentionPurge({
    context,
    ledger,
    responses,
    batches: exportService,
    retentionDays: () => settingsData().retentionDays,
    clock,
  });
  const exports: ExportStatus = { unexported: () => exportService.unexported, lastExportAt: () => exportService.lastExportAt };

  const handlers: Handlers = {
    'kiosk.info': async () => {
      const { kioskId, siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, openingHours } = settingsData();
      return { kioskId, siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, openingHours, version: options.version, isSetUp: auth.isSetUp };
    },
    'kiosk.health': async () => health(),
    'polls.active': async () => ({ polls: polls.active(clock()) }),
    'responses.submit': async (input) => {
      const now = clock();
      const poll = polls.find(input.pollId, input.pollVersion);
      if (poll === undefined) throw new KerroError('not_found', 'No such poll');
      if (!polls.active(now).some((active) => active.id === poll.id && active.version === poll.version)) {
        throw new KerroError('not_active', 'This poll is not open for answers');
      }
      if (!settingsData().languages.includes(input.language)) {
        throw new KerroError('invalid_input', 'This language is not enabled on the kiosk');
      }
      checkAnswer(poll, input.answer);
      const stored = await responses.submit({
        id: randomUUID(),
        kioskId: settingsData().kioskId,
        pollId: poll.id,
        pollVersion: poll.version,
        answer: input.answer,
        language: input.language,
        answeredAt: toLocalIsoString(now),
        flags: bursts.isBurst(now.getTime()) ? ['burst'] : [],
      });
      return { responseId: stored.id, seq: stored.seq };
    },
    'responses.followUp': async (input) => {
      const response = responses.get(input.responseId);
      if (response === undefined) throw new KerroError('not_found', 'No such answer');
      if (clock().getTime() - Date.parse(response.answeredAt) > followUpWindowMs) {
        throw new KerroError('conflict', 'This answer can no longer be added to');
      }
      // Sealed into an export batch: its hash is taken, so the answer must stay as it was.
      if (responses.isFrozen(response)) throw new KerroError('conflict', 'This answer has already been exported');
      const followUp = polls.find(response.pollId, response.pollVersion)?.followUp ?? null;
      if (followUp === null) throw new KerroError('invalid_input', 'This poll has no follow-up');
      const topicIds = new Set(followUp.topics.map((topic) => topic.id));
      const unknown = input.topics.find((topic) => !topicIds.has(topic));
      if (unknown !== undefined) throw new KerroError('invalid_input', `Unknown topic: ${unknown}`);
      if (new Set(input.topics).size !== input.topics.length) throw new KerroError('invalid_input', 'A topic was chosen twice');
      const comment = input.comment === undefined || input.comment === '' ? null : input.comment;
      if (comment !== null && !followUp.comment) throw new KerroError('invalid_input', 'This poll takes no comment');
      await responses.followUp(response.id, input.topics, comment);
      return { responseId: response.id };
    },
    ...createStaffHandlers({
      auth,
      settings,
      polls,
      responses,
      clock,
      exports,
      recoveries: () => context.recoveries.length,
      lastPurge: () => ledger.lastSummary,
      purgeNow: () => retention.run(),
    }),
    ...createExportHandlers({
      exports: exportService,
      polls,
      outcomes,
      settings: settingsData,
      clock,
      targetFileSystem: options.targetFileSystem ?? nodeFileSystem,
    }),
    ...createQrHandlers(exportService, context.fileSystem),
    ...createCouncilHandlers({ outcomes, polls, responses, settings: settingsData, clock }),
  };

  function health(): Health {
    return {
      kioskId: settingsData().kioskId,
      version: options.version,
      startedAt,
      answersStored: responses.count,
      unexported: exportService.unexported,
      lastAnswerAt: responses.lastAnsweredAt,
      storage: {
        segments: responses.segments,
        quarantined: context.quarantined,
        recoveries: [...context.recoveries],
        lastWriteError: context.lastWriteError,
      },
    };
  }

  logger.info('kiosk.opened', { dataDir: options.dataDir, answers: responses.count });
  // At open it also finishes a purge a crash cut short, before anything else touches the files.
  await retention.run();
  retention.start(options.purgeIntervalMs);
  return {
    handlers,
    staffGate: auth,
    logger,
    exports: exportService,
    pollShelf: polls,
    outcomeShelf: outcomes,
    retention,
    health,
    close: async () => {
      await retention.stop();
      await responses.close();
    },
  };
}

/**
 * When the settings file was lost beyond repair but answers exist, the kiosk keeps the identity
 * its answers carry: a new id would break the batch chain the council relies on.
 */
async function openSettings(context: StoreContext, responses: ResponseBook): Promise<Low<KioskDocument>> {
  const { db, isNew } = await openDocument(context, kioskDocumentSpec, () => defaultKioskDocument(context.clock()));
  const knownId = responses.kioskIdOfLatest;
  if (isNew && knownId !== null && knownId !== db.data.kioskId) {
    db.data.kioskId = knownId;
    await db.write();
    context.report('kiosk.json', 'settings lost', `kept kiosk id ${knownId} from the stored answers`);
  }
  return db;
}
