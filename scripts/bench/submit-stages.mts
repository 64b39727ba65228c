// The CPU steps of one responses.submit, timed one by one outside the path, each the same calls
// the path makes, many times over (the path itself is split into its phases in submit-phases.mts).
import { randomUUID } from 'node:crypto';
import { methods, type ParsedInput } from '../../src-shared/contract/methods';
import { BookState } from '../../src-main/core/domain/book-state';
import { AnswerIds } from '../../src-main/core/domain/answer-ids';
import { BurstDetector } from '../../src-main/core/domain/burst-detector';
import type { JournalLine } from '../../src-main/core/domain/journal-line';
import { checkAnswer, type PollBook } from '../../src-main/core/domain/poll-book';
import { toLocalIsoString } from '../../src-main/core/time';
import { percentile } from './machine.mjs';

/** Microseconds per call: the median of `rounds` rounds of `calls` calls, so the timer's own cost is spread thin. */
function perCall(action: (index: number) => void, calls = 200, rounds = 25): number {
  const rates: number[] = [];
  let index = 0;
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (let call = 0; call < calls; call += 1) action((index += 1));
    rates.push(((performance.now() - started) * 1000) / calls);
  }
  return percentile(rates.sort((left, right) => left - right), 0.5);
}

export type StepName = 'inputCheck' | 'pollChecks' | 'answerMaking' | 'lineMaking' | 'stateUpdate' | 'outputCheck';

/** µs per call of each step: back to back (warm), and each call right after a write + fdatasync, as in the path. */
export type CpuSteps = Record<StepName, { warm: number; afterFlush: number }>;

/** Microseconds per call, each call right after `flush()`: the median of `calls` single calls. */
function perCallAfterFlush(action: (index: number) => void, flush: () => void, first: number, calls = 300): number {
  const times: number[] = [];
  for (let call = 0; call < calls; call += 1) {
    flush();
    const started = performance.now();
    action(first + call);
    times.push((performance.now() - started) * 1000);
  }
  return percentile(times.sort((left, right) => left - right), 0.5);
}

/** The CPU steps of responses.submit, in µs per answer, each timed alone with the kiosk's own data. */
export function timeCpuSteps(polls: PollBook, kioskId: string, submit: ParsedInput<'responses.submit'>, flush: () => void): CpuSteps {
  const definition = methods['responses.submit'];
  const poll = polls.find(submit.pollId, submit.pollVersion);
  if (poll === undefined) throw new Error('The bench poll is missing');
  const bursts = new BurstDetector();
  const ids = new AnswerIds();
  const state = BookState.empty(0);
  const makeLine = (seq: number): JournalLine => ({
    v: 1,
    type: 'response',
    response: {
      id: randomUUID(),
      kioskId,
      pollId: submit.pollId,
      pollVersion: submit.pollVersion,
      answer: submit.answer,
      language: submit.language,
      answeredAt: toLocalIsoString(new Date()),
      flags: [],
      seq,
      topics: [],
      comment: null,
    },
  });
  const lines = Array.from({ length: 6400 }, (_, index) => makeLine(index + 1));
  const texts = lines.map((line) => JSON.stringify(line));
  let sink = 0;
  const actions: Record<StepName, (index: number) => void> = {
    inputCheck: () => (sink += definition.input.safeParse(submit).success ? 1 : 0),
    pollChecks: () => {
      const now = new Date();
      const found = polls.find(submit.pollId, submit.pollVersion);
      if (found !== undefined && polls.isOpenForAnswers(found, now)) checkAnswer(found, submit.answer);
    },
    answerMaking: () => {
      const now = new Date();
      sink += ids.next().length + toLocalIsoString(now).length + (bursts.isBurst(now.getTime()) ? 1 : 0);
    },
    lineMaking: (index) => (sink += Buffer.from(`${JSON.stringify(lines[index % lines.length])}\n`).length),
    // Each line once, in number order, as the journal applies them.
    stateUpdate: (index) => {
      const line = lines[index - 1];
      const text = texts[index - 1];
      if (line !== undefined && text !== undefined) state.applySegment(1, [line], [text]);
    },
    outputCheck: () => (sink += definition.output.parse({ responseId: '0b5a43a4-7f9c-4a52-9a3e-2f35c1f0a1de', seq: 1 }).seq),
  };
  const warmRounds = 29;
  const measure = (action: (index: number) => void) => ({
    warm: perCall(action, 200, warmRounds),
    afterFlush: perCallAfterFlush(action, flush, 200 * warmRounds + 1),
  });
  const steps: CpuSteps = {
    inputCheck: measure(actions.inputCheck),
    pollChecks: measure(actions.pollChecks),
    answerMaking: measure(actions.answerMaking),
    lineMaking: measure(actions.lineMaking),
    stateUpdate: measure(actions.stateUpdate),
    outputCheck: measure(actions.outputCheck),
  };
  if (sink < 0) throw new Error('unreachable');
  return steps;
}
