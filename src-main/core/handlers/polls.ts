import { join } from 'node:path';
import type { PollPack } from '../../../src-shared/contract/poll-pack';
import { pollPackFileName } from '../../../src-shared/contract/poll-pack';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import type { NamespaceHandlers } from '../api/handlers';
import { answerCount } from '../domain/answer-count';
import type { OutcomeBook } from '../domain/outcome-book';
import type { PollBook } from '../domain/poll-book';
import { savePoll, setPollState } from '../domain/quick-polls';
import type { ResponseBook } from '../domain/response-book';
import { buildPollPack, importPollPack, previewPollPack, writePollPack } from '../poll-pack/poll-pack';
import { readPollPack } from '../poll-pack/read-pack';
import type { ExportService } from '../stick/export-service';
import type { FileSystem } from '../store/file-system';
import { toLocalIsoString, type Clock } from '../time';
import { inKioskLanguage } from './in-kiosk-language';

export interface PollDependencies {
  polls: PollBook;
  responses: ResponseBook;
  outcomes: OutcomeBook;
  /** Finds the stick a poll pack is read from or written to. */
  exports: Pick<ExportService, 'resolveTarget'>;
  settings: () => { kioskId: string; siteName: string; defaultLanguage: LanguageCode };
  clock: Clock;
  /** Reaches the sticks; the tests put disk faults here. */
  targetFileSystem: FileSystem;
}

/** Polls: those open to parents, the staff's quick polls, and poll packs to and from a stick. */
export function pollHandlers(dependencies: PollDependencies): NamespaceHandlers<'polls'> {
  const { polls, responses, outcomes, exports, settings, clock, targetFileSystem } = dependencies;
  const answersTo = (pollId: string, version?: number) => answerCount(responses, pollId, version);
  const inLanguage = <T>(work: () => Promise<T>) => inKioskLanguage(settings().defaultLanguage, work);
  const readPack = async (targetId: string): Promise<PollPack> => {
    const target = await exports.resolveTarget(targetId);
    return readPollPack(targetFileSystem, join(target.path, pollPackFileName));
  };
  return {
    'polls.active': async () => ({ polls: polls.active(clock()) }),
    'polls.save': async (input) => savePoll(polls, answersTo, input.pollId, input.draft, clock()),
    'polls.setState': async (input) => ({ poll: await setPollState(polls, input.pollId, input.state, clock()) }),
    'polls.previewPack': (input) => inLanguage(async () => previewPollPack(await readPack(input.targetId), polls, settings().defaultLanguage)),
    'polls.importPack': (input) => inLanguage(async () => importPollPack(await readPack(input.targetId), polls, outcomes)),
    'polls.exportPack': (input) =>
      inLanguage(async () => {
        const target = await exports.resolveTarget(input.targetId);
        const { kioskId, siteName } = settings();
        const pack = buildPollPack(polls.all(), { kioskId, site: siteName }, toLocalIsoString(clock()), outcomes.all());
        const written = await writePollPack(targetFileSystem, target.path, target.name, pack, input.replace ?? false);
        return { target: target.name, file: pollPackFileName, bytes: written.bytes, polls: pack.polls.length };
      }),
  };
}
