import { randomFillSync } from 'node:crypto';
import { answerIdCountLimit, answerIdOf, answerIdRun, answerIdRunBytes } from '../../../src-shared/contract/answer-id';

/**
 * Hands out answer ids (layout and reasons in src-shared/contract/answer-id.ts). A new run is
 * drawn each time the answer store opens, never stored, so a restored or copied data folder
 * cannot make an id its original already made. The count moves on for every id asked for,
 * even one whose answer then fails to be written, so no id is ever handed out twice in a run.
 */
export class AnswerIds {
  private run = newRun();
  /**
   * The id's text up to the count, the same for the whole run: made once, so an answer's id
   * costs one number written in hex (on every answer's path, formatting all 16 bytes took as
   * long as checking the input).
   */
  private prefix = prefixOf(this.run);
  private count = 0;

  next(): string {
    if (this.count >= answerIdCountLimit) {
      this.run = newRun();
      this.prefix = prefixOf(this.run);
      this.count = 0;
    }
    const id = `${this.prefix}${this.count.toString(16).padStart(8, '0')}`;
    this.count += 1;
    return id;
  }
}

function newRun(): Uint8Array {
  return answerIdRun(randomFillSync(new Uint8Array(answerIdRunBytes)));
}

/** The run's id at count 0 less its last 8 hex digits, which are the count. */
function prefixOf(run: Uint8Array): string {
  return answerIdOf(run, 0).slice(0, -8);
}
