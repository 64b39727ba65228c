import type { MethodInput, MethodName, MethodOutput } from './methods';
import type { Result } from './result';

/**
 * What the Electron preload puts on `window.kerro`: one named function per contract method.
 * The staff token rides along as over HTTP; the main side checks it for staff methods.
 */
export type KerroBridge = {
  [M in MethodName]: (input: MethodInput<M>, staffToken?: string | null) => Promise<Result<MethodOutput<M>>>;
};
