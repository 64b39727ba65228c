/** The parts of eSpeak NG's Emscripten build that the speech worker uses (the package ships no types). */
declare module '@echogarden/espeak-ng-emscripten' {
  export interface EspeakVoice {
    identifier: string;
    name: string;
  }

  export interface EspeakSynthesizer {
    set_voice(identifier: string): number;
    set_rate(wordsPerMinute: number): number;
    get_samplerate(): number;
    list_voices(): EspeakVoice[];
    /** Calls back with each piece of 16-bit samples as it is made; returning true stops early. */
    synthesize(text: string, onSamples: (samples: Int16Array | null) => boolean): void;
  }

  export interface EspeakModule {
    eSpeakNGWorker: new () => EspeakSynthesizer;
  }

  export interface EspeakOptions {
    /** The voices' data bundle, handed over instead of letting the engine fetch its own. */
    getPreloadedPackage(name: string, size: number): ArrayBuffer;
    print?(text: string): void;
    printErr?(text: string): void;
  }

  const createEspeak: (options: EspeakOptions) => Promise<EspeakModule>;
  export default createEspeak;
}
