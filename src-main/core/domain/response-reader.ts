import type { StoredResponse } from '../../../src-shared/contract/responses';
import type { Journal } from '../store/journal';
import { localDayOf } from './answer-tally';
import { hasComment } from './comment-shelf';
import { parseJournalLine, withFollowUp, type FollowUpLine } from './journal-line';
import { overlapsDays, overlapsSeq, type SegmentEntry } from './segment-index';

/** What a read needs of the book: its segments, what is purged, and the journal to read from. */
export interface ReadSource {
  journal: Journal;
  segments: readonly SegmentEntry[];
  purgedSeq: number;
}

/**
 * Reads the answers that `wanted` accepts from the segments `isCandidate` picks, oldest first,
 * with their follow-ups. Only the answers asked for are held, never the whole journal; a
 * duplicate line (a crash's leftover) keeps the first copy, as opening does.
 */
async function readForward(
  source: ReadSource,
  isCandidate: (entry: SegmentEntry) => boolean,
  wanted: (response: StoredResponse) => boolean,
): Promise<StoredResponse[]> {
  const found = new Map<string, StoredResponse>();
  const seen = new Set<number>();
  for (const entry of source.segments.filter(isCandidate)) {
    for (const text of await source.journal.readSegment(entry.number)) {
      const line = parseJournalLine(text);
      if (line === null) continue;
      if (line.type === 'followUp') {
        const response = found.get(line.responseId);
        if (response !== undefined) found.set(line.responseId, withFollowUp(response, line));
        continue;
      }
      const { response } = line;
      if (response.seq <= source.purgedSeq || seen.has(response.seq) || !wanted(response)) continue;
      seen.add(response.seq);
      found.set(response.id, response);
    }
  }
  return [...found.values()].sort((left, right) => left.seq - right.seq);
}

/** Answers numbered after `afterSeq` up to `throughSeq`, in number order. */
export function readSeqRange(source: ReadSource, afterSeq: number, throughSeq: number): Promise<StoredResponse[]> {
  return readForward(
    source,
    (entry) => overlapsSeq(entry, afterSeq, throughSeq),
    (response) => response.seq > afterSeq && response.seq <= throughSeq,
  );
}

/**
 * The same answers as `readSeqRange`, handed on one at a time so that a range of any size is never
 * held whole. A follow-up can only be in its answer's segment or a later one, and a segment's
 * `low` counts its follow-ups' answers: so once the segments still to read all start above an
 * answer's number, nothing can change that answer any more and it goes out, in number order.
 */
export async function* streamSeqRange(source: ReadSource, afterSeq: number, throughSeq: number): AsyncGenerator<StoredResponse> {
  const entries = source.segments.filter((entry) => overlapsSeq(entry, afterSeq, throughSeq));
  // lowAfter[index]: the lowest answer number any segment after entries[index] concerns.
  const lowAfter = entries.map(() => Number.POSITIVE_INFINITY);
  for (let index = entries.length - 2; index >= 0; index -= 1) {
    lowAfter[index] = Math.min(entries[index + 1]?.low ?? Number.POSITIVE_INFINITY, lowAfter[index + 1] ?? Number.POSITIVE_INFINITY);
  }
  const held = new Map<string, StoredResponse>();
  const heldSeqs = new Set<number>();
  let lastSent = afterSeq;
  for (const [index, entry] of entries.entries()) {
    for (const text of await source.journal.readSegment(entry.number)) {
      const line = parseJournalLine(text);
      if (line === null) continue;
      if (line.type === 'followUp') {
        const response = held.get(line.responseId);
        if (response !== undefined) held.set(line.responseId, withFollowUp(response, line));
        continue;
      }
      const { response } = line;
      // At or below `lastSent`: a duplicate line (a crash's leftover) of an answer already sent; the first copy counts.
      if (response.seq <= source.purgedSeq || response.seq <= lastSent || response.seq > throughSeq || heldSeqs.has(response.seq)) continue;
      heldSeqs.add(response.seq);
      held.set(response.id, response);
    }
    const bound = lowAfter[index] ?? Number.POSITIVE_INFINITY;
    const settled = [...held.values()].filter((response) => response.seq < bound).sort((left, right) => left.seq - right.seq);
    for (const response of settled) {
      held.delete(response.id);
      heldSeqs.delete(response.seq);
      lastSent = response.seq;
      yield response;
    }
  }
}

/** Answers given on the local days from `from` to `to` (both included), in number order. */
export function readDays(source: ReadSource, from: string, to: string): Promise<StoredResponse[]> {
  return readForward(
    source,
    (entry) => overlapsDays(entry, from, to),
    (response) => localDayOf(response.answeredAt) >= from && localDayOf(response.answeredAt) <= to,
  );
}

/**
 * One poll's answers numbered up to `throughSeq` that hold a comment (a text answer or a
 * follow-up comment) on the days from `from` to `to`, newest first, read from the newest segment
 * back and only from segments that hold such comments; the caller stops when it has enough. A
 * follow-up is always in the answer's segment or a later one, so reading backwards meets it
 * before its answer (a segment's lowest number counts its follow-ups' answers).
 */
export async function* readCommentedNewestFirst(
  source: ReadSource,
  pollId: string,
  from: string | null,
  to: string | null,
  throughSeq = Number.MAX_SAFE_INTEGER,
): AsyncGenerator<StoredResponse> {
  const followUps = new Map<string, FollowUpLine>();
  const seen = new Set<number>();
  const candidates = source.segments.filter(
    (entry) => entry.commentPolls.includes(pollId) && overlapsDays(entry, from, to) && entry.low <= throughSeq,
  );
  for (const entry of candidates.reverse()) {
    const texts = await source.journal.readSegment(entry.number);
    for (let index = texts.length - 1; index >= 0; index -= 1) {
      const line = parseJournalLine(texts[index] ?? '');
      if (line === null) continue;
      if (line.type === 'followUp') {
        // Reading backwards, the first follow-up met is the latest, the one that counts.
        if (!followUps.has(line.responseId)) followUps.set(line.responseId, line);
        continue;
      }
      const { response } = line;
      const day = localDayOf(response.answeredAt);
      if (response.pollId !== pollId || response.seq <= source.purgedSeq || response.seq > throughSeq || seen.has(response.seq)) continue;
      if ((from !== null && day < from) || (to !== null && day > to)) continue;
      seen.add(response.seq);
      const latest = withFollowUp(response, followUps.get(response.id));
      followUps.delete(response.id);
      if (hasComment(latest)) yield latest;
    }
  }
}
