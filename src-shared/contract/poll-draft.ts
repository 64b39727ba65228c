import { z } from 'zod';
import { languageCodes } from '../i18n/languages';
import { identifierSchema, isoDateTimeSchema, languageSchema, optionLimits, pollKinds, type PollKind } from './polls';
import { textLimits } from './text-limits';
import { childPictureOf } from './child-pictures';
import { problems } from './problems';
import { freeTextSchema } from '../text/free-text-schema';

/** Kinds whose options the staff member writes; the others come with their own fixed set. */
export const ownOptionKinds = new Set<PollKind>(['single', 'multi']);

export const scheduleLimits = { hours: { min: 1, max: 24 * 30 } } as const;

/** Texts per language as typed; blanks are dropped, and Finnish must remain. */
function draftTextSchema(maxLength: number) {
  return z
    .partialRecord(languageSchema, freeTextSchema(maxLength))
    .transform((texts) => Object.fromEntries(Object.entries(texts).filter(([, text]) => text !== '')))
    .pipe(
      z
        .partialRecord(languageSchema, z.string())
        .refine((texts) => texts.fi !== undefined, { message: problems.finnishMissing, path: ['fi'] }),
    );
}

const draftOptionSchema = z.object({
  /** Kept when a poll is edited, so answers to the old and new version count together. */
  id: identifierSchema.optional(),
  label: draftTextSchema(textLimits.option),
});

export const startSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('now') }),
  z.object({ type: z.literal('at'), at: isoDateTimeSchema }),
]);

export const endSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('at'), at: isoDateTimeSchema }),
  z.object({
    type: z.literal('after'),
    hours: z.number().int().min(scheduleLimits.hours.min, problems.hoursOutOfRange).max(scheduleLimits.hours.max, problems.hoursOutOfRange),
  }),
]);

export const pollDraftSchema = z
  .object({
    kind: z.enum(pollKinds),
    question: draftTextSchema(textLimits.question),
    options: z.array(draftOptionSchema).max(optionLimits.max, problems.tooManyOptions),
    /** Offers parents an optional comment after their answer. */
    comment: z.boolean(),
    start: startSchema,
    end: endSchema,
  })
  .strict()
  .superRefine((draft, context) => {
    for (const issue of draftProblems(draft)) context.addIssue({ code: 'custom', ...issue });
  });

export type PollDraftInput = z.input<typeof pollDraftSchema>;
export type PollDraft = z.output<typeof pollDraftSchema>;

export interface DraftProblem {
  path: (string | number)[];
  message: string;
}

function draftProblems(draft: PollDraft): DraftProblem[] {
  const found: DraftProblem[] = [];
  if (ownOptionKinds.has(draft.kind) || draft.kind === 'child-pictures') {
    if (draft.options.length < optionLimits.min) found.push({ path: ['options'], message: problems.tooFewOptions });
  } else if (draft.options.length > 0) {
    found.push({ path: ['options'], message: problems.optionsNotUsed });
  }
  for (const language of languageCodes) {
    const seen = new Set<string>();
    draft.options.forEach((option, index) => {
      const label = option.label[language]?.toLocaleLowerCase('fi').replace(/\s+/g, ' ');
      if (label === undefined) return;
      if (seen.has(label)) found.push({ path: ['options', index, 'label', language], message: problems.duplicateOption });
      seen.add(label);
    });
  }
  if (draft.kind === 'child-pictures') {
    draft.options.forEach((option, index) => {
      if (option.id === undefined || childPictureOf(option.id) === undefined) found.push({ path: ['options', index, 'id'], message: problems.unknownPicture });
    });
  }
  const ids = new Set<string>();
  draft.options.forEach((option, index) => {
    if (option.id === undefined) return;
    if (ids.has(option.id)) found.push({ path: ['options', index, 'id'], message: problems.duplicateOption });
    ids.add(option.id);
  });
  if (draft.start.type === 'at' && draft.end.type === 'at' && Date.parse(draft.end.at) <= Date.parse(draft.start.at)) {
    found.push({ path: ['end'], message: problems.endBeforeStart });
  }
  return found;
}

export interface Schedule {
  startsAt: string | null;
  endsAt: string | null;
}

/** Turns "start now, end after N hours" into times; "now" is when the poll is saved. */
export function resolveSchedule(draft: Pick<PollDraft, 'start' | 'end'>, now: Date): Schedule {
  const startsAt = draft.start.type === 'at' ? draft.start.at : null;
  switch (draft.end.type) {
    case 'none':
      return { startsAt, endsAt: null };
    case 'at':
      return { startsAt, endsAt: draft.end.at };
    case 'after': {
      const from = startsAt === null ? now.getTime() : Date.parse(startsAt);
      return { startsAt, endsAt: new Date(from + draft.end.hours * 3_600_000).toISOString() };
    }
  }
}

/** A rule that needs the clock, so it is checked apart from the shape: a poll must not end before it is saved. */
export function scheduleProblems(draft: Pick<PollDraft, 'start' | 'end'>, now: Date): DraftProblem[] {
  const { endsAt } = resolveSchedule(draft, now);
  if (endsAt !== null && Date.parse(endsAt) <= now.getTime()) return [{ path: ['end'], message: problems.endInPast }];
  return [];
}
