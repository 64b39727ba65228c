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
  private count = 0;

  next(): string {
    if (this.count >= answerIdCountLimit) {
      this.run = newRun();
      this.count = 0;
    }
    const id = answerIdOf(this.run, this.count);
    this.count += 1;
    return id;
  }
}

function newRun(): Uint8Array {
  return answerIdRun(randomFillSync(new Uint8Array(answerIdRunBytes)));
}
