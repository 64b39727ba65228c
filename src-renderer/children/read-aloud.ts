import type { LocalizedString } from '../../src-shared/contract/localize';
import { speakPieces, stopSpeaking } from '../parents/speech';

/** Says one thing at once: a new touch cuts off what was being said, as a child expects. */
export function readAloud(piece: LocalizedString): void {
  speakPieces([piece]);
}

export function stopReading(): void {
  stopSpeaking();
}
