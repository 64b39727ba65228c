import type { OfflineLanguage } from './offline-languages';

/** What the screens ask of the speech worker. */
export type SpeechRequest =
  /** `engine`: the trimmed eSpeak NG module's bytes, fetched by the page while the worker loads. */
  | { type: 'open'; engine: ArrayBuffer }
  | { type: 'speak'; utterance: number; text: string; language: OfflineLanguage };

/** What the speech worker answers: an utterance's samples come in one message, once it is made. */
export type SpeechReply =
  /** The worker's script has loaded; the engine opens once its module comes. */
  | { type: 'loaded' }
  | { type: 'samples'; utterance: number; samples: Int16Array; sampleRate: number }
  | { type: 'failed'; message: string };
