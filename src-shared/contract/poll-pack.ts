import { z } from 'zod';
import { childPictureOf } from './child-pictures';
import { outcomeLimit, outcomeSchema } from './outcomes';
import { identifierSchema, isoDateTimeSchema, languageSchema, pollKinds, pollSchema, pollStates, type Poll } from './polls';

/**
 * `kerro-polls.json`: a kiosk's polls, carried on a stick to set up another kiosk the same way.
 * The staff screens preview one with the same schema the main side imports it with.
 */
export const pollPackFormat = { name: 'kerro-polls', schemaVersion: 1 } as const;
export const pollPackFileName = 'kerro-polls.json';

/** Far above any real pack (a hundred polls in three languages is about 100 KB), far below harm. */
export const pollPackLimits = { bytes: 1024 * 1024, depth: 12, polls: 200 } as const;

export const pollPackSchema = z
  .object({
    format: z.literal(pollPackFormat.name),
    schemaVersion: z.literal(pollPackFormat.schemaVersion),
    exportedAt: isoDateTimeSchema,
    source: z.object({ kioskId: z.string().max(40), site: z.string().max(80) }).strict(),
    polls: z.array(pollSchema).max(pollPackLimits.polls),
    /**
     * "You said, we did" outcomes, added after the first packs: optional, so a pack without
     * them is read as before and the schema version stays 1.
     */
    outcomes: z.array(outcomeSchema).max(outcomeLimit).optional(),
  })
  .strict()
  .superRefine((pack, context) => {
    for (const problem of pollPackProblems(pack.polls)) context.addIssue({ code: 'custom', ...problem });
    const outcomes = pack.outcomes ?? [];
    if (new Set(outcomes.map((outcome) => outcome.id)).size !== outcomes.length) {
      context.addIssue({ code: 'custom', path: ['outcomes'], message: 'an outcome appears twice' });
    }
    outcomes.forEach((outcome, index) => {
      if (outcome.endsOn < outcome.startsOn) context.addIssue({ code: 'custom', path: ['outcomes', index, 'endsOn'], message: 'ends before it starts' });
    });
  });

export type PollPack = z.output<typeof pollPackSchema>;

const choiceKinds = new Set<Poll['kind']>(['smiley', 'single', 'multi', 'scale', 'yesno', 'child-faces', 'child-thumbs', 'child-weather', 'child-pictures']);

/** Rules the poll schema alone cannot state: a pack must make sense as a whole. */
export function pollPackProblems(polls: readonly Poll[]): { path: (string | number)[]; message: string }[] {
  const found: { path: (string | number)[]; message: string }[] = [];
  const versions = new Set<string>();
  const standing = new Set<string>();
  polls.forEach((poll, index) => {
    const key = `${poll.id}@${poll.version}`;
    if (versions.has(key)) found.push({ path: ['polls', index], message: `${key} appears twice` });
    versions.add(key);
    if (poll.standing) standing.add(poll.id);
    if (choiceKinds.has(poll.kind) && poll.options.length < 2) found.push({ path: ['polls', index, 'options'], message: `${key} needs at least two options` });
    if ((poll.kind === 'text' || poll.kind === 'child-drawing') && poll.options.length > 0) {
      found.push({ path: ['polls', index, 'options'], message: `${key} is a ${poll.kind} poll and takes no options` });
    }
    if (poll.kind === 'child-pictures' && poll.options.some((option) => childPictureOf(option.id) === undefined)) {
      found.push({ path: ['polls', index, 'options'], message: `${key} names a picture the kiosk does not have` });
    }
    if (new Set(poll.options.map((option) => option.id)).size !== poll.options.length) {
      found.push({ path: ['polls', index, 'options'], message: `${key} has an option id twice` });
    }
    const topics = poll.followUp?.topics ?? [];
    if (new Set(topics.map((topic) => topic.id)).size !== topics.length) {
      found.push({ path: ['polls', index, 'followUp'], message: `${key} has a topic id twice` });
    }
    if (poll.startsAt !== null && poll.endsAt !== null && Date.parse(poll.endsAt) <= Date.parse(poll.startsAt)) {
      found.push({ path: ['polls', index, 'endsAt'], message: `${key} ends before it starts` });
    }
  });
  if (standing.size > 1) found.push({ path: ['polls'], message: 'more than one standing question' });
  return found;
}

/** What importing would do with each poll in the pack. */
export const pollPackActions = ['add', 'same', 'older', 'conflict'] as const;
export type PollPackAction = (typeof pollPackActions)[number];

export const pollPackPreviewSchema = z.object({
  source: z.object({ kioskId: z.string(), site: z.string() }),
  exportedAt: isoDateTimeSchema,
  polls: z.array(
    z.object({
      id: identifierSchema,
      version: z.number().int().min(1),
      kind: z.enum(pollKinds),
      state: z.enum(pollStates),
      question: z.partialRecord(languageSchema, z.string()),
      /** add: new here; same: already here as it is; older: this kiosk has a newer version; conflict: same version, other content. */
      action: z.enum(pollPackActions),
    }),
  ),
  canImport: z.boolean(),
  /** Why it cannot be imported, in the kiosk's language; null when it can. */
  problem: z.string().nullable(),
});

export type PollPackPreview = z.output<typeof pollPackPreviewSchema>;

export const pollPackImportSchema = z.object({
  added: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  skipped: z.number().int().min(0),
  /** "You said, we did" outcomes new to this kiosk. */
  outcomesAdded: z.number().int().min(0),
});

export type PollPackImport = z.output<typeof pollPackImportSchema>;
