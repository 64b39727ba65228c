/** The parts of eSpeak NG's Emscripten build that the speech worker uses (the package ships no types). */
declare module 'espeak-ng' {
  export interface EspeakFileSystem {
    writeFile(path: string, data: string | Uint8Array): void;
    readFile(path: string): Uint8Array;
  }

  export interface EspeakModule {
    FS: EspeakFileSystem;
  }

  export interface EspeakOptions {
    /** The command line: eSpeak NG runs it as soon as the module has started. */
    arguments: string[];
    /** Run before the command line, with the file system ready: where its input is written. */
    preRun: ((module: EspeakModule) => void)[];
    /** Instantiates the module the caller compiled, instead of letting the script fetch its own. */
    instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): object;
    print(text: string): void;
    printErr(text: string): void;
  }

  const createEspeak: (options: EspeakOptions) => Promise<EspeakModule>;
  export default createEspeak;
}
