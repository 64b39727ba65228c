import type { BatchHeader, ExportAnswer, PollSnapshot } from '../contract/batch-format';

/** A batch as the receiver keeps it. */
export interface KeptBatch {
  header: BatchHeader;
  polls: PollSnapshot[];
  answers: ExportAnswer[];
  sha256: string;
}

export interface MergedAnswer extends ExportAnswer {
  kioskId: string;
  batch: number;
}

export interface KioskLedger {
  kioskId: string;
  site: string;
  batches: { number: number; count: number; sha256: string; first: string | null; last: string | null }[];
  /** Batch numbers below the highest one received that never came. */
  missing: number[];
  /** Batches whose `previousHash` is not the hash of the batch before them as received. */
  chainBreaks: number[];
}

export interface MergedResults {
  kiosks: KioskLedger[];
  polls: PollSnapshot[];
  answers: MergedAnswer[];
  /** Answers seen in more than one batch (the same kiosk and sequence number), counted once. */
  duplicateAnswers: number;
}

/**
 * Merges batches from many kiosks: every answer once, keyed by kiosk id and sequence number, so
 * a batch read twice (or by QR and from a stick) never counts twice. Per kiosk it lists the
 * batch numbers missing and the places where the hash chain does not hold.
 */
export function mergeBatches(batches: readonly KeptBatch[]): MergedResults {
  const byKiosk = new Map<string, KeptBatch[]>();
  for (const batch of batches) {
    const list = byKiosk.get(batch.header.kioskId) ?? [];
    list.push(batch);
    byKiosk.set(batch.header.kioskId, list);
  }
  const seen = new Set<string>();
  const answers: MergedAnswer[] = [];
  const polls = new Map<string, PollSnapshot>();
  let duplicateAnswers = 0;
  const kiosks: KioskLedger[] = [];
  for (const [kioskId, list] of [...byKiosk.entries()].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))) {
    list.sort((left, right) => left.header.number - right.header.number);
    const numbers = new Set(list.map((batch) => batch.header.number));
    const highest = list.at(-1)?.header.number ?? 0;
    const missing = Array.from({ length: highest }, (_, index) => index + 1).filter((number) => !numbers.has(number));
    const hashOf = new Map(list.map((batch) => [batch.header.number, batch.sha256]));
    const chainBreaks = list
      .filter((batch) => {
        const { number, previousHash } = batch.header;
        if (number === 1) return previousHash !== null;
        const before = hashOf.get(number - 1);
        return before !== undefined && before !== previousHash;
      })
      .map((batch) => batch.header.number);
    for (const batch of list) {
      for (const poll of batch.polls) polls.set(`${poll.id}@${poll.version}`, poll);
      for (const answer of batch.answers) {
        const key = `${kioskId}\u0000${answer.seq}`;
        if (seen.has(key)) {
          duplicateAnswers += 1;
          continue;
        }
        seen.add(key);
        answers.push({ ...answer, kioskId, batch: batch.header.number });
      }
    }
    kiosks.push({
      kioskId,
      site: list.at(-1)?.header.site ?? '',
      batches: list.map((batch) => ({
        number: batch.header.number,
        count: batch.header.count,
        sha256: batch.sha256,
        first: batch.answers[0]?.answeredAt ?? null,
        last: batch.answers.at(-1)?.answeredAt ?? null,
      })),
      missing,
      chainBreaks,
    });
  }
  return { kiosks, polls: [...polls.values()], answers, duplicateAnswers };
}
