import type { OfflineLanguage } from './offline-languages';

/** What the screens ask of the speech worker. */
export type SpeechRequest =
  /** `language`: the one the visitor most likely hears first; the engine is primed in it. */
  | { type: 'open'; data: ArrayBuffer; language: OfflineLanguage }
  | { type: 'speak'; utterance: number; text: string; language: OfflineLanguage };

/** What the speech worker answers: samples stream out while a sentence is still being made. */
export type SpeechReply =
  /** The worker's script has loaded; the engine opens once the data comes. */
  | { type: 'loaded' }
  | { type: 'ready'; sampleRate: number }
  | { type: 'samples'; utterance: number; samples: Int16Array }
  | { type: 'spoken'; utterance: number }
  | { type: 'failed'; message: string };
