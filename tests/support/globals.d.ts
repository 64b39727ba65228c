import type { KerroBridge } from '../../src-shared/contract/bridge';

declare global {
  interface Window {
    /** Put there by the Electron preload; the Electron specs look at it from the page. */
    kerro?: KerroBridge;
  }
}
