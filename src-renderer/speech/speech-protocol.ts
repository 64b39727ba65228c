import type { OfflineLanguage } from './offline-languages';

/** What the screens ask of the speech worker. */
export type SpeechRequest =
  | { type: 'open'; data: ArrayBuffer }
  | { type: 'speak'; utterance: number; text: string; language: OfflineLanguage };

/** What the speech worker answers: samples stream out while a sentence is still being made. */
export type SpeechReply =
  | { type: 'ready'; sampleRate: number }
  | { type: 'samples'; utterance: number; samples: Int16Array }
  | { type: 'spoken'; utterance: number }
  | { type: 'failed'; message: string };
