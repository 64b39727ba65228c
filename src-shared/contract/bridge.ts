import type { MethodInput, MethodName, MethodOutput } from './methods';
import type { Result } from './result';

/** What the Electron preload puts on `window.kerro`: one named function per contract method. */
export type KerroBridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};
