import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { canonicalJson } from '../../../src-shared/contract/batch-canonical';
import {
  pollPackFileName,
  pollPackFormat,
  type PollPack,
  type PollPackAction,
  type PollPackImport,
  type PollPackPreview,
} from '../../../src-shared/contract/poll-pack';
import type { Outcome } from '../../../src-shared/contract/outcomes';
import type { Poll } from '../../../src-shared/contract/polls';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { toPollSnapshot } from '../batches/batch-content';
import { failureFromError, TransferFailure } from '../stick/export-failure';
import { HashingWriter } from '../store/hashing-writer';
import { fsyncDirectory } from '../store/durable-file';
import { isNotFound, type FileSystem } from '../store/file-system';

/** The part of the poll book a pack needs. */
export interface PollShelf {
  all(): readonly Poll[];
  addVersions(polls: readonly Poll[]): Promise<void>;
}

/** The part of the outcome book a pack needs. */
export interface OutcomeShelf {
  all(): readonly Outcome[];
  addMissing(outcomes: readonly Outcome[]): Promise<number>;
}

/** Content that makes a version what it is; state and schedule change without a new version. */
function contentOf(poll: Poll): string {
  return canonicalJson(toPollSnapshot(poll));
}

export function planImport(pack: PollPack, shelf: PollShelf): { poll: Poll; action: PollPackAction }[] {
  const stored = shelf.all();
  return pack.polls.map((poll) => {
    const same = stored.find((known) => known.id === poll.id && known.version === poll.version);
    if (same !== undefined) return { poll, action: contentOf(same) === contentOf(poll) ? 'same' : 'conflict' };
    const isOlder = stored.some((known) => known.id === poll.id && known.version > poll.version);
    return { poll, action: isOlder ? 'older' : 'add' };
  });
}

export function previewPollPack(pack: PollPack, shelf: PollShelf, language: LanguageCode): PollPackPreview {
  const plan = planImport(pack, shelf);
  const conflict = plan.find((step) => step.action === 'conflict');
  return {
    source: pack.source,
    exportedAt: pack.exportedAt,
    polls: plan.map(({ poll, action }) => ({ id: poll.id, version: poll.version, kind: poll.kind, state: poll.state, question: poll.question, action })),
    canImport: conflict === undefined,
    problem: conflict === undefined ? null : conflictOf(conflict.poll).localized(language),
  };
}

/**
 * Adds the pack's new polls and versions in one write. A version this kiosk already has with
 * other content would make two kiosks' answers to "the same" poll mean different things, so
 * one such conflict refuses the whole pack.
 */
export async function importPollPack(pack: PollPack, shelf: PollShelf, outcomes: OutcomeShelf): Promise<PollPackImport> {
  const plan = planImport(pack, shelf);
  const conflict = plan.find((step) => step.action === 'conflict');
  if (conflict !== undefined) throw conflictOf(conflict.poll);
  const added = plan.filter((step) => step.action === 'add').map((step) => step.poll);
  // Outcomes first: they are the smaller file, and a pack whose polls then fail to save leaves only texts behind.
  const outcomesAdded = await outcomes.addMissing(pack.outcomes ?? []);
  if (added.length > 0) await shelf.addVersions(added);
  return {
    outcomesAdded,
    added: added.length,
    unchanged: plan.filter((step) => step.action === 'same').length,
    skipped: plan.filter((step) => step.action === 'older').length,
  };
}

/** The newest version of every poll that is not closed: what a second kiosk needs to ask the same. */
export function buildPollPack(polls: readonly Poll[], source: PollPack['source'], exportedAt: string, outcomes: readonly Outcome[] = []): PollPack {
  const latest = new Map<string, Poll>();
  for (const poll of polls) {
    const known = latest.get(poll.id);
    if (known === undefined || known.version < poll.version) latest.set(poll.id, poll);
  }
  return {
    format: pollPackFormat.name,
    schemaVersion: pollPackFormat.schemaVersion,
    exportedAt,
    source,
    polls: [...latest.values()].filter((poll) => poll.state !== 'closed'),
    // Outcomes already over would never show on the other kiosk.
    outcomes: outcomes.filter((outcome) => outcome.endsOn >= exportedAt.slice(0, 10)),
  };
}

/**
 * Writes `kerro-polls.json` into a folder on a stick: a temp file, flushed, renamed over. An
 * existing pack is replaced only when asked, since it may be another kiosk's.
 */
export async function writePollPack(
  fileSystem: FileSystem,
  directory: string,
  targetName: string,
  pack: PollPack,
  replace: boolean,
): Promise<{ file: string; bytes: number }> {
  const path = join(directory, pollPackFileName);
  const temporaryPath = `${path}.${randomUUID().slice(0, 8)}.incomplete`;
  try {
    if (!replace && (await exists(fileSystem, path))) throw new TransferFailure('packExists');
    const writer = await HashingWriter.create(fileSystem, temporaryPath);
    try {
      await writer.write(`${JSON.stringify(pack, null, 2)}\n`);
    } catch (error) {
      await writer.abandon();
      throw error;
    }
    const written = await writer.finish();
    await fileSystem.rename(temporaryPath, path);
    await fsyncDirectory(fileSystem, directory);
    return { file: path, bytes: written.bytes };
  } catch (error) {
    await fileSystem.unlink(temporaryPath).catch(() => undefined);
    throw failureFromError(error, targetName);
  }
}

function conflictOf(poll: Poll): TransferFailure {
  return new TransferFailure('packConflict', { poll: `${poll.id} (${poll.version})` });
}

async function exists(fileSystem: FileSystem, path: string): Promise<boolean> {
  try {
    await fileSystem.stat(path);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
