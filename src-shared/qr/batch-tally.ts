import type { ExportAnswer, PollSnapshot } from '../contract/batch-format';

/** Counts of one poll version across answers: per option, per topic, with its comments. */
export interface PollCounts {
  pollId: string;
  pollVersion: number;
  poll: PollSnapshot | undefined;
  answers: number;
  options: Map<string, number>;
  topics: Map<string, number>;
  comments: string[];
  texts: string[];
}

/** Tallies answers per poll version, in the order the polls are listed, then any poll not listed. */
export function tallyAnswers(polls: readonly PollSnapshot[], answers: Iterable<ExportAnswer>): PollCounts[] {
  const byKey = new Map<string, PollCounts>();
  const countsOf = (pollId: string, pollVersion: number): PollCounts => {
    const key = `${pollId}@${pollVersion}`;
    let counts = byKey.get(key);
    if (counts === undefined) {
      const poll = polls.find((known) => known.id === pollId && known.version === pollVersion);
      counts = { pollId, pollVersion, poll, answers: 0, options: new Map(), topics: new Map(), comments: [], texts: [] };
      byKey.set(key, counts);
    }
    return counts;
  };
  for (const poll of polls) countsOf(poll.id, poll.version);
  for (const answer of answers) {
    const counts = countsOf(answer.pollId, answer.pollVersion);
    counts.answers += 1;
    if ('optionIds' in answer.answer) {
      for (const id of answer.answer.optionIds) counts.options.set(id, (counts.options.get(id) ?? 0) + 1);
    } else if ('text' in answer.answer) {
      counts.texts.push(answer.answer.text);
    }
    for (const id of answer.topics) counts.topics.set(id, (counts.topics.get(id) ?? 0) + 1);
    if (answer.comment !== null) counts.comments.push(answer.comment);
  }
  return [...byKey.values()].filter((counts) => counts.answers > 0);
}

/** `2026-11-02T09:15:02.120+02:00` as the Finnish date `2.11.2026`, the wall-clock date the parent saw. */
export function finnishDate(localTime: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(localTime);
  if (match === null) return '';
  const [, year = '', month = '', day = ''] = match;
  return `${Number(day)}.${Number(month)}.${year}`;
}
