import type { EspeakModule, EspeakOptions } from '@echogarden/espeak-ng-emscripten';
import type { OfflineLanguage } from './offline-languages';

/** A little slower than eSpeak's 175 words a minute: children and parents who read little follow it better. */
const wordsPerMinute = 150;

/** eSpeak NG's voice for each language: the trimmed data holds exactly these. */
const voiceOf = { fi: 'fi', sv: 'sv', en: 'en' } satisfies Record<OfflineLanguage, string>;

export interface SpeechEngine {
  sampleRate: number;
  /** Speaks synchronously, handing over each piece of 16-bit samples as soon as it is made. */
  speak(text: string, language: OfflineLanguage, onSamples: (samples: Int16Array) => void): void;
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
  return {
    sampleRate: synthesizer.get_samplerate(),
    speak(text, language, onSamples) {
      const voice = voiceOf[language];
      if (voice !== currentVoice) {
        synthesizer.set_voice(voice);
        currentVoice = voice;
      }
      synthesizer.synthesize(text, (samples) => {
        if (samples !== null && samples.length > 0) onSamples(samples);
        return false;
      });
    },
  };
}
