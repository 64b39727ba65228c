import type { LocalizedString } from '../../src-shared/contract/localize';

/** The speech engine where the browser has one; some kiosk browsers and headless ones have none. */
function speechEngine(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

/** Voices name their language as `fi-FI`, `fi_FI` or just `fi`; the primary subtag is what must match. */
function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

export function voiceFor(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | null {
  const wanted = primaryLanguage(language);
  const matching = voices.filter((voice) => primaryLanguage(voice.lang) === wanted);
  return matching.find((voice) => voice.localService) ?? matching[0] ?? null;
}

export function listVoices(): readonly SpeechSynthesisVoice[] {
  return speechEngine()?.getVoices() ?? [];
}

export function onVoicesChanged(listener: () => void): () => void {
  const engine = speechEngine();
  if (engine === null) return () => undefined;
  engine.addEventListener('voiceschanged', listener);
  return () => engine.removeEventListener('voiceschanged', listener);
}

/**
 * Reads each piece in its own language's voice: a question shown in Finnish because its
 * translation is missing is read by a Finnish voice, never by the chosen language's voice.
 * A piece with no voice for its language is left out rather than read wrongly.
 */
export function speakPieces(pieces: readonly LocalizedString[]): void {
  const engine = speechEngine();
  if (engine === null) return;
  const voices = engine.getVoices();
  engine.cancel();
  for (const piece of pieces) {
    const voice = voiceFor(voices, piece.language);
    if (voice === null || piece.text.trim() === '') continue;
    const utterance = new SpeechSynthesisUtterance(piece.text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    engine.speak(utterance);
  }
}

export function stopSpeaking(): void {
  speechEngine()?.cancel();
}
