import { randomUUID } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Poll } from '../../src-shared/contract/polls';
import type { StoredResponse } from '../../src-shared/contract/responses';
import { PollBook } from '../../src-main/core/domain/poll-book';
import { ResponseBook } from '../../src-main/core/domain/response-book';
import { ExportService, type ExportSettings } from '../../src-main/core/stick/export-service';
import { configuredTargets } from '../../src-main/core/stick/targets';
import { silentLogger } from '../../src-main/core/logger';
import { nodeFileSystem, type FileSystem } from '../../src-main/core/store/file-system';
import { StoreContext } from '../../src-main/core/store/store-context';
import { toLocalIsoString, type Clock } from '../../src-main/core/time';

export const testSettings: ExportSettings = { kioskId: 'K-TEST-0001', siteName: 'Perheiden piha', defaultLanguage: 'fi' };

/** A quick poll whose follow-up takes topics and a comment, so answers can carry free text. */
export function commentPoll(now: Date): Poll {
  return {
    id: 'coffee-corner',
    version: 1,
    kind: 'single',
    standing: false,
    state: 'active',
    question: { fi: 'Mitä pidät kahvinurkasta?', sv: 'Vad tycker du om kaffehörnan?', en: 'What do you think of the coffee corner?' },
    options: [
      { id: 'like', label: { fi: 'Pidän', sv: 'Jag gillar', en: 'I like it' } },
      { id: 'dislike', label: { fi: 'En pidä', sv: 'Jag gillar inte', en: 'I do not like it' } },
    ],
    followUp: {
      comment: true,
      topics: [
        { id: 'coffee', label: { fi: 'Kahvi', sv: 'Kaffet', en: 'Coffee' } },
        { id: 'seats', label: { fi: 'Istumapaikat; sohvat', sv: 'Sittplatser', en: 'Seats' } },
      ],
    },
    startsAt: null,
    endsAt: null,
    createdAt: now.toISOString(),
  };
}

export interface ExportKit {
  dataDir: string;
  stick: string;
  context: StoreContext;
  responses: ResponseBook;
  polls: PollBook;
  service: ExportService;
  settings: ExportSettings;
  /** Stores an answer the way the kiosk does, with an optional follow-up. */
  answer(pollId: string, optionIds: string[], followUp?: { topics: string[]; comment: string | null }): Promise<StoredResponse>;
  close(): Promise<void>;
}

/** A clock that moves a minute per call from a fixed local time, so dates in files are known. */
export function steppingClock(start = new Date(2026, 10, 29, 9, 15, 2)): Clock {
  let time = start.getTime();
  return () => {
    const now = new Date(time);
    time += 60_000;
    return now;
  };
}

export async function openExportKit(
  dataDir: string,
  stick: string,
  options: { clock?: Clock; targetFileSystem?: FileSystem; settings?: Partial<ExportSettings>; appVersion?: string; receiverDir?: string } = {},
): Promise<ExportKit> {
  const clock = options.clock ?? steppingClock();
  await mkdir(stick, { recursive: true });
  const context = new StoreContext(dataDir, nodeFileSystem, clock, silentLogger);
  await context.prepare();
  const responses = await ResponseBook.open(context);
  const polls = await PollBook.open(context);
  if (polls.find('coffee-corner', 1) === undefined) await polls.addVersions([commentPoll(clock())]);
  const settings = { ...testSettings, ...options.settings };
  const service = await ExportService.open({
    context,
    responses,
    findPoll: (id, version) => polls.find(id, version),
    settings: () => settings,
    appVersion: options.appVersion ?? '0.0.0-test',
    clock,
    targets: configuredTargets({ KERRO_EXPORT_DIRS: stick }),
    targetFileSystem: options.targetFileSystem ?? nodeFileSystem,
    receiverDir: options.receiverDir,
  });
  return {
    dataDir,
    stick,
    context,
    responses,
    polls,
    service,
    settings,
    async answer(pollId, optionIds, followUp) {
      const stored = await responses.submit({
        id: randomUUID(),
        kioskId: settings.kioskId,
        pollId,
        pollVersion: 1,
        answer: { optionIds },
        language: 'fi',
        answeredAt: toLocalIsoString(clock()),
        flags: [],
      });
      if (followUp === undefined) return stored;
      await responses.followUp(stored.id, followUp.topics, followUp.comment);
      return responses.get(stored.id) ?? stored;
    },
    close: () => responses.close(),
  };
}

/** Entries on the stick whose name does not say they are unfinished. */
export async function completeFolders(stick: string): Promise<string[]> {
  return (await readdir(stick)).filter((name) => !name.includes('.incomplete')).sort();
}

export function folderPath(stick: string, folder: string, file?: string): string {
  return file === undefined ? join(stick, folder) : join(stick, folder, file);
}
