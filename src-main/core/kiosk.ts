import type { Health } from '../../src-shared/contract/kiosk';
import type { Handlers, KioskApi } from './api/handlers';
import { defaultKioskDocument, kioskDocumentSpec, type KioskDocument } from './domain/kiosk-settings';
import { BurstDetector } from './domain/burst-detector';
import { OutcomeBook } from './domain/outcome-book';
import { PollBook } from './domain/poll-book';
import { ResponseBook } from './domain/response-book';
import type { PdfPrinter } from './documents/pdf-printer';
import type { ExportStatus } from './handlers/export-status';
import { exportHandlers } from './handlers/exports';
import { kioskHandlers } from './handlers/kiosk';
import { outcomeHandlers } from './handlers/outcomes';
import { pollHandlers } from './handlers/polls';
import { reportHandlers } from './handlers/reports';
import { responseHandlers } from './handlers/responses';
import { resultHandlers } from './handlers/results';
import { settingsHandlers } from './handlers/settings';
import { staffHandlers } from './handlers/staff';
import { createStderrLogger, type Logger } from './logger';
import { PurgeLedger } from './retention/purge-ledger';
import { RetentionPurge } from './retention/retention-purge';
import type { defaultPinCost } from './staff/pin-hash';
import { StaffAuth } from './staff/staff-auth';
import { StaffDrafts } from './staff/staff-drafts';
import { ExportService } from './stick/export-service';
import { configuredTargets, type TargetSource } from './stick/targets';
import { openDocument, type DurableDocument } from './store/document';
import { nodeFileSystem, type FileSystem } from './store/file-system';
import { StoreContext } from './store/store-context';
import { systemClock, type Clock } from './time';

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
  /** How long a staff session lasts untouched; by default two minutes. */
  staffIdleMs?: number;
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
  /** Resolves once the answers written so far are on disk and the work after them (sealing a full segment) is done. */
  whenAnswersSettled(): Promise<void>;
  close(): Promise<void>;
}

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
  const drafts = await StaffDrafts.open(context);
  const startedAt = clock().toISOString();
  const bursts = new BurstDetector();
  const settingsData = () => settings.data;
  const targetFileSystem = options.targetFileSystem ?? nodeFileSystem;
  const auth = new StaffAuth(settings, { clock, pinCost: options.pinCost, sessionIdleMs: options.staffIdleMs });
  const exportService = await ExportService.open({
    context,
    responses,
    findPoll: (id, version) => polls.find(id, version),
    settings: settingsData,
    appVersion: options.version,
    clock,
    targets: options.exportTargets ?? configuredTargets(),
    targetFileSystem,
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

  const exportStatus: ExportStatus = { unexported: () => exportService.unexported, lastExportAt: () => exportService.lastExportAt };

  const handlers = {
    ...kioskHandlers({ settings: settingsData, version: options.version, isSetUp: () => auth.isSetUp, health }),
    ...responseHandlers({ polls, responses, settings: settingsData, bursts, clock }),
    ...pollHandlers({ polls, responses, outcomes, exports: exportService, settings: settingsData, clock, targetFileSystem }),
    ...staffHandlers({ auth, drafts, settings, polls, responses, exports: exportStatus, recoveries: () => context.recoveries.length }),
    ...resultHandlers({ polls, responses, exports: exportStatus }),
    ...settingsHandlers({ settings, clock, lastPurge: () => ledger.lastSummary, purgeNow: () => retention.run() }),
    ...exportHandlers({ exports: exportService, settings: settingsData, fileSystem: context.fileSystem }),
    ...outcomeHandlers({ outcomes, clock }),
    ...reportHandlers({ polls, responses, settings: settingsData, clock }),
  } satisfies Handlers;

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
    language: () => settings.data.defaultLanguage,
    exports: exportService,
    pollShelf: polls,
    outcomeShelf: outcomes,
    retention,
    health,
    whenAnswersSettled: () => responses.whenIdle(),
    close: async () => {
      await retention.stop();
      await exportService.close();
      await responses.close();
    },
  };
}

/**
 * When the settings file was lost beyond repair but answers exist, the kiosk keeps the identity
 * its answers carry: a new id would break the batch chain the council relies on.
 */
async function openSettings(context: StoreContext, responses: ResponseBook): Promise<DurableDocument<KioskDocument>> {
  const { document, isNew } = await openDocument(context, kioskDocumentSpec, () => defaultKioskDocument(context.clock()));
  const knownId = responses.kioskIdOfLatest;
  if (isNew && knownId !== null && knownId !== document.data.kioskId) {
    await document.replace({ ...document.data, kioskId: knownId });
    context.report('kiosk.json', 'settings lost', `kept kiosk id ${knownId} from the stored answers`);
  }
  return document;
}
