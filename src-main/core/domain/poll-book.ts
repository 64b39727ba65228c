import { z } from 'zod';
import { pollSchema, type Poll } from '../../../src-shared/contract/polls';
import type { Answer } from '../../../src-shared/contract/responses';
import { DiskFault, KerroError } from '../errors';
import { declareDocument, openDocument, type DocumentData, type DurableDocument } from '../store/document';
import type { StoreContext } from '../store/store-context';
import { firstChildrenPoll } from './children-poll';
import { standingPoll } from './standing-poll';

const pollsDocumentSpec = declareDocument('polls.json', z.object({ polls: z.array(pollSchema) }));
type PollsDocument = DocumentData<typeof pollsDocumentSpec>;

const singleChoiceKinds = new Set<Poll['kind']>(['smiley', 'single', 'scale', 'yesno', 'child-faces', 'child-thumbs', 'child-weather']);

/** Active and inside its schedule (a version's own state; whether a newer version exists is the book's to say). */
function isRunning(poll: Poll, now: Date): boolean {
  const time = now.getTime();
  return poll.state === 'active' && (poll.startsAt === null || Date.parse(poll.startsAt) <= time) && (poll.endsAt === null || Date.parse(poll.endsAt) > time);
}

/** Every version of every poll; a poll with answers is never changed in place. */
export class PollBook {
  private constructor(private readonly document: DurableDocument<PollsDocument>) {}

  static async open(context: StoreContext): Promise<PollBook> {
    const { document } = await openDocument(context, pollsDocumentSpec, () => ({
      polls: [standingPoll(context.clock()), firstChildrenPoll(context.clock())],
    }));
    return new PollBook(document);
  }

  /** The standing question first, then quick polls that are active and inside their schedule. */
  active(now: Date): Poll[] {
    const latest = new Map<string, Poll>();
    for (const poll of this.document.data.polls) {
      const known = latest.get(poll.id);
      if (known === undefined || known.version < poll.version) latest.set(poll.id, poll);
    }
    return [...latest.values()]
      .filter((poll) => isRunning(poll, now))
      .sort((left, right) => Number(right.standing) - Number(left.standing) || left.createdAt.localeCompare(right.createdAt));
  }

  /**
   * Whether answers to this version are taken now: it is its poll's latest version, active and
   * inside its schedule, as `active` would list it. Asked on every answer, so it builds no list.
   */
  isOpenForAnswers(poll: Poll, now: Date): boolean {
    if (!isRunning(poll, now)) return false;
    return !this.document.data.polls.some((known) => known.id === poll.id && known.version > poll.version);
  }

  find(id: string, version: number): Poll | undefined {
    return this.document.data.polls.find((poll) => poll.id === id && poll.version === version);
  }

  /** Every version of every poll, as stored; for poll packs. */
  all(): readonly Poll[] {
    return this.document.data.polls;
  }

  /**
   * Adds new poll versions in one durable write, all or none: a poll pack either arrives whole
   * or leaves the kiosk as it was. The caller has checked that none of them exists yet.
   */
  async addVersions(polls: readonly Poll[]): Promise<void> {
    await this.document.replaceOr(
      { ...this.document.data, polls: [...this.document.data.polls, ...polls] },
      (error) => new DiskFault('The polls', error),
    );
  }

  /** The newest version of each poll. */
  latestVersions(): Poll[] {
    const latest = new Map<string, Poll>();
    for (const poll of this.document.data.polls) {
      const known = latest.get(poll.id);
      if (known === undefined || known.version < poll.version) latest.set(poll.id, poll);
    }
    return [...latest.values()];
  }

  latest(id: string): Poll | undefined {
    return this.latestVersions().find((poll) => poll.id === id);
  }

  has(id: string): boolean {
    return this.document.data.polls.some((poll) => poll.id === id);
  }

  /** Adds a version, or replaces the stored one with the same id and version, durably. */
  async put(poll: Poll): Promise<void> {
    const polls = this.document.data.polls;
    const index = polls.findIndex((known) => known.id === poll.id && known.version === poll.version);
    const next = index === -1 ? [...polls, poll] : polls.map((known, at) => (at === index ? poll : known));
    await this.document.replaceOr(
      { ...this.document.data, polls: next },
      (error) => new DiskFault('The poll', error),
    );
  }
}

/** Checks an answer against the poll it is for; the zod schema already checked its shape. */
export function checkAnswer(poll: Poll, answer: Answer): void {
  if ('text' in answer) {
    if (poll.kind !== 'text') throw new KerroError('invalid_input', 'This poll takes a choice, not text');
    return;
  }
  if ('drawing' in answer) {
    if (poll.kind !== 'child-drawing') throw new KerroError('invalid_input', 'This poll takes a choice, not a drawing');
    return;
  }
  if (poll.kind === 'text') throw new KerroError('invalid_input', 'This poll takes text, not a choice');
  if (poll.kind === 'child-drawing') throw new KerroError('invalid_input', 'This poll takes a drawing, not a choice');
  const known = new Set(poll.options.map((option) => option.id));
  const chosen = new Set(answer.optionIds);
  if (chosen.size !== answer.optionIds.length) throw new KerroError('invalid_input', 'An option was chosen twice');
  for (const id of chosen) {
    if (!known.has(id)) throw new KerroError('invalid_input', `Unknown option: ${id}`);
  }
  if (singleChoiceKinds.has(poll.kind) && chosen.size !== 1) {
    throw new KerroError('invalid_input', 'This poll takes exactly one choice');
  }
}
