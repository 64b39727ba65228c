import type { EspeakModule, EspeakOptions } from '@echogarden/espeak-ng-emscripten';
import type { OfflineLanguage } from './offline-languages';

/** A little slower than eSpeak's 175 words a minute: children and parents who read little follow it better. */
const wordsPerMinute = 150;

/** eSpeak NG's voice for each language: the trimmed data holds exactly these. */
const voiceOf = { fi: 'fi', sv: 'sv', en: 'en' } satisfies Record<OfflineLanguage, string>;

/** A word to prime each voice with: any short text walks the same code as real speech. */
const primingWord = { fi: 'Hei', sv: 'Hej', en: 'Hello' } satisfies Record<OfflineLanguage, string>;

export interface SpeechEngine {
  sampleRate: number;
  /** Speaks synchronously, handing over each piece of 16-bit samples as soon as it is made. */
  speak(text: string, language: OfflineLanguage, onSamples: (samples: Int16Array) => void): void;
  /**
   * Makes the first piece of a short word and throws it away. The engine is JavaScript compiled
   * from WebAssembly (wasm2js): the browser compiles its large synthesis functions only when they
   * first run, which is most of the wait for a first sample. Done while the engine opens, that
   * wait is gone by the time words are asked for; it also loads the language's dictionary.
   */
  prime(language: OfflineLanguage): void;
}

/** eSpeak NG's Emscripten factory: the package's default export, trimmed by the build. */
export type EspeakFactory = (options: EspeakOptions) => Promise<EspeakModule>;

/** Starts eSpeak NG on the trimmed data bundle (scripts/speech/espeak-voices.mjs makes both). */
export async function openEspeak(createEspeak: EspeakFactory, data: ArrayBuffer): Promise<SpeechEngine> {
  const module = await createEspeak({
    getPreloadedPackage: () => data,
    print: () => undefined,
    printErr: () => undefined,
  });
  const synthesizer = new module.eSpeakNGWorker();
  synthesizer.set_rate(wordsPerMinute);
  let currentVoice: string | null = null;
  const useVoice = (language: OfflineLanguage) => {
    const voice = voiceOf[language];
    if (voice === currentVoice) return;
    synthesizer.set_voice(voice);
    currentVoice = voice;
  };
  return {
    sampleRate: synthesizer.get_samplerate(),
    speak(text, language, onSamples) {
      useVoice(language);
      synthesizer.synthesize(text, (samples) => {
        if (samples !== null && samples.length > 0) onSamples(samples);
        return false;
      });
    },
    prime(language) {
      useVoice(language);
      // Returning true after the first piece stops the synthesis there: the rest would compile nothing new.
      synthesizer.synthesize(primingWord[language], (samples) => samples !== null && samples.length > 0);
    },
  };
}
