import type { LocalizedString } from '../../src-shared/contract/localize';
import { speakPieces, stopSpeaking } from '../parents/speech';

/**
 * Says one thing at once: a new touch cuts off what was being said, as a child expects. Speech
 * comes from an OS voice of the language where there is one, else from the bundled offline voice
 * (src-renderer/speech), so a kiosk with no voices installed still speaks fi, sv and en.
 */
export function readAloud(piece: LocalizedString): void {
  speakPieces([piece]);
}

export function stopReading(): void {
  stopSpeaking();
}
