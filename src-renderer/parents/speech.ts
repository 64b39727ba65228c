import type { LocalizedString } from '../../src-shared/contract/localize';
import { isOfflineLanguage, offlineLanguageOf } from '../speech/offline-languages';
import { speakOffline, stopOffline, warmOfflineVoice } from '../speech/offline-voice';

/** The OS speech engine where the browser has one; some kiosk browsers and headless ones have none. */
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

/** Whether something in this language can be read aloud: by an OS voice, or by the bundled one. */
export function canSpeak(voices: readonly SpeechSynthesisVoice[], language: string): boolean {
  return voiceFor(voices, language) !== null || isOfflineLanguage(language);
}

/**
 * Reads each piece in its own language's voice: a question shown in Finnish because its
 * translation is missing is read by a Finnish voice, never by the chosen language's voice.
 * The OS voices read when they have a voice for every piece (they sound best where installed);
 * otherwise the bundled offline voice reads, so a kiosk with no OS voice still speaks. A piece
 * no voice can read is left out rather than read wrongly.
 */
export function speakPieces(pieces: readonly LocalizedString[]): void {
  const spoken = pieces.filter((piece) => piece.text.trim() !== '');
  const engine = speechEngine();
  const voices = engine?.getVoices() ?? [];
  stopSpeaking();
  const voiced = spoken.map((piece) => ({ piece, voice: voiceFor(voices, piece.language) }));
  if (engine === null || voiced.some(({ voice }) => voice === null)) {
    speakOffline(spoken);
    return;
  }
  for (const { piece, voice } of voiced) {
    const utterance = new SpeechSynthesisUtterance(piece.text);
    utterance.voice = voice;
    if (voice !== null) utterance.lang = voice.lang;
    engine.speak(utterance);
  }
}

/**
 * Starts the bundled voice ahead of need where no OS voice speaks this language: on a visitor's
 * first touch, so that words asked for a moment later come at once. Nothing of the engine is
 * fetched before someone touches the screen.
 */
export function prepareSpeech(language: string): void {
  const offline = offlineLanguageOf(language);
  if (offline !== null && voiceFor(listVoices(), language) === null) warmOfflineVoice();
}

export function stopSpeaking(): void {
  speechEngine()?.cancel();
  stopOffline();
}
