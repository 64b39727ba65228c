import type { EspeakModule, EspeakOptions } from 'espeak-ng';
import type { OfflineLanguage } from './offline-languages';
import { readWave, type Wave } from './wave-file';

/** A little slower than eSpeak's 175 words a minute: children and parents who read little follow it better. */
const wordsPerMinute = 150;

/** eSpeak NG's voice for each language: the trimmed module holds exactly these. */
const voiceOf = { fi: 'fi', sv: 'sv', en: 'en' } satisfies Record<OfflineLanguage, string>;

/** The words go in a file, not on the command line: text that starts with "-" is then never read as an option. */
const wordsPath = '/words.txt';
const speechPath = '/speech.wav';
const utf8Input = '1';

export interface SpeechEngine {
  /** Speaks the words into samples; rejects, with eSpeak NG's own message, when it could not. */
  speak(text: string, language: OfflineLanguage): Promise<Wave>;
}

/** eSpeak NG's Emscripten factory: the package's default export. */
export type EspeakFactory = (options: EspeakOptions) => Promise<EspeakModule>;

/**
 * eSpeak NG on the trimmed module (scripts/speech/espeak-voices.mjs). The package is its command
 * line: each utterance runs it once in an instance of its own, made from the module compiled once.
 * An instance starts in a few milliseconds, and none carries anything over to the next.
 */
export function openEspeak(createEspeak: EspeakFactory, compiled: WebAssembly.Module): SpeechEngine {
  return {
    speak(text, language) {
      const messages: string[] = [];
      const started = new Promise<EspeakModule>((resolve, reject) => {
        createEspeak({
          arguments: ['-b', utf8Input, '-s', String(wordsPerMinute), '-v', voiceOf[language], '-w', speechPath, '-f', wordsPath],
          preRun: [(module) => module.FS.writeFile(wordsPath, text)],
          instantiateWasm(imports, receive) {
            WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled), reject);
            return {};
          },
          print: () => undefined,
          printErr: (message) => messages.push(message),
        }).then(resolve, reject);
      });
      return started
        .then((module) => module.FS.readFile(speechPath))
        .catch((error: unknown) => {
          throw new Error(`eSpeak NG could not speak: ${messages.join(' ') || String(error)}`);
        })
        .then(readWave);
    },
  };
}
