import type { ExportAnswer } from '../../src-shared/contract/batch-format';
import { isInRanges, type BatchSummary } from '../../src-shared/qr/batch-summary';
import type { StoredBatch } from './batch-store';
import { sha256Hex } from './sha256';

/**
 * Answers are parsed a few thousand lines at a time: one JSON.parse over a piece costs about a
 * third less than one per line, and a piece, not a whole batch's answers, is held at once.
 */
const linesPerPiece = 2048;

/**
 * A kept batch's answers, a piece at a time, from its canonical layout: the opening line, one
 * answer a line (all but the last ending in a comma), the closing line.
 */
function* answerPieces(canonical: string): Generator<ExportAnswer[]> {
  // The line break that ends the last answer: the one before the closing line's own.
  const end = canonical.lastIndexOf('\n', canonical.length - 2);
  let from = canonical.indexOf('\n') + 1;
  while (from > 0 && from < end) {
    let to = from - 1;
    for (let count = 0; count < linesPerPiece && to < end; count += 1) to = canonical.indexOf('\n', to + 1);
    // Without the comma that ends every line but the batch's last answer.
    const answers: ExportAnswer[] = JSON.parse(`[${canonical.slice(from, to === end ? to : to - 1)}]`);
    yield answers;
    from = to + 1;
  }
}

/**
 * Reads kept batches back for a file. Storage in a browser can be edited by whoever holds the
 * machine, so each batch's hash is checked again: equal bytes are the bytes whose every answer
 * was checked against its schema when the batch arrived. Made for one file and dropped after it,
 * with the buffer its batches are encoded into for hashing.
 */
export class BatchReader {
  private readonly encoder = new TextEncoder();
  private scratch = new Uint8Array(0);

  /**
   * Hands over the answers of one kept batch, in order, without those an earlier batch of its
   * kiosk already brought. The hash is worked out by the browser beside this thread while the
   * answers are read; the answer is whether the batch still matches, and what was handed over of
   * one that does not must be thrown away.
   */
  async eachAnswer(stored: StoredBatch, summary: BatchSummary, visit: (answer: ExportAnswer) => void): Promise<boolean> {
    // The digest takes its copy of the bytes when called, so the buffer is free again for the next batch.
    const hashed = sha256Hex(this.utf8Of(stored.canonical));
    try {
      for (const answers of answerPieces(stored.canonical)) {
        for (const answer of answers) if (summary.overlaps.length === 0 || !isInRanges(answer.seq, summary.overlaps)) visit(answer);
      }
    } catch (error) {
      // Edited storage may be no JSON at all: such a batch is left out, as one whose hash differs.
      if ((await hashed) !== stored.sha256) return false;
      throw error;
    }
    return (await hashed) === stored.sha256;
  }

  /** The text's UTF-8 bytes, encoded into a buffer kept between batches: half the cost of a new array each time. */
  private utf8Of(text: string): Uint8Array {
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    if (this.scratch.length < text.length * 3) this.scratch = new Uint8Array(text.length * 3);
    const { written } = this.encoder.encodeInto(text, this.scratch);
    return this.scratch.subarray(0, written);
  }
}
