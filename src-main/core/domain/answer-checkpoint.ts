import { join } from 'node:path';
import { z } from 'zod';
import { responseSchema } from '../../../src-shared/contract/responses';
import { writeFileDurably } from '../store/durable-file';
import { isNotFound } from '../store/file-system';
import type { StoreContext } from '../store/store-context';
import { answerTallySchema } from './answer-tally';
import { checkedSegments, checkedTally } from './checkpoint-index';
import { commentShelfSchema } from './comment-shelf';
import { segmentEntrySchema } from './segment-index';

export const checkpointName = 'answers.json';

/**
 * The answer book's small state as of one place in the journal: everything the kiosk needs at
 * run time, so opening reads this and the lines after it instead of every answer.
 */
/** The checkpoint's format; one written in an older format is not read, and the state is rebuilt once from the journal. */
const checkpointVersion = 2;

export const checkpointSchema = z.object({
  v: z.literal(checkpointVersion),
  /** The journal position this state includes every line before. */
  segment: z.number().int().min(1),
  offset: z.number().int().min(0),
  /** The line that ends at `offset` (null at 0): opening checks the journal still holds it. */
  lastLine: z.string().nullable(),
  nextSeq: z.number().int().min(1),
  count: z.number().int().min(0),
  purgedSeq: z.number().int().min(0),
  lastAnsweredAt: z.string().nullable(),
  kioskIdOfLatest: z.string().nullable(),
  tally: answerTallySchema,
  /** Each poll's newest commented answers, for live results. */
  comments: commentShelfSchema,
  segments: z.array(segmentEntrySchema),
  /** Answers still inside the follow-up window, with the segment each is in. */
  recent: z.array(z.object({ segment: z.number().int().min(1), response: responseSchema })),
});

export type Checkpoint = z.output<typeof checkpointSchema>;

/** What opening reads with the schema; the tally and the segment index, its bulk, are checked by hand (checkpoint-index.ts). */
const checkpointBodySchema = checkpointSchema.extend({ tally: z.unknown(), segments: z.unknown() });

/**
 * Reads the checkpoint. A missing one gives null; one that cannot be read is moved to the
 * quarantine (never deleted) and gives null too, so the state is rebuilt from the journal.
 */
export async function readCheckpoint(context: StoreContext, directory: string): Promise<Checkpoint | null> {
  const path = join(directory, checkpointName);
  let text: string;
  try {
    text = await context.fileSystem.readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const body = checkpointBodySchema.safeParse(value);
  const tally = body.success ? checkedTally(body.data.tally) : null;
  const segments = body.success ? checkedSegments(body.data.segments) : null;
  if (body.success && tally !== null && segments !== null) return { ...body.data, tally, segments };
  if (isOlderFormat(value)) {
    context.logger.info('answers.checkpointOlderFormat', { path });
    return null;
  }
  await context.quarantineFile(path, 'damaged checkpoint');
  context.report(checkpointName, 'damaged checkpoint', 'rebuilt the answers’ state from the journal, damaged copy in quarantine');
  return null;
}

/**
 * Written whole or not at all: a crash leaves the previous checkpoint or this one. It takes the
 * text, made when the state was taken: the state goes on changing while the write waits its turn.
 */
export async function writeCheckpoint(context: StoreContext, directory: string, text: string): Promise<void> {
  await writeFileDurably(context.fileSystem, join(directory, checkpointName), text);
}

/** Leftovers of a checkpoint write a crash cut short: temporary files, never the checkpoint itself. */
export async function removeCheckpointLeftovers(context: StoreContext, directory: string): Promise<void> {
  const names = await context.fileSystem.readdir(directory);
  for (const name of names) {
    if (name.startsWith(`${checkpointName}.`) && name.endsWith('.tmp')) await context.fileSystem.unlink(join(directory, name));
  }
}

function isOlderFormat(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'v' in value && typeof value.v === 'number' && value.v < checkpointVersion;
}
