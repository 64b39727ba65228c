import { randomBytes } from 'node:crypto';
import { pictureOptions } from '../../../src-shared/contract/child-pictures';
import { fixedOptions } from '../../../src-shared/contract/poll-kinds';
import { resolveSchedule, scheduleProblems, type PollDraft } from '../../../src-shared/contract/poll-draft';
import type { Poll, PollOption } from '../../../src-shared/contract/polls';
import { KerroError } from '../errors';
import type { PollBook } from './poll-book';

export type SettableState = 'active' | 'paused' | 'closed';

const idAlphabet = 'abcdefghjkmnpqrstvwxyz23456789';

/** Readable in a CSV and sortable by day: `poll-20261129-k3m9`. */
export function newPollId(now: Date, isTaken: (id: string) => boolean): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  for (;;) {
    const suffix = [...randomBytes(4)].map((byte) => idAlphabet[byte % idAlphabet.length] ?? 'x').join('');
    const id = `poll-${day}-${suffix}`;
    if (!isTaken(id)) return id;
  }
}

/** Kept ids stay; new options get the lowest free `option-N`, so an edited poll's answers still add up. */
export function optionsFor(draft: PollDraft): PollOption[] {
  const fixed = fixedOptions(draft.kind);
  if (fixed !== null) return fixed;
  if (draft.kind === 'child-pictures') return pictureOptions(draft.options.flatMap((option) => (option.id === undefined ? [] : [option.id])));
  const used = new Set(draft.options.flatMap((option) => (option.id === undefined ? [] : [option.id])));
  let next = 1;
  return draft.options.map((option) => {
    if (option.id !== undefined) return { id: option.id, label: option.label };
    while (used.has(`option-${next}`)) next += 1;
    const id = `option-${next}`;
    used.add(id);
    return { id, label: option.label };
  });
}

function checkSchedule(draft: PollDraft, now: Date): void {
  const found = scheduleProblems(draft, now);
  if (found.length > 0) {
    throw new KerroError(
      'invalid_input',
      'The poll would end before it starts',
      found.map((problem) => ({ path: ['draft', ...problem.path].join('.'), message: problem.message })),
    );
  }
}

export interface SavedPoll {
  poll: Poll;
  isNewVersion: boolean;
}

/**
 * Creates a quick poll, or edits one. A version that has answers is never changed: the edit
 * becomes the next version, and parents see that one from then on.
 */
export async function savePoll(
  polls: PollBook,
  answersTo: (pollId: string, version: number) => number,
  pollId: string | null,
  draft: PollDraft,
  now: Date,
): Promise<SavedPoll> {
  checkSchedule(draft, now);
  const { startsAt, endsAt } = resolveSchedule(draft, now);
  const content = {
    kind: draft.kind,
    question: draft.question,
    options: optionsFor(draft),
    followUp: draft.comment ? { topics: [], comment: true } : null,
    standing: false,
    startsAt,
    endsAt,
  };
  if (pollId === null) {
    const poll: Poll = { ...content, id: newPollId(now, (id) => polls.has(id)), version: 1, state: 'draft', createdAt: now.toISOString() };
    await polls.put(poll);
    return { poll, isNewVersion: false };
  }
  const latest = editablePoll(polls, pollId);
  if (latest.state === 'closed') throw new KerroError('conflict', 'A closed poll is not changed; make a new one');
  const hasAnswers = answersTo(latest.id, latest.version) > 0;
  if (hasAnswers && latest.kind !== draft.kind) {
    throw new KerroError('conflict', 'A poll with answers keeps its kind; make a new poll instead');
  }
  const poll: Poll = hasAnswers
    ? { ...content, id: latest.id, version: latest.version + 1, state: latest.state, createdAt: now.toISOString() }
    : { ...content, id: latest.id, version: latest.version, state: latest.state, createdAt: latest.createdAt };
  await polls.put(poll);
  return { poll, isNewVersion: hasAnswers };
}

const allowedFrom: Record<SettableState, readonly Poll['state'][]> = {
  active: ['draft', 'paused', 'active'],
  paused: ['active', 'paused'],
  closed: ['draft', 'active', 'paused', 'closed'],
};

/** State is not content: it changes on the latest version in place, and closed is final. */
export async function setPollState(polls: PollBook, pollId: string, state: SettableState, now: Date): Promise<Poll> {
  const latest = editablePoll(polls, pollId);
  if (latest.state === state) return latest;
  if (!allowedFrom[state].includes(latest.state)) {
    throw new KerroError('conflict', `A ${latest.state} poll cannot be made ${state}`);
  }
  if (state === 'active' && latest.endsAt !== null && Date.parse(latest.endsAt) <= now.getTime()) {
    throw new KerroError('conflict', 'This poll’s end time has passed; change the end time first');
  }
  const poll: Poll = { ...latest, state };
  await polls.put(poll);
  return poll;
}

function editablePoll(polls: PollBook, pollId: string): Poll {
  const latest = polls.latest(pollId);
  if (latest === undefined) throw new KerroError('not_found', 'No such poll');
  if (latest.standing) throw new KerroError('forbidden', 'The council’s standing question is changed by the council, not here');
  return latest;
}
